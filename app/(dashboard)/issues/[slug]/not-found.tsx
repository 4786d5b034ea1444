import Link from "next/link";

export default function IssueNotFound() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-xl font-semibold">No such issue</h1>
      <p className="mt-2 text-sm text-gray-600">It may have been renamed, or the link is wrong.</p>
      <Link href="/issues" className="mt-4 inline-block text-accent underline">
        See all issues
      </Link>
    </div>
  );
}
