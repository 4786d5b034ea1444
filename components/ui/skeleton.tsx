export type SkeletonProps = { className?: string };

/** A grey placeholder block that pulses while the content it stands for loads (still under reduced motion). */
export function Skeleton({ className = "" }: SkeletonProps) {
  return <div aria-hidden="true" className={`rounded-md bg-gray-200 motion-safe:animate-pulse ${className}`} />;
}
