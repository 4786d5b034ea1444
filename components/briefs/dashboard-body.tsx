import { cacheLife } from "next/cache";
import Link from "next/link";
import { ClusterList } from "@/components/briefs/cluster-list";
import { DiscrepancyList } from "@/components/briefs/discrepancy-list";
import { FilterForm } from "@/components/briefs/filter-form";
import { IssueMatrix } from "@/components/briefs/issue-matrix";
import { ActorMatrixTable } from "@/components/positions/actor-matrix";
import { ContrastDigest } from "@/components/positions/contrast-list";
import { PageHeader } from "@/components/ui/page-header";
import { getDashboard } from "@/lib/data/briefs";
import { formatDate, plural } from "@/lib/format";
import type { BriefFilters } from "@/lib/validations/briefs";

export type DashboardBodyProps = {
  filters: BriefFilters;
  /** The data version ({@link getBriefVersion}) read for this request: part of the cache key, so any change renders anew. */
  version: string;
};

/**
 * The dashboard, which is the same for every reader: rendered once per data version and filters and kept
 * in the server's "use cache" store (an LRU bounded in bytes); other requests replay the rendered tree.
 */
export async function DashboardBody({ filters }: DashboardBodyProps) {
  "use cache";
  cacheLife("hours");
  const dashboard = await getDashboard(filters);
  const { counts } = dashboard;
  return (
    <>
      <PageHeader
        title="The story at a glance"
        description={
          counts ? (
            <>
              {plural(counts.articles, "article")} from {plural(counts.sources, "source")}, {plural(counts.claims, "claim")}; analysis of{" "}
              {dashboard.refreshedAt ? formatDate(new Date(dashboard.refreshedAt)) : "today"}.{" "}
              <Link className="text-accent underline" href="/articles">
                See the articles
              </Link>
              .
            </>
          ) : (
            <>
              No analysis yet: it runs once articles are added.{" "}
              <Link className="text-accent underline" href="/articles">
                See the articles
              </Link>
              .
            </>
          )
        }
      />
      <FilterForm
        action="/"
        filters={filters}
        options={dashboard.options}
        fields={["issue", "outlet", "speaker", "kind", "dates"]}
        label="Filter the dashboard"
        undatedLeftOut={dashboard.undatedLeftOut}
      />

      <section aria-labelledby="actors-heading" className="mb-10">
        <h2 id="actors-heading" className="mb-1 text-lg font-semibold">
          Who said what on each issue
        </h2>
        <p className="mb-3 text-sm text-gray-600">
          Each cell: the actor’s most reported claim on the issue (carried by most sources, then earliest). Open an issue for every actor’s position.
          {filters.outlet || filters.speaker || filters.kind || filters.from || filters.to
            ? " This view covers every source and date: the other filters narrow only the lists below."
            : ""}
        </p>
        {dashboard.actors.actors.length > 0 ? (
          <ActorMatrixTable matrix={dashboard.actors} />
        ) : (
          <p className="text-sm text-gray-600">{dashboard.issues.length === 0 ? "No open issues." : "No one is quoted or reported on the open issues yet."}</p>
        )}
      </section>

      <section aria-labelledby="attention-heading" className="mb-10">
        <h2 id="attention-heading" className="mb-3 text-lg font-semibold">
          Needs attention: where sources disagree
        </h2>
        {dashboard.contrasts.length > 0 ? (
          <div className="mb-6 space-y-4">
            <h3 className="text-base font-semibold">Contrasting positions</h3>
            <ContrastDigest items={dashboard.contrasts} />
            <h3 className="text-base font-semibold">Figures and attributions</h3>
          </div>
        ) : null}
        <DiscrepancyList discrepancies={dashboard.discrepancies} showIssue emptyText="No figures or attributions disagree across sources." />
      </section>

      <section aria-labelledby="reported-heading" className="mb-10">
        <h2 id="reported-heading" className="mb-3 text-lg font-semibold">
          Claims reported by most sources
        </h2>
        <ClusterList clusters={dashboard.clusters} showIssue loadOnOpen emptyText="No claim is reported by more than one source yet." />
      </section>

      <section aria-labelledby="matrix-heading">
        <h2 id="matrix-heading" className="mb-1 text-lg font-semibold">
          Open issues by source
        </h2>
        <p className="mb-3 text-sm text-gray-600">
          Each cell: the share of that source’s text on the issue, its claims on it and whose voice dominates. Open a cell for how that source frames the issue.
          {filters.speaker || filters.kind || filters.from || filters.to
            ? " The cells count every claim: the speaker, kind and date filters narrow only the lists above."
            : ""}
        </p>
        {dashboard.issues.length > 0 && dashboard.columns.length > 0 ? (
          <IssueMatrix issues={dashboard.issues} columns={dashboard.columns} cells={dashboard.cells} />
        ) : (
          <p className="text-sm text-gray-600">{dashboard.issues.length === 0 ? "No open issues." : "No source covers these issues yet."}</p>
        )}
      </section>
    </>
  );
}
