import { cacheLife } from "next/cache";
import { ClusterList } from "@/components/briefs/cluster-list";
import { DiscrepancyList } from "@/components/briefs/discrepancy-list";
import { FilterForm } from "@/components/briefs/filter-form";
import { FramingMeasuresView } from "@/components/briefs/framing-measures-view";
import { LazyFramingDetails } from "@/components/briefs/lazy-framing-details";
import { IssueTimeline } from "@/components/briefs/issue-timeline";
import { ExportLinks, issueExportLinks } from "@/components/exports/export-links";
import { CharacterisationList, ContrastList, OmissionList, StanceList } from "@/components/positions/contrast-list";
import { FramingInWords } from "@/components/positions/framing-in-words";
import { IssueClaimList } from "@/components/positions/issue-claim-list";
import { PositionsGrid } from "@/components/positions/positions-grid";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { getIssueBrief, getIssueClaims } from "@/lib/data/briefs";
import { plural } from "@/lib/format";
import type { BriefFilters } from "@/lib/validations/briefs";
import type { IssueClaimListParams } from "@/lib/validations/positions";

/** Contrasting pairs a brief shows at first (strongest first); `?pairs=all` shows every one. */
const CONTRASTS_SHOWN = 3;
const FRAMING_SUMMARY = "Details: the measures behind these descriptions (coverage, voices, verbs, distinctive terms)";
/** Disagreeing figures and attributions a brief shows at first (most pressing first); `?figures=all` shows every one. */
const DISCREPANCIES_SHOWN = 4;
/** Sources whose omissions a brief shows (most claims first); the outlet filter shows any other's. */
const OMISSIONS_SHOWN = 3;

/**
 * What "Who stands where" says when it has no actor to show: a speaker asked for is read from all their
 * claims, but the other filters narrow the key claims kept for the issue's leading actors only.
 */
function noPositionsText(filters: BriefFilters): string {
  const narrowed = Boolean(filters.outlet || filters.kind || filters.from || filters.to);
  if (filters.speaker)
    return narrowed
      ? "Nothing this speaker is quoted or reported saying on the issue matches the other filters; the list of claims below has what does."
      : "This speaker is not quoted or reported on this issue.";
  if (narrowed) return "None of the leading actors’ key claims matches the filters; the list of claims below has every claim that does.";
  return "No one is quoted or reported on this issue yet; the list of claims below has everything.";
}

export type IssueBriefBodyProps = {
  slug: string;
  filters: BriefFilters;
  list: IssueClaimListParams;
  /** Editors may dismiss contrasting pairs: the body is kept once for editors and once for viewers. */
  canEdit: boolean;
  /** The data version ({@link getBriefVersion}) read for this request: part of the cache key, so any change renders anew. */
  version: string;
  /** The caller's own buttons in the header (share, edit): passed through, never kept in the cache. */
  actions?: React.ReactNode;
};

/**
 * An issue's brief as its page shows it, everything but what depends on the reader (the header's
 * buttons, passed in as `actions`, and the notes below). Rendered once per data version, filters, claim
 * page and role, and kept in the server's "use cache" store (an LRU bounded in bytes): every other
 * request replays the rendered tree instead of rendering it again.
 */
