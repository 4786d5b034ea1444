import type { Metadata } from "next";
import Link from "next/link";
import { ClaimFiltersForm } from "@/components/claims/claim-filters";
import { claimExportLinks, ExportLinks } from "@/components/exports/export-links";
import { LiveRefresh } from "@/components/claims/live-refresh";
import { ReviewQueue } from "@/components/claims/review-queue";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requirePageUser } from "@/lib/auth/session";
import { getQueueOptions, listClaims } from "@/lib/data/claims";
import { findSpeaker } from "@/lib/data/speakers";
import { formatCount, plural } from "@/lib/format";
import { parseClaimFilters } from "@/lib/validations/claims";

export const metadata: Metadata = { title: "Review queue" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function queryString(params: Record<string, string | string[] | undefined>, change: Record<string, string | undefined>) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...change })) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first) query.set(key, first);
  }
  const text = query.toString();
  return text ? `/claims?${text}` : "/claims";
}

export default async function ClaimsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requirePageUser(queryString(params, {}));
  const parsed = parseClaimFilters(params);
  const filters = parsed.success ? parsed.data : parseClaimFilters({}).data!;
  const [page, options, speaker] = await Promise.all([
    listClaims(filters, user.id),
    getQueueOptions(),
    filters.speaker ? findSpeaker(filters.speaker) : Promise.resolve(null),
  ]);
  const matches = page.isTotalCapped ? `More than ${formatCount(page.total)} claims` : plural(page.total, "claim");
  const order = filters.sort === "confidence" ? "lowest confidence first" : filters.sort === "-confidence" ? "highest confidence first" : "newest first";
  return (
    <>
      <LiveRefresh />
      <PageHeader title="Review queue" description={`${matches} match, ${order}.`} />
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
      {page.items.length > 0 ? (
        <ReviewQueue
          canReview={hasRole(user, "editor")}
          claims={page.items.map((item) => ({
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
          }))}
        />
      ) : (
        <p className="text-sm text-gray-600">No claims match these filters.</p>
      )}
      <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
        {filters.cursor ? (
          <Link href={queryString(params, { cursor: undefined })} className="text-accent hover:underline">
            First page
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={queryString(params, { cursor: page.nextCursor })} className="text-accent hover:underline">
            Next page
          </Link>
        ) : null}
      </nav>
    </>
  );
}
