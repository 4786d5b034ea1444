import { ClusterList } from "@/components/briefs/cluster-list";
import { DiscrepancyList } from "@/components/briefs/discrepancy-list";
import { FramingCard, framingCards } from "@/components/briefs/framing-card";
import { FramingTable } from "@/components/briefs/framing-table";
import { ContrastList } from "@/components/positions/contrast-list";
import { PositionsGrid } from "@/components/positions/positions-grid";
import type { SharedIssue } from "@/lib/data/share-links";
import { publicUrlsOf } from "@/lib/data/share-links";
import { formatCount, formatDate, plural } from "@/lib/format";
import { AsOf } from "./as-of";

const SOURCES_SHOWN = 60;

export type SharedIssueBriefProps = { view: SharedIssue; asOf: Date };

/**
 * An issue brief for readers outside the newsroom: state of play, discrepancies, framing per source and
 * the sources themselves, linking to where each article was published. Nothing internal: no notes,
 * teammates or review state, and no links into the app.
 */
export function SharedIssueBrief({ view, asOf }: SharedIssueBriefProps) {
  const { brief, sources } = view;
  const urls = publicUrlsOf(sources);
  const cards = framingCards(brief.framing, { whenMany: 3 });
  const figures = [
    { label: "sources", value: brief.totals.sources },
    { label: "articles", value: brief.totals.articles },
    { label: "claims", value: brief.totals.claims },
    { label: "discrepancies", value: brief.discrepancies.length },
  ];
  return (
    <article aria-labelledby="brief-title" className="share-brief">
      <header className="mb-8 border-b border-gray-200 pb-5">
        <p className="text-xs font-semibold uppercase tracking-wide text-gray-600">Issue brief</p>
        <h1 id="brief-title" className="mt-1 text-3xl font-semibold tracking-tight">
          {brief.issue.title}
        </h1>
        {brief.issue.description ? <p className="mt-2 max-w-3xl text-gray-700">{brief.issue.description}</p> : null}
        <AsOf asOf={asOf} analysedAt={brief.refreshedAt} />
        <dl className="mt-4 flex flex-wrap gap-x-8 gap-y-2" aria-label="Key figures">
          {figures.map((figure) => (
            <div key={figure.label}>
              <dt className="text-xs text-gray-600">{figure.label[0]!.toUpperCase() + figure.label.slice(1)}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{formatCount(figure.value)}</dd>
            </div>
          ))}
        </dl>
      </header>

      <section aria-labelledby="play-heading" className="mb-10">
        <h2 id="play-heading" className="mb-1 text-xl font-semibold">
          State of play
        </h2>
        <p className="mb-3 text-sm text-gray-600">What several sources report alike, widest first, with the sentence in every source.</p>
        <ClusterList clusters={brief.clusters} isOpen publicArticleUrls={urls} emptyText="No claim on this issue is reported by more than one source yet." />
      </section>

      {brief.positions.positions.length > 0 ? (
        <section aria-labelledby="positions-heading" className="mb-10">
          <h2 id="positions-heading" className="mb-1 text-xl font-semibold">
            Who stands where
          </h2>
          <p className="mb-3 text-sm text-gray-600">Each actor’s key claims on the issue, direct quotes first, with the sources carrying each.</p>
          <PositionsGrid positions={brief.positions.positions} issueSlug={brief.issue.slug} isPublic />
        </section>
      ) : null}

      <section aria-labelledby="disagree-heading" className="mb-10">
        <h2 id="disagree-heading" className="mb-3 text-xl font-semibold">
          Where sources disagree
        </h2>
        {brief.positions.contrasts.length > 0 ? (
          <div className="mb-4">
            <ContrastList view={brief.positions} issueSlug={brief.issue.slug} canDismiss={false} isPublic />
          </div>
        ) : null}
        <DiscrepancyList discrepancies={brief.discrepancies} publicArticleUrls={urls} emptyText="No figures or attributions on this issue disagree." />
      </section>

      <section aria-labelledby="framing-heading" className="mb-10">
        <h2 id="framing-heading" className="mb-1 text-xl font-semibold">
          How each source frames it
        </h2>
        <p className="mb-3 text-sm text-gray-600">
          Distinctive terms are words a source uses on this issue more than the others do (weighted log-odds, z-scores).
        </p>
        {brief.framing.length > 1 ? <FramingTable measures={brief.framing} /> : null}
        {cards.length < brief.framing.length ? (
          <p className="mb-3 text-sm text-gray-600">In detail, the {cards.length} sources with most claims on it.</p>
        ) : null}
        {cards.length > 0 ? (
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 print:block print:space-y-4">
            {cards.map((measures) => (
              <FramingCard key={measures.source.key} issueSlug={brief.issue.slug} measures={measures} publicArticleUrls={urls} />
            ))}
          </div>
        ) : (
          <p className="text-sm text-gray-600">No source covers this issue yet.</p>
        )}
      </section>

      <section aria-labelledby="sources-heading" className="break-inside-avoid-page">
        <h2 id="sources-heading" className="mb-3 text-xl font-semibold">
          Sources
        </h2>
        {sources.length > 0 ? (
          <table className="data-table">
            <caption className="sr-only">Articles this brief draws on</caption>
            <thead>
              <tr>
                <th scope="col">Outlet</th>
                <th scope="col">Article</th>
                <th scope="col">Published</th>
                <th scope="col" className="num">
                  Claims
                </th>
              </tr>
            </thead>
            <tbody>
              {sources.slice(0, SOURCES_SHOWN).map((source) => (
                <tr key={source.id} className="break-inside-avoid">
                  <th scope="row" className="font-medium">
                    {source.outlet ?? "Outlet unknown"}
                  </th>
                  <td>
                    {urls[source.id] ? (
                      <a href={urls[source.id]!} rel="noopener noreferrer nofollow">
                        {source.title}
                      </a>
                    ) : (
                      source.title
                    )}
                  </td>
                  <td className="whitespace-nowrap">{source.publishedAt ? formatDate(source.publishedAt) : "undated"}</td>
                  <td className="num">{source.claims}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-gray-600">No articles yet.</p>
        )}
        <p className="mt-2 text-xs text-gray-600">
          {sources.length > SOURCES_SHOWN
            ? `The first ${SOURCES_SHOWN} of ${plural(sources.length, "article")}.`
            : `${plural(sources.length, "article")} listed.`}
        </p>
      </section>
    </article>
  );
}
