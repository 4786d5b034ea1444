import { StatusBadge } from "@/components/claims/status-badge";
import { Badge } from "@/components/ui/badge";
import type { IssueClaimPage } from "@/lib/data/positions";
import { cappedPlural, formatDate } from "@/lib/format";
import { KIND_LABEL, STATUS_LABEL } from "@/lib/validations/claims";
import { ISSUE_CLAIM_STATUSES, type IssueClaimListParams } from "@/lib/validations/positions";

export type IssueClaimListProps = {
  issueSlug: string;
  page: IssueClaimPage;
  list: IssueClaimListParams;
  /** The page's other parameters (the brief's filters), kept by the status form and the page links. */
  params: Record<string, string | undefined>;
};

function href(issueSlug: string, params: Record<string, string | undefined>, change: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...change })) if (value) query.set(key, value);
  const text = query.toString();
  return `/issues/${issueSlug}${text ? `?${text}` : ""}#claims-heading`;
}

/** Every claim on the issue, a page at a time, narrowed by the brief's filters and a review status. */
export function IssueClaimList({ issueSlug, page, list, params }: IssueClaimListProps) {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const first = page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const last = Math.min(page.total, page.page * page.pageSize);
  const queue = new URLSearchParams({ issue: issueSlug });
  if (params.outlet && !params.outlet.startsWith("article:")) queue.set("outlet", params.outlet);
  if (params.speaker) queue.set("speaker", params.speaker);
  if (params.kind) queue.set("kind", params.kind);
  if (list.status) queue.set("status", list.status);
  return (
    <>
      <form method="get" action={`/issues/${issueSlug}#claims-heading`} className="mb-3 flex flex-wrap items-end gap-3" aria-label="Claims by review status">
        {Object.entries(params).map(([key, value]) =>
          value && key !== "status" && key !== "page" ? <input key={key} type="hidden" name={key} value={value} /> : null,
        )}
        <div className="text-sm">
          <label htmlFor="issue-claims-status" className="mb-1 block font-medium">
            Review status
          </label>
          <select
            id="issue-claims-status"
            name="status"
            defaultValue={list.status ?? ""}
            className="rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm"
          >
            <option value="">Any</option>
            {ISSUE_CLAIM_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABEL[status]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-gray-50">
          Show
        </button>
        <a className="link text-sm" href={`/claims?${queue.toString()}`}>
          Review these in the queue
        </a>
      </form>
      <p className="meta mb-2" aria-live="polite">
        {page.total === 0 ? "No claim on this issue matches." : `${first}–${last} of ${cappedPlural(page, "claim")}, newest articles first.`}
      </p>
      {page.items.length > 0 ? (
        <ol className="divide-y divide-gray-200 rounded-lg border border-gray-200 bg-white" aria-label="Claims on this issue">
          {page.items.map((claim) => (
            <li key={claim.id} className="p-3">
              <p className="text-sm text-gray-900">
                <a className="hover:underline" href={`/claims/${claim.id}`}>
                  {claim.text}
                </a>
              </p>
              <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1">
                <Badge>{KIND_LABEL[claim.kind]}</Badge>
                <StatusBadge status={claim.status} />
                <span className="meta">
                  {`${claim.speaker ?? "No speaker"} · `}
                  <a
                    className="link"
                    href={
                      claim.source.key.startsWith("article:")
                        ? `/articles/${claim.articleId}`
                        : href(issueSlug, params, { outlet: claim.source.key, page: undefined })
                    }
                  >
                    {claim.source.name}
                  </a>
                  {claim.publishedAt ? ` · ${formatDate(claim.publishedAt)}` : " · undated"}
                </span>
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      {pages > 1 ? (
        <nav aria-label="Pages of claims" className="mt-3 flex items-center gap-3 text-sm">
          {page.page > 1 ? (
            <a className="link" href={href(issueSlug, params, { status: list.status, page: String(page.page - 1) })} rel="prev">
              Previous page
            </a>
          ) : null}
          <span className="meta">
            {page.isTotalCapped ? `Page ${page.page} of the first ${pages}; narrow the list to reach the rest` : `Page ${page.page} of ${pages}`}
          </span>
          {page.page < pages ? (
            <a className="link" href={href(issueSlug, params, { status: list.status, page: String(page.page + 1) })} rel="next">
              Next page
            </a>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
