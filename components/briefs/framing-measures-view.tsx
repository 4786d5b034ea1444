import type { FramingMeasures } from "@/lib/analysis/framing-measures";
import { FramingCard, framingCards } from "./framing-card";
import { FramingTable } from "./framing-table";

export type FramingMeasuresViewProps = {
  issueSlug: string;
  /** The sources' measures, most claims first. */
  framing: FramingMeasures[];
  /** The brief is narrowed to one source: its card in full. */
  isOneSource: boolean;
};

/**
 * The measures behind the framing descriptions of an issue page: the sources side by side (each row
 * opening that source's own view) and, for a few sources or one, a card each with voices, verbs, terms
 * and figures. Rendered on the server for one source, and in the browser when an editor opens the
 * disclosure of a brief's sources ({@link LazyFramingDetails}).
 */
export function FramingMeasuresView({ issueSlug, framing, isOneSource }: FramingMeasuresViewProps) {
  const cards = isOneSource ? framing : framingCards(framing, { whenMany: 0 });
  return (
    <>
      {framing.length > 1 ? <FramingTable measures={framing} sourceHref={(key) => `/issues/${issueSlug}?outlet=${encodeURIComponent(key)}`} /> : null}
      {cards.length < framing.length ? <p className="mb-3 text-sm text-gray-600">Open a source for its voices, verbs, terms and figures.</p> : null}
      {cards.length > 0 ? (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          {cards.map((measures) => (
            <FramingCard key={measures.source.key} issueSlug={issueSlug} measures={measures} isCollapsed={false} />
          ))}
        </div>
      ) : null}
    </>
  );
}
