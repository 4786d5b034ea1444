/* The review queue's page of rows as the browser holds it: built from `listClaims` on the server and from `GET /api/claims` in the browser. */
import type { CappedCount } from "@/lib/data/capped-count";
import type { ClaimListItem } from "@/lib/data/claims";
import type { ClaimFilters } from "@/lib/validations/claims";

/** What the queue shows of a claim, from a `listClaims` item or the same item as `GET /api/claims` sends it. */
export type ListedClaim = Pick<
  ClaimListItem,
  "id" | "kind" | "text" | "confidence" | "status" | "version" | "speaker" | "outlet" | "issues" | "assignee" | "isCorrected"
>;

/** A row of the queue: names where the list item has records. */
export type QueueClaim = Omit<ListedClaim, "speaker" | "outlet" | "assignee"> & { speaker: string | null; outlet: string | null; assignee: string | null };

/** One page of the queue and the change token it was read at (`GET /api/claims/changes`). */
export type QueuePage = { claims: QueueClaim[]; nextCursor: string | null; token: string } & CappedCount;

export function toQueueClaim(item: ListedClaim): QueueClaim {
  return {
    id: item.id,
    kind: item.kind,
    text: item.text,
    confidence: item.confidence,
    status: item.status,
    version: item.version,
    speaker: item.speaker?.name ?? null,
    outlet: item.outlet?.name ?? null,
    issues: item.issues,
    assignee: item.assignee ? (item.assignee.name ?? item.assignee.email) : null,
    isCorrected: item.isCorrected,
  };
}

/**
 * The query string of parsed filters, as `GET /api/claims` and the page read it back: the rows the
 * browser fetches when the queue changes are the page's own.
 */
export function filtersQuery(filters: ClaimFilters): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== "") query.set(key, String(value));
  return query.toString();
}

type Params = Record<string, string | string[] | undefined>;

/** The queue's address with some parameters changed (`undefined` removes one), keeping the first value of each. */
export function claimsHref(params: Params, change: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...change })) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first) query.set(key, first);
  }
  const text = query.toString();
  return text ? `/claims?${text}` : "/claims";
}
