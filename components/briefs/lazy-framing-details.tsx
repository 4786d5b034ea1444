"use client";

import { LoadStatus, useLoadOnOpen } from "@/components/ui/load-on-open";
import type { FramingMeasures } from "@/lib/analysis/framing-measures";
import { FramingMeasuresView } from "./framing-measures-view";

export type LazyFramingDetailsProps = {
  issueSlug: string;
  /** The brief's filters as a query string, so the measures are those of the sources the page shows. */
  query: string;
  /** How many sources the page describes (the measures of the same ones are loaded). */
  limit: number;
  summary: string;
  /** Rendered on the server: what the measures mean. */
  children?: React.ReactNode;
};

type FramingJson = Omit<FramingMeasures, "source"> & { outlet: { slug: string; name: string }; isArticle: boolean; articleId: string | null };

/**
 * The framing measures of a brief's sources behind a disclosure that loads them when first opened
 * (`GET /api/issues/[slug]`, the same brief the page shows), so the page itself carries only the
 * descriptions in words.
 */
export function LazyFramingDetails({ issueSlug, query, limit, summary, children }: LazyFramingDetailsProps) {
  const { state, load, onToggle } = useLoadOnOpen(async (): Promise<FramingMeasures[]> => {
    const response = await fetch(`/api/issues/${encodeURIComponent(issueSlug)}?${query}${query ? "&" : ""}limit=${limit}`);
    if (!response.ok) throw new Error(`status ${response.status}`);
    const body = (await response.json()) as { framing: FramingJson[] };
    return body.framing.map(({ outlet, isArticle, articleId, ...measures }) => ({
      ...measures,
      source: { key: outlet.slug, name: outlet.name, kind: isArticle ? ("article" as const) : ("outlet" as const), articleId },
    }));
  });
  return (
    <details className="rounded-lg border border-gray-200 bg-white p-3" onToggle={onToggle}>
      <summary className="cursor-pointer text-sm font-medium">{summary}</summary>
      {children}
      {state.status === "idle" ? null : state.status === "ready" ? (
        <FramingMeasuresView issueSlug={issueSlug} framing={state.value} isOneSource={false} />
      ) : (
        <LoadStatus
          className="text-sm text-gray-600"
          isFailed={state.status === "error"}
          loading="Loading the measures…"
          failed="The measures could not be loaded."
          onRetry={() => void load()}
        />
      )}
    </details>
  );
}
