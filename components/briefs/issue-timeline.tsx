import type { IssueBrief } from "@/lib/data/briefs";
import { formatDate, plural } from "@/lib/format";

export type IssueTimelineProps = { id: string; issueTitle: string; timeline: IssueBrief["timeline"] };

const WIDTH = 720;
const HEIGHT = 140;
const PAD = { left: 36, right: 16, top: 12, bottom: 28 };
const DAY_MS = 86_400_000;
/** Days the list names one by one (the latest); earlier ones are summed up in a line, the chart has them all. */
const DAYS_LISTED = 31;
/** Undated articles named (most claims first); the others are counted. */
const UNDATED_LISTED = 5;

/** The axis's top: short enough for its margin at any count ("683k"). */
const AXIS = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 0 });

/** Two decimals are finer than a pixel of the chart. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function dayDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/**
 * The issue’s claims by publication day: a bar per day drawn on the server (the list below it, which
 * the chart's title points to, carries the numbers; the bars carry no text of their own, so they are two
 * paths, the dated claims' and the ingested ones', not an element per day: a story followed for a year has
 * hundreds of days on every render of the page), the latest {@link DAYS_LISTED} days as a list (earlier ones summed up),
 * and the undated articles apart. Claims of articles without a publication date sit on the day they were
 * ingested, drawn hatched and said so in the list. The latest claims themselves head the issue's list of
 * claims (newest articles first), so the timeline does not repeat them.
 */
export function IssueTimeline({ id, issueTitle, timeline }: IssueTimelineProps) {
  const { days, undated } = timeline;
  const first = days[0] ? dayDate(days[0].day).getTime() : 0;
  const last = days.at(-1) ? dayDate(days.at(-1)!.day).getTime() : 0;
  const span = Math.max(1, Math.round((last - first) / DAY_MS));
  const max = Math.max(1, ...days.map((day) => day.claims));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const barWidth = Math.max(4, Math.min(40, plotWidth / (span + 1) - 4));
  const x = (day: string) =>
    PAD.left + (days.length === 1 ? plotWidth / 2 : ((dayDate(day).getTime() - first) / DAY_MS / span) * (plotWidth - barWidth) + barWidth / 2);
  const base = HEIGHT - PAD.bottom;
  const dated: string[] = [];
  const ingested: string[] = [];
  const bar = (left: number, top: number, height: number) => `M${round(left)} ${round(top)}h${round(barWidth)}v${round(height)}h${round(-barWidth)}z`;
  for (const day of days) {
    const height = (day.claims / max) * plotHeight;
    const ingestedHeight = ((day.ingested ?? 0) / max) * plotHeight;
    const left = x(day.day) - barWidth / 2;
    if (height > ingestedHeight) dated.push(bar(left, base - height, height - ingestedHeight));
    if (ingestedHeight > 0) ingested.push(bar(left, base - ingestedHeight, ingestedHeight));
  }
  const listed = days.slice(-DAYS_LISTED);
  const earlier = days.slice(0, days.length - listed.length);
  return (
    <div className="space-y-6">
      {days.length > 0 ? (
        <svg
          role="img"
          aria-labelledby={`${id}-title`}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width="100%"
          className="max-w-3xl rounded-lg border border-gray-200 bg-white text-gray-700"
        >
          <title
            id={`${id}-title`}
          >{`Claims on ${issueTitle} by publication day, ${formatDate(dayDate(days[0]!.day))} to ${formatDate(dayDate(days.at(-1)!.day))}; the list below has the same numbers`}</title>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} stroke="currentColor" strokeWidth="1" />
          <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize="10" fill="currentColor">
            {AXIS.format(max)}
          </text>
          <text x={PAD.left - 6} y={HEIGHT - PAD.bottom} textAnchor="end" fontSize="10" fill="currentColor">
            0
          </text>
          <defs>
            <pattern id={`${id}-ingested`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="var(--color-amber-100, #fef3c7)" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="var(--color-amber-700, #b45309)" strokeWidth="3" />
            </pattern>
          </defs>
          {dated.length > 0 ? <path d={dated.join("")} fill="var(--color-blue-700, #1d4ed8)" data-bars="dated" /> : null}
          {ingested.length > 0 ? <path d={ingested.join("")} fill={`url(#${id}-ingested)`} data-bars="ingested" data-ingested="true" /> : null}
          <text x={x(days[0]!.day)} y={HEIGHT - 8} textAnchor={days.length === 1 ? "middle" : "start"} fontSize="10" fill="currentColor">
            {formatDate(dayDate(days[0]!.day))}
          </text>
          {days.length > 1 ? (
            <text x={x(days.at(-1)!.day)} y={HEIGHT - 8} textAnchor="end" fontSize="10" fill="currentColor">
              {formatDate(dayDate(days.at(-1)!.day))}
            </text>
          ) : null}
        </svg>
      ) : (
        <p className="text-sm text-gray-600">No dated article has claims on this issue{undated.claims > 0 ? " yet; see the undated articles below" : ""}.</p>
      )}

      {days.length > 0 ? (
        <div>
          <h3 className="mb-2 text-sm font-semibold">By publication day</h3>
          {earlier.length > 0 ? (
            <p className="mb-2 text-xs text-gray-600">
              {`The latest ${listed.length} days; before them, ${plural(
                earlier.reduce((sum, day) => sum + day.claims, 0),
                "claim",
              )} on ${plural(earlier.length, "earlier day")}, from ${formatDate(dayDate(earlier[0]!.day))} (in the chart above).`}
            </p>
          ) : null}
          <ol className="timeline-days" aria-label="Claims by publication day">
            {listed.map((day) => (
              <li key={day.day}>
                <time dateTime={day.day} className="font-medium">
                  {formatDate(dayDate(day.day))}
                </time>
                {`: ${plural(day.claims, "claim")} in ${plural(day.articles, "article")} from ${plural(day.sources, "source")}`}
                {day.ingested ? (
                  <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900" data-testid="ingested-marker">
                    {`${plural(day.ingested, "claim")} from undated articles, placed by ingest date`}
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        </div>
      ) : null}

      {undated.claims > 0 ? (
        <div>
          <h3 className="mb-2 text-sm font-semibold">Undated articles</h3>
          <p className="mb-2 text-xs text-gray-600">
            {plural(undated.claims, "claim")} in {plural(undated.articleCount, "article")} without a publication date, placed on the timeline by the day they
            were ingested (marked); set the date on the article to place it by publication.
          </p>
          <ul className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white text-sm" aria-label="Undated articles">
            {undated.articles.slice(0, UNDATED_LISTED).map((article) => (
              <li key={article.id} className="flex justify-between gap-3 px-4 py-2">
                <a href={`/articles/${article.id}`} className="text-accent hover:underline">
                  {article.label}
                </a>
                <span className="whitespace-nowrap text-gray-600">{plural(article.claims, "claim")}</span>
              </li>
            ))}
          </ul>
          {undated.articleCount > Math.min(UNDATED_LISTED, undated.articles.length) ? (
            <p className="mt-2 text-xs text-gray-600">{`and ${plural(undated.articleCount - Math.min(UNDATED_LISTED, undated.articles.length), "more undated article")}; their claims close the list of every claim below.`}</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
