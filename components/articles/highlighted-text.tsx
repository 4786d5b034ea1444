import type { ArticleClaim } from "@/lib/data/articles";

export type HighlightedTextProps = { text: string; claims: ArticleClaim[] };

const KIND_STYLE: Record<ArticleClaim["kind"], string> = {
  quote: "bg-amber-100",
  reported: "bg-sky-100",
  narration: "bg-gray-100",
};

const KIND_UNDERLINE: Record<ArticleClaim["kind"], string> = {
  quote: "decoration-amber-600",
  reported: "decoration-sky-600",
  narration: "decoration-gray-500",
};

export const KIND_LABEL: Record<ArticleClaim["kind"], string> = {
  quote: "Direct quote",
  reported: "Reported speech",
  narration: "Narration",
};

type Segment = { start: number; end: number; claim?: ArticleClaim };

/** Cuts the text at every claim boundary; where claims overlap, the innermost (shortest) one wins. */
export function segmentText(length: number, claims: ArticleClaim[]): Segment[] {
  const cuts = new Set<number>([0, length]);
  for (const claim of claims) {
    cuts.add(Math.max(0, Math.min(length, claim.start)));
    cuts.add(Math.max(0, Math.min(length, claim.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let index = 0; index + 1 < points.length; index += 1) {
    const start = points[index]!;
    const end = points[index + 1]!;
    const covering = claims.filter((claim) => claim.start <= start && claim.end >= end);
    covering.sort((a, b) => a.end - a.start - (b.end - b.start));
    segments.push({ start, end, claim: covering[0] });
  }
  return segments;
}

/**
 * The article's text as ingested, every claim marked by kind and linked to its review page; its speaker,
 * confidence and issues show on hover and on keyboard focus. The text is rendered as text, never as HTML.
 */
export function HighlightedText({ text, claims }: HighlightedTextProps) {
  const segments = segmentText(text.length, claims);
  const firstSegmentOf = new Map<string, number>();
  segments.forEach((segment, index) => {
    if (segment.claim && !firstSegmentOf.has(segment.claim.id)) firstSegmentOf.set(segment.claim.id, index);
  });
  return (
    <div className="whitespace-pre-wrap break-words font-serif text-[1.05rem] leading-8 text-gray-900">
      {segments.map((segment, index) => {
        const content = text.slice(segment.start, segment.end);
        const claim = segment.claim;
        if (!claim) return <span key={index}>{content}</span>;
        const isFirst = firstSegmentOf.get(claim.id) === index;
        const description = `${KIND_LABEL[claim.kind]}${claim.speaker ? ` · ${claim.speaker}` : ""} · confidence ${Math.round(claim.confidence * 100)}%${claim.issues.length ? ` · ${claim.issues.map((issue) => issue.title).join(", ")}` : ""}`;
        return (
          <mark
            key={index}
            id={isFirst ? `claim-${claim.id}` : undefined}
            data-kind={claim.kind}
            className={`group relative rounded-sm ${KIND_STYLE[claim.kind]} text-inherit scroll-mt-24`}
          >
            <a
              href={`/claims/${claim.id}`}
              tabIndex={isFirst ? 0 : -1}
              aria-label={isFirst ? `${content.slice(0, 80)} (${description}): review this claim` : undefined}
              className={`text-inherit underline decoration-2 underline-offset-4 ${claim.confidence < 0.5 ? "decoration-dotted" : ""} ${KIND_UNDERLINE[claim.kind]}`}
            >
              {content}
            </a>
            {isFirst ? (
              <span
                role="tooltip"
                className="pointer-events-none absolute bottom-full left-0 z-10 mb-1 hidden w-max max-w-xs whitespace-normal rounded-md bg-gray-900 px-2 py-1 font-sans text-xs leading-5 text-white shadow-lg group-hover:block group-focus-within:block"
              >
                {description}
              </span>
            ) : null}
          </mark>
        );
      })}
    </div>
  );
}
