import { ClaimFiltersForm } from "@/components/claims/claim-filters";
import { LiveQueuePager, LiveQueueProvider, LiveQueueSummary, LiveReviewQueue } from "@/components/claims/live-queue";
import { filtersQuery, toQueueClaim } from "@/components/claims/queue-page";
import { claimExportLinks, ExportLinks } from "@/components/exports/export-links";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, type CurrentUser } from "@/lib/auth/session";
import { getChangeToken, getQueueOptions, listClaims } from "@/lib/data/claims";
import { findSpeaker } from "@/lib/data/speakers";
import { parseClaimFilters } from "@/lib/validations/claims";

export type ClaimsQueueProps = { user: CurrentUser; params: Record<string, string | string[] | undefined> };

const ORDER = { confidence: "lowest confidence first", "-confidence": "highest confidence first", "-createdAt": "newest first" } as const;

/**
 * The review queue's page: its filters, the rows of one page (kept current in the browser by
 * LiveQueueProvider) and the links to the next. Rendered per request with filters
 * (app/(dashboard)/claims) and, without, once per reader and state of the data (app/(cached)).
 */
export async function ClaimsQueue({ user, params }: ClaimsQueueProps) {
  const parsed = parseClaimFilters(params);
  const filters = parsed.success ? parsed.data : parseClaimFilters({}).data!;
  // The token first: a change between the two reads makes the browser read the rows again, never miss them.
  const token = await getChangeToken();
  const [page, options, speaker] = await Promise.all([
    listClaims(filters, user.id),
    getQueueOptions(),
    filters.speaker ? findSpeaker(filters.speaker) : Promise.resolve(null),
  ]);
  const initial = { claims: page.items.map(toQueueClaim), total: page.total, isTotalCapped: page.isTotalCapped, nextCursor: page.nextCursor, token };
  return (
    <LiveQueueProvider initial={initial} query={filtersQuery(filters)}>
      <PageHeader title="Review queue" description={<LiveQueueSummary order={ORDER[filters.sort]} />} />
      {!parsed.success ? (
        <p role="alert" className="mb-3 text-sm text-red-700">
          {parsed.error.issues[0]?.message} The filters were reset.
        </p>
      ) : null}
      {filters.speaker && !speaker ? (
        <p role="alert" className="mb-3 text-sm text-red-700">
          No speaker is called “{filters.speaker}”. Type part of a name and pick one of the suggestions.
        </p>
      ) : null}
      <ClaimFiltersForm filters={filters} speakerName={speaker?.name ?? filters.speaker} options={options} />
      <ExportLinks
        links={claimExportLinks({
          q: filters.q,
          issue: filters.issue,
          outlet: filters.outlet,
          speaker: filters.speaker,
          kind: filters.kind,
          status: filters.status,
        })}
      />
      <LiveReviewQueue canReview={hasRole(user, "editor")} />
      <LiveQueuePager params={parsed.success ? params : {}} />
    </LiveQueueProvider>
  );
}
