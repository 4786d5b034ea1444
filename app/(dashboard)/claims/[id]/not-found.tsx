import Link from "next/link";

export default function ClaimNotFound() {
  return (
    <div className="py-12 text-center">
      <h1 className="text-xl font-semibold">No such claim</h1>
      <p className="mt-2 text-sm text-gray-600">It may have been removed when its article was derived again.</p>
      <Link href="/claims" className="mt-4 inline-block text-accent hover:underline">
        Back to the review queue
      </Link>
    </div>
  );
}