export async function IssueBriefBody({ slug, filters, list, canEdit, actions }: IssueBriefBodyProps) {
  "use cache";
  cacheLife("hours");
  const brief = await getIssueBrief(slug, filters);
  if (!brief) return null;
  const { issue, positions } = brief;
  const claimPage = await getIssueClaims(issue.id, filters, list);
  const hasDisagreement = positions.contrasts.length > 0 || brief.discrepancies.length > 0;
  const pairs = list.pairs ? positions.contrasts : positions.contrasts.slice(0, CONTRASTS_SHOWN);
  const filterQuery = new URLSearchParams(
    Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
  ).toString();
  const framingNote = (
    <p className="my-3 text-sm text-gray-600">
      Distinctive terms are words a source uses on this issue more than the others do (weighted log-odds, z-scores).
      {filters.speaker || filters.kind || filters.from || filters.to
        ? " These measures cover all of a source’s text on the issue: the speaker, kind and date filters narrow the other sections."
        : ""}
    </p>
  );
  const filteredSource = filters.outlet
    ? (brief.options.sources.find((source) => source.key === filters.outlet)?.name ?? brief.framing[0]?.source.name)
    : undefined;
  const discrepancies = list.figures ? brief.discrepancies : brief.discrepancies.slice(0, DISCREPANCIES_SHOWN);
  /** This page with every pair or figure shown (or the first few), keeping the filters, the claim list's place and the other choice. */
  const showHref = (change: { pairs?: boolean; figures?: boolean }, anchor: string) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filters, status: list.status, page: list.page > 1 ? String(list.page) : undefined }))
      if (typeof value === "string" && value) query.set(key, value);
    if (change.pairs ?? list.pairs) query.set("pairs", "all");
    if (change.figures ?? list.figures) query.set("figures", "all");
    const text = query.toString();
    return `/issues/${issue.slug}${text ? `?${text}` : ""}#${anchor}`;
  };
  return (
    <>
      <PageHeader title={issue.title} description={issue.description || undefined} actions={actions} />
      <div className="-mt-3 mb-6 flex flex-wrap items-center gap-3 text-sm text-gray-700">
        <Badge tone={issue.status === "open" ? "blue" : "gray"}>{issue.status === "open" ? "Open" : "Resolved"}</Badge>
        <span>
          {plural(brief.totals.claims, "claim")} in {plural(brief.totals.articles, "article")} from {plural(brief.totals.sources, "source")}
        </span>
        <details className="text-gray-600">
          <summary className="cursor-pointer font-medium text-gray-800">Lexicon</summary>
          <span>{issue.phrases.join(", ") || "none"}</span>
          {issue.exclusions.length > 0 ? (
            <>
              {" "}
              · <span className="font-medium text-gray-800">Not when near:</span> {issue.exclusions.join(", ")}
            </>
          ) : null}
        </details>
      </div>
      <ExportLinks links={issueExportLinks(issue.slug, filters)} />
      <FilterForm
        action={`/issues/${issue.slug}`}
        filters={filters}
        options={brief.options}
        fields={["outlet", "speaker", "kind", "dates"]}
        label={`Filter ${issue.title}`}
        undatedLeftOut={brief.undatedLeftOut}
      />

      <section aria-labelledby="positions-heading" className="mb-10">
        <h2 id="positions-heading" className="mb-1 text-lg font-semibold">
          Who stands where
        </h2>
        <p className="mb-3 text-sm text-gray-600">
          Each actor’s key claims on the issue, direct quotes first, with the sources carrying each and when it was first reported.
        </p>
        {positions.positions.length > 0 ? (
          <PositionsGrid positions={positions.positions} issueSlug={issue.slug} />
        ) : (
          <p className="text-sm text-gray-600">{noPositionsText(filters)}</p>
        )}
      </section>

      <section aria-labelledby="disagree-heading" className="mb-10">
        <h2 id="disagree-heading" className="mb-3 text-lg font-semibold">
          Where sources disagree
        </h2>
        <h3 id="contrasts-heading" className="mb-2 text-base font-semibold">
          Contrasting positions
        </h3>
        {positions.contrasts.length > 0 ? (
          <>
            <p className="mb-3 text-sm text-gray-600">
              Pairs found by cues (rejection and acceptance, negation, conditions, opposite words, different figures), on the same object first: candidates to
              check, not verdicts.
            </p>
            <ContrastList view={{ ...positions, contrasts: pairs }} issueSlug={issue.slug} canDismiss={canEdit} />
            {positions.contrasts.length > CONTRASTS_SHOWN ? (
              <p className="mt-3 text-sm">
                {list.pairs ? (
                  <a className="link" href={showHref({ pairs: false }, "contrasts-heading")}>{`Show the first ${CONTRASTS_SHOWN} pairs only`}</a>
                ) : (
                  <a className="link" href={showHref({ pairs: true }, "contrasts-heading")}>{`Show all ${positions.contrasts.length} contrasting pairs`}</a>
                )}
              </p>
            ) : null}
          </>
        ) : hasDisagreement || positions.positions.length === 0 ? (
          <p className="mb-3 text-sm text-gray-600">No contrasting positions found.</p>
        ) : (
          <>
            <p className="mb-3 text-sm text-gray-600">
              No contrasting positions or disagreeing figures found. Where each actor stands, by their most reported claim:
            </p>
            <StanceList view={positions} issueSlug={issue.slug} />
          </>
        )}
        <h3 id="figures-heading" className="mb-2 mt-6 text-base font-semibold">
          Figures and attributions
        </h3>
        <DiscrepancyList discrepancies={discrepancies} emptyText="No figures or attributions on this issue disagree." />
        {brief.discrepancies.length > DISCREPANCIES_SHOWN ? (
          <p className="mt-3 text-sm">
            {list.figures ? (
              <a className="link" href={showHref({ figures: false }, "figures-heading")}>{`Show the first ${DISCREPANCIES_SHOWN} only`}</a>
            ) : (
              <a className="link" href={showHref({ figures: true }, "figures-heading")}>
                {`Show all ${brief.discrepancies.length} disagreeing figures and attributions`}
              </a>
            )}
          </p>
        ) : null}
        {positions.omissions.length > 0 ? (
          <>
            <h3 className="mb-2 mt-6 text-base font-semibold">What each source leaves out</h3>
            <OmissionList view={{ ...positions, omissions: positions.omissions.slice(0, OMISSIONS_SHOWN) }} />
            {positions.omissions.length > OMISSIONS_SHOWN ? (
              <p className="meta mt-2">{`The ${OMISSIONS_SHOWN} sources with most claims on the issue; choose any other in the filter above for what it leaves out.`}</p>
            ) : null}
          </>
        ) : null}
        {positions.characterised.length > 0 ? (
          <>
            <h3 className="mb-2 mt-6 text-base font-semibold">How sources characterise the same claim</h3>
            <CharacterisationList view={positions} />
          </>
        ) : null}
      </section>

      <section aria-labelledby="play-heading" className="mb-10">
        <h2 id="play-heading" className="mb-1 text-lg font-semibold">
          State of play
        </h2>
        <p className="mb-3 text-sm text-gray-600">What several sources report alike, widest first. Open one for the sentence in every source.</p>
        <ClusterList
          clusters={brief.clusters}
          loadOnOpen
          emptyText="No claim on this issue is reported by more than one source yet; the timeline below lists every claim."
        />
      </section>

      <section aria-labelledby="framing-heading" className="mb-10">
        <h2 id="framing-heading" className="mb-1 text-lg font-semibold">
          How each source frames it
        </h2>
        {filteredSource ? <p className="mb-2 text-sm text-gray-600">{`Only ${filteredSource}.`}</p> : null}
        {brief.framing.length > 0 ? (
          <>
            <FramingInWords
              framing={brief.framing}
              sourceHref={filters.outlet ? undefined : (key) => `/issues/${issue.slug}?outlet=${encodeURIComponent(key)}`}
            />
            {!filters.outlet && brief.totals.sources > brief.framing.length ? (
              <p className="mb-3 text-sm text-gray-600">{`The ${brief.framing.length} sources with most claims on it, of ${brief.totals.sources} (choose any other in the filter above).`}</p>
            ) : null}
            {filters.outlet ? (
              <details className="rounded-lg border border-gray-200 bg-white p-3" open>
                <summary className="cursor-pointer text-sm font-medium">{FRAMING_SUMMARY}</summary>
                {framingNote}
                <FramingMeasuresView issueSlug={issue.slug} framing={brief.framing} isOneSource />
              </details>
            ) : (
              <LazyFramingDetails issueSlug={issue.slug} query={filterQuery} limit={brief.framing.length} summary={FRAMING_SUMMARY}>
                {framingNote}
              </LazyFramingDetails>
            )}
          </>
        ) : (
          <p className="text-sm text-gray-600">No source covers this issue{filters.outlet ? " among those chosen" : " yet"}.</p>
        )}
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">
          Timeline
        </h2>
        <IssueTimeline id="issue-timeline" issueTitle={issue.title} timeline={brief.timeline} />
      </section>

      <section aria-labelledby="claims-heading" className="mt-10">
        <h2 id="claims-heading" className="mb-1 text-lg font-semibold">
          Every claim on this issue
        </h2>
        <p className="mb-3 text-sm text-gray-600">Narrowed by the filters above (source, speaker, kind, dates) and by review status.</p>
        <IssueClaimList
          issueSlug={issue.slug}
          page={claimPage}
          list={list}
          params={{ outlet: filters.outlet, speaker: filters.speaker, kind: filters.kind, from: filters.from, to: filters.to }}
        />
      </section>
    </>
  );
}
