"use client";

import Link from "next/link";
import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";
import { ReviewQueue } from "@/components/claims/review-queue";
import { claimsHref, toQueueClaim, type ListedClaim, type QueuePage } from "@/components/claims/queue-page";
import { usePageRefresh } from "@/components/layout/page-refresh";
import { usePolling } from "@/components/ui/use-polling";
import { cappedPlural } from "@/lib/format";

type LiveQueue = { page: QueuePage; refresh: () => Promise<void> };

const LiveQueueContext = createContext<LiveQueue | null>(null);

function useLiveQueue(): LiveQueue {
  const live = useContext(LiveQueueContext);
  if (!live) throw new Error("A live queue part is rendered outside LiveQueueProvider.");
  return live;
}

export type LiveQueueProviderProps = {
  /** The page as the server rendered it, with the change token it was read at. */
  initial: QueuePage;
  /** The page's filters as a query string for `GET /api/claims` (`filtersQuery`). */
  query: string;
  intervalMs?: number;
  children: React.ReactNode;
};

async function readJson<T>(url: string): Promise<T | null> {
  const response = await fetch(url, { cache: "no-store" });
  return response.ok ? ((await response.json()) as T) : null;
}

/**
 * Keeps the review queue's rows current while it is open: polls the shared change token (a teammate's
 * review, an ingest; every app instance sees it) and, when it moves, reads the same page of rows again
 * from `GET /api/claims`. The rows change in place, so the reviewer's place, selection and half-typed
 * input stay as they were; the route is never rendered again for it (the unfiltered queue is a kept
 * page, lib/server/page-cache.ts, and a new page would be a new key). After their own review the
 * queue calls `refresh` at once.
 */
export function LiveQueueProvider({ initial, query, intervalMs = 4000, children }: LiveQueueProviderProps) {
  const [state, setState] = useState({ initial, page: initial });
  // New rows from the server (other filters, or the same route rendered again) replace the fetched ones.
  if (state.initial !== initial) setState({ initial, page: initial });
  // The token the rows on screen were read at, for the polls to compare with.
  const token = useRef(state.page.token);
  const reads = useRef(0);
  useEffect(() => {
    token.current = state.page.token;
  }, [state.page.token]);
  // New rows from the server outdate any read still on its way.
  useEffect(() => {
    reads.current += 1;
  }, [initial]);

  const read = useCallback(
    async (force: boolean) => {
      const changes = await readJson<{ token: string }>("/api/claims/changes");
      if (!changes || (!force && changes.token === token.current)) return;
      const ticket = ++reads.current;
      const rows = await readJson<{ items: ListedClaim[]; total: number; totalIsCapped: boolean; nextCursor: string | null }>(`/api/claims?${query}`);
      // A later read (or new filters) supersedes this one.
      if (!rows || ticket !== reads.current) return;
      setState((previous) => ({
        initial: previous.initial,
        page: { claims: rows.items.map(toQueueClaim), total: rows.total, isTotalCapped: rows.totalIsCapped, nextCursor: rows.nextCursor, token: changes.token },
      }));
    },
    [query],
  );

  // At once too: a page the router kept, or a kept page, can be older than the token.
  const poll = useCallback(() => read(false), [read]);
  usePolling(poll, intervalMs);

  const refresh = useCallback(async () => {
    try {
      await read(true);
    } catch {
      // The next poll brings the change.
    }
  }, [read]);
  // The end of an analysis (the banner's refresh) reads the rows again too, instead of rendering the route.
  const followAnalysis = useCallback(() => void refresh(), [refresh]);
  usePageRefresh(followAnalysis);

  return <LiveQueueContext.Provider value={{ page: state.page, refresh }}>{children}</LiveQueueContext.Provider>;
}

/** "1,234 claims match, lowest confidence first." */
export function LiveQueueSummary({ order }: { order: string }) {
  const { page } = useLiveQueue();
  return (
    <>
      {cappedPlural(page, "claim", { atStart: true })} match, {order}.
    </>
  );
}

/** The table of the current rows, or a line saying none match. */
export function LiveReviewQueue({ canReview }: { canReview: boolean }) {
  const { page, refresh } = useLiveQueue();
  if (page.claims.length === 0) return <p className="text-sm text-gray-600">No claims match these filters.</p>;
  return <ReviewQueue claims={page.claims} canReview={canReview} onChange={refresh} />;
}

/** First and next page links; `params` are the page's parameters. */
export function LiveQueuePager({ params }: { params: Record<string, string | string[] | undefined> }) {
  const { page } = useLiveQueue();
  return (
    <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
      {params.cursor ? (
        <Link href={claimsHref(params, { cursor: undefined })} className="text-accent hover:underline">
          First page
        </Link>
      ) : null}
      {page.nextCursor ? (
        <Link href={claimsHref(params, { cursor: page.nextCursor })} className="text-accent hover:underline">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
