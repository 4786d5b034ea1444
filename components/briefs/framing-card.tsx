import type { FramingMeasures } from "@/lib/analysis/framing-measures";
import { formatShare, plural } from "@/lib/format";
import { VoicesChart } from "./voices-chart";

export type FramingCardProps = {
  issueSlug: string;
  measures: FramingMeasures;
  /** For a brief outside the app (a share page): each article's own address by id; app links are left out. */
  publicArticleUrls?: Record<string, string | null>;
  /** Put the measures behind a "Details" disclosure under the description (off where the card already sits behind one). */
  isCollapsed?: boolean;
};

const TONE_LABEL = {
  neutral: "neutral",
  assertive: "assertive",
  doubting: "casts doubt",
  conceding: "concession",
  tentative: "tentative",
  critical: "critical",
} as const;

function prominence(measures: FramingMeasures): string {
  const { firstParagraph, leadShare } = measures.prominence;
  if (firstParagraph === null) return "Not in its sentences (only through claims)";
  const where = `paragraph ${firstParagraph + 1}`;
  if (measures.articleCount <= 1) return firstParagraph === 0 ? "In the first paragraph" : `First in ${where}`;
  return `First in ${where} (median); in the opening paragraph of ${formatShare(leadShare)} of its ${measures.articleCount} articles`;
}

/** Up to this many sources get a card each; beyond it, the table shows them all side by side. */
const ALL_CARDS_UP_TO = 6;

/**
 * The framing entries (most claims first) that get a full card on a brief: all of a few; of many, the
 * first `whenMany` (a brief that links each source to its own view needs none).
 */
export function framingCards<T>(framing: T[], { whenMany }: { whenMany: number }): T[] {
  return framing.length <= ALL_CARDS_UP_TO ? framing : framing.slice(0, whenMany);
}

/** How one source frames one issue: the measures stored for it, as text, a chart with its table, and lists. */
export function FramingCard({ issueSlug, measures, publicArticleUrls, isCollapsed = true }: FramingCardProps) {
  const { source } = measures;
  const id = `framing-${source.key.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
  return (
    <article aria-labelledby={`${id}-heading`} className="framing-card">
      <header>
        <h3 id={`${id}-heading`} className="text-lg font-semibold leading-snug">
          {source.name}
        </h3>
        <p className="meta mt-0.5">
          {source.kind === "article" && source.articleId ? (
            publicArticleUrls ? (
              <>
                One article, outlet unknown
                {publicArticleUrls[source.articleId] ? (
                  <>
                    {" · "}
                    <a href={publicArticleUrls[source.articleId]!} rel="noopener noreferrer nofollow" className="link">
                      Read it
                    </a>
                  </>
                ) : null}
              </>
            ) : (
              <>
                {"One article, outlet unknown · "}
                <a href={`/articles/${source.articleId}`} className="link">
                  Read it
                </a>
              </>
            )
          ) : (
            <>
              {`${plural(measures.articleCount, "article")} on the issue of ${measures.sourceArticleCount}`}
              {publicArticleUrls ? null : (
                <>
                  {" · "}
                  <a href={`/issues/${issueSlug}?outlet=${encodeURIComponent(source.key)}`} className="link">
                    Only this outlet
                  </a>
                </>
              )}
            </>
          )}
        </p>
        <p className="mt-3 text-sm text-gray-900">{measures.description || measures.summary}</p>
      </header>
      {isCollapsed ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium">Details: the measures behind it</summary>
          <FramingMeasuresDetails id={id} measures={measures} />
        </details>
      ) : (
        <FramingMeasuresDetails id={id} measures={measures} />
      )}
    </article>
  );
}

function FramingMeasuresDetails({ id, measures }: { id: string; measures: FramingMeasures }) {
  const { source } = measures;
  return (
    <>
      {measures.description ? <p className="meta">{measures.summary}</p> : null}

      <dl className="grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className="meta">Coverage share</dt>
          <dd>
            <span className="figure">{formatShare(measures.coverage.share)}</span>{" "}
            <span className="meta">{`of its text (${measures.coverage.issueSentences} of ${plural(measures.coverage.totalSentences, "sentence")})`}</span>
          </dd>
        </div>
        <div>
          <dt className="meta">Claims</dt>
          <dd>
            <span className="figure">{measures.claimCount}</span>{" "}
            <span className="meta">{`${measures.kinds.quote} quoted, ${measures.kinds.reported} reported, ${measures.kinds.narration} narration`}</span>
          </dd>
        </div>
        <div className="col-span-2">
          <dt className="meta">Prominence</dt>
          <dd>{prominence(measures)}</dd>
        </div>
      </dl>

      <section aria-labelledby={`${id}-voices`}>
        <h4 id={`${id}-voices`}>Voices quoted</h4>
        {measures.voices.length > 0 ? (
          <>
            <VoicesChart id={`${id}-chart`} voices={measures.voices} sourceName={source.name} />
            <p className="meta mb-1">Solid: direct quotes; hatched: reported speech.</p>
            <table className="data-table">
              <caption className="sr-only">{`Voices quoted by ${source.name}`}</caption>
              <thead>
                <tr>
                  <th scope="col">Speaker</th>
                  <th scope="col" className="num">
                    Quoted
                  </th>
                  <th scope="col" className="num">
                    Reported
                  </th>
                  <th scope="col" className="num">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {measures.voices.map((voice) => (
                  <tr key={voice.speaker}>
                    <th scope="row">{voice.speaker}</th>
                    <td className="num">{voice.quote}</td>
                    <td className="num">{voice.reported}</td>
                    <td className="num font-semibold">{voice.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p className="none">No one is quoted on this issue; the claims are the outlet’s own narration.</p>
        )}
      </section>

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <section aria-labelledby={`${id}-verbs`}>
          <h4 id={`${id}-verbs`}>Attribution verbs and hedges</h4>
          {measures.verbs.length + measures.hedges.length > 0 ? (
            <ul className="items">
              {measures.verbs.map((verb) => (
                <li key={`verb-${verb.verb}`}>
                  {`“${verb.verb}” `}
                  <span className="meta">{`×${verb.count}, ${TONE_LABEL[verb.tone]}`}</span>
                </li>
              ))}
              {measures.hedges.map((hedge) => (
                <li key={`hedge-${hedge.phrase}`}>
                  {`“${hedge.phrase}” `}
                  <span className="meta">{`×${hedge.count}, hedge`}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="none">None found.</p>
          )}
        </section>
        <section aria-labelledby={`${id}-terms`}>
          <h4 id={`${id}-terms`}>Distinctive terms</h4>
          {measures.terms.length > 0 ? (
            <ul className="terms">
              {measures.terms.map((term) => (
                <li key={term.term}>
                  {`${term.term} `}
                  <span className="meta">{`z ${term.z.toFixed(1)}`}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="none">Too little text to tell.</p>
          )}
        </section>
      </div>

      <section aria-labelledby={`${id}-figures`}>
        <h4 id={`${id}-figures`}>Figures cited</h4>
        {measures.figures.length > 0 ? (
          <ul className="items">
            {measures.figures.map((figure) => (
              <li key={`${figure.claimId}-${figure.value}`}>
                <strong className="tabular-nums">{figure.value}</strong>
                {figure.about ? ` — ${figure.about}` : ""}
                {figure.speaker ? <span className="text-gray-600">{` (${figure.speaker})`}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="none">No figures.</p>
        )}
      </section>
    </>
  );
}
