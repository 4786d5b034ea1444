import Link from "next/link";

export default function ArticleNotFound() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-xl font-semibold">No such article</h1>
      <p className="mt-2 text-sm text-gray-600">It may have been deleted, or the link is wrong.</p>
      <Link href="/articles" className="mt-4 inline-block text-accent underline">
        Back to the articles
      </Link>
    </div>
  );
}
