"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";

export type ErrorPanelProps = {
  title: string;
  /** What the reader can do about it, beyond trying again. */
  advice: string;
  /** The digest Next.js gives a server error; the same value is in the server's log line for it. */
  digest?: string;
  retry: () => void;
  home?: { href: string; label: string };
};

/**
 * What an error boundary shows: what went wrong, a "Try again" button that fetches and renders the
 * segment again, where else to go, and the reference that finds the error in the server's log.
 */
export function ErrorPanel({ title, advice, digest, retry, home }: ErrorPanelProps) {
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-lg border border-red-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-2 text-sm text-gray-700">{advice}</p>
      {digest ? (
        <p className="mt-2 text-xs text-gray-600">
          Reference for your administrator: <code className="font-mono">{digest}</code>
        </p>
      ) : null}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button onClick={() => retry()}>Try again</Button>
        {home ? (
          <Link className="text-sm text-accent underline" href={home.href}>
            {home.label}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
