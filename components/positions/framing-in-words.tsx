import type { FramingMeasures } from "@/lib/analysis/framing-measures";

export type FramingInWordsProps = {
  framing: FramingMeasures[];
  /** Where a source's name links (its own view of the issue); none on a brief outside the app. */
  sourceHref?: (key: string) => string;
};

/** Each source's framing of the issue in plain words: whose voice leads, who is absent, loaded verbs and hedges, prominence. */
export function FramingInWords({ framing, sourceHref }: FramingInWordsProps) {
  return (
    <ul className="mb-4 space-y-2" aria-label="How each source tells it">
      {framing.map((measures) => (
        <li key={measures.source.key} className="text-sm">
          <span className="font-semibold">
            {sourceHref ? (
              <a href={sourceHref(measures.source.key)} className="hover:underline">
                {measures.source.name}
              </a>
            ) : (
              measures.source.name
            )}
          </span>
          {": "}
          {measures.description || measures.summary}
        </li>
      ))}
    </ul>
  );
}
