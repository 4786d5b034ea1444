import { Skeleton } from "@/components/ui/skeleton";

export default function AuthLoading() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div role="status" aria-live="polite" className="w-full max-w-sm rounded-lg border border-gray-200 bg-white p-8 shadow-sm">
        <span className="sr-only">Loading…</span>
        <Skeleton className="h-3 w-20" />
        <Skeleton className="mt-3 h-6 w-48" />
        <Skeleton className="mt-8 h-4 w-16" />
        <Skeleton className="mt-2 h-9 w-full" />
        <Skeleton className="mt-4 h-4 w-20" />
        <Skeleton className="mt-2 h-9 w-full" />
        <Skeleton className="mt-6 h-9 w-full" />
      </div>
    </main>
  );
}
