import type { FramingMeasures } from "@/lib/analysis/framing-measures";
import { formatShare, plural } from "@/lib/format";
import { VoicesChart } from "./voices-chart";

export type FramingCardProps = {
  issueSlug: string;
  measures: FramingMeasures;
  /** For a brief outside the app (a share page): each article's own address by id; app links are left out. */
  publicArticleUrls?: Record<string, string | null>;
};

const TONE_LABEL = { neutral: "neutral", assertive: "assertive", doubting: "casts doubt", conceding: "concession", tentative: "tentative", critical: "critical" } as const;

function prominence(measures: FramingMeasures): string {
  const { firstParagraph, leadShare } = measures.prominence;
  if (firstParagraph === null) return "Not in its sentences (only through claims)";
  const where = `paragraph ${firstParagraph + 1}`;
  if (measures.articleCount <= 1) return firstParagraph === 0 ? "In the first paragraph" : `First in ${where}`;
  return `First in ${where} (median); in the opening paragraph of ${formatShare(leadShare)} of its ${measures.articleCount} articles`;
}

/** A few sources get a card each; beyond that, cards for those with most claims and the table for all. */
const ALL_CARDS_UP_TO = 6;
const CARDS_WHEN_MANY = 3;

/** The framing entries (most claims first) that get a full card on a brief. */
export function framingCards<T>(framing: T[]): T[] {
  return framing.length <= ALL_CARDS_UP_TO ? framing : framing.slice(0, CARDS_WHEN_MANY);
}

/** How one source frames one issue: the measures stored for it, as text, a chart with its table, and lists. */
export function FramingCard({ issueSlug, measures, publicArticleUrls }: FramingCardProps) {
  const { source } = measures;
  const id = `framing-${source.key.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
  return (
    <article aria-labelledby={`${id}-heading`} className="flex break-inside-avoid flex-col gap-4 rounded-lg border border-gray-200 bg-white p-5">
      <header>
        <h3 id={`${id}-heading`} className="text-lg font-semibold leading-snug">
          {source.name}
        </h3>
        <p className="mt-0.5 text-xs text-gray-600">
          {publicArticleUrls ? (
            source.kind === "article" && source.articleId ? (
              <>
                One article, outlet unknown
                {publicArticleUrls[source.articleId] ? (
                  <>
                    {" "}
                    · <a href={publicArticleUrls[source.articleId]!} rel="noopener noreferrer nofollow" className="text-accent underline">Read it</a>
                  </>
                ) : null}
              </>
            ) : (
              <>
                {plural(measures.articleCount, "article")} on the issue of {measures.sourceArticleCount}
              </>
            )
          ) : source.kind === "article" && source.articleId ? (
            <>
              One article, outlet unknown · <a href={`/articles/${source.articleId}`} className="text-accent underline">Read it</a>
            </>
          ) : (
            <>
              {plural(measures.articleCount, "article")} on the issue of {measures.sourceArticleCount} ·{" "}
              <a href={`/issues/${issueSlug}?outlet=${encodeURIComponent(source.key)}`} className="text-accent underline">
                Only this outlet
              </a>
            </>
          )}
        </p>
        <p className="mt-3 text-sm text-gray-900">{measures.summary}</p>
      </header>

      <dl className="grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className="text-xs text-gray-600">Coverage share</dt>
          <dd>
            <span className="text-xl font-semibold tabular-nums">{formatShare(measures.coverage.share)}</span>{" "}
            <span className="text-xs text-gray-600">
              of its text ({measures.coverage.issueSentences} of {plural(measures.coverage.totalSentences, "sentence")})
            </span>
          </dd>
        </div>
        <div>
          <dt className="text-xs text-gray-600">Claims</dt>
          <dd>
            <span className="text-xl font-semibold tabular-nums">{measures.claimCount}</span>{" "}
            <span className="text-xs text-gray-600">
              {measures.kinds.quote} quoted, {measures.kinds.reported} reported, {measures.kinds.narration} narration
            </span>
          </dd>
        </div>
        <div className="col-span-2">
          <dt className="text-xs text-gray-600">Prominence</dt>
          <dd>{prominence(measures)}</dd>
        </div>
      </dl>

      <section aria-labelledby={`${id}-voices`}>
        <h4 id={`${id}-voices`} className="mb-1 text-sm font-semibold">
          Voices quoted
        </h4>
        {measures.voices.length > 0 ? (
          <>
            <VoicesChart id={`${id}-chart`} voices={measures.voices} sourceName={source.name} />
            <p className="mb-1 text-xs text-gray-600">Solid: direct quotes; hatched: reported speech.</p>
            <table className="w-full text-sm">
              <caption className="sr-only">Voices quoted by {source.name}</caption>
              <thead className="text-left text-xs text-gray-600">
                <tr>
                  <th scope="col" className="py-1 font-medium">Speaker</th>
                  <th scope="col" className="py-1 text-right font-medium">Quoted</th>
                  <th scope="col" className="py-1 text-right font-medium">Reported</th>
                  <th scope="col" className="py-1 text-right font-medium">Total</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100 tabular-nums">
                {measures.voices.map((voice) => (
                  <tr key={voice.speaker}>
                    <th scope="row" className="py-1 text-left font-normal">
                      {voice.speaker}
                    </th>
                    <td className="py-1 text-right">{voice.quote}</td>
                    <td className="py-1 text-right">{voice.reported}</td>
                    <td className="py-1 text-right font-semibold">{voice.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p className="text-sm text-gray-600">No one is quoted on this issue; the claims are the outlet’s own narration.</p>
        )}
      </section>

      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-labelledby={`${id}-verbs`}>
          <h4 id={`${id}-verbs`} className="mb-1 text-sm font-semibold">
            Attribution verbs and hedges
          </h4>
          {measures.verbs.length + measures.hedges.length > 0 ? (
            <ul className="space-y-0.5 text-sm">
              {measures.verbs.map((verb) => (
                <li key={`verb-${verb.verb}`}>
                  “{verb.verb}” <span className="text-xs text-gray-600">×{verb.count}, {TONE_LABEL[verb.tone]}</span>
                </li>
              ))}
              {measures.hedges.map((hedge) => (
                <li key={`hedge-${hedge.phrase}`}>
                  “{hedge.phrase}” <span className="text-xs text-gray-600">×{hedge.count}, hedge</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-gray-600">None found.</p>
          )}
        </section>
        <section aria-labelledby={`${id}-terms`}>
          <h4 id={`${id}-terms`} className="mb-1 text-sm font-semibold">
            Distinctive terms
          </h4>
          {measures.terms.length > 0 ? (
            <ul className="flex flex-wrap gap-1 text-sm">
              {measures.terms.map((term) => (
                <li key={term.term} className="rounded bg-gray-100 px-1.5 py-0.5">
                  {term.term} <span className="text-xs text-gray-600">z {term.z.toFixed(1)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-gray-600">Too little text to tell.</p>
          )}
        </section>
      </div>

      <section aria-labelledby={`${id}-figures`}>
        <h4 id={`${id}-figures`} className="mb-1 text-sm font-semibold">
          Figures cited
        </h4>
        {measures.figures.length > 0 ? (
          <ul className="space-y-0.5 text-sm">
            {measures.figures.map((figure) => (
              <li key={`${figure.claimId}-${figure.value}`}>
                <strong className="tabular-nums">{figure.value}</strong>
                {figure.about ? ` — ${figure.about}` : ""}
                {figure.speaker ? <span className="text-gray-600"> ({figure.speaker})</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-gray-600">No figures.</p>
        )}
      </section>
    </article>
  );
}
