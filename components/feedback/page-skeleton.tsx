import { Skeleton } from "@/components/ui/skeleton";

export type PageSkeletonProps = { rows?: number };

/** The shape of a dashboard page (header, filters, a list) while its data loads; announced once to screen readers. */
export function PageSkeleton({ rows = 6 }: PageSkeletonProps) {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <div className="mb-6 border-b border-gray-200 pb-4">
        <Skeleton className="h-7 w-64 max-w-full" />
        <Skeleton className="mt-3 h-4 w-[28rem] max-w-full" />
      </div>
      <div className="mb-6 flex flex-wrap gap-3">
        <Skeleton className="h-9 w-40" />
        <Skeleton className="h-9 w-40" />
        <Skeleton className="h-9 w-28" />
      </div>
      <ul className="divide-y divide-gray-200 rounded-lg border border-gray-200 bg-white">
        {Array.from({ length: rows }, (_, index) => (
          <li key={index} className="flex flex-col gap-2 p-4">
            <Skeleton className="h-4 w-3/4" />
            <Skeleton className="h-3 w-1/3" />
          </li>
        ))}
      </ul>
    </div>
  );
}
