import { describeAttribution } from "@/lib/attribution-reason";
import { getAttributionContext } from "@/lib/data/attribution";

export type AttributionContextProps = { claimId: string };

/** The claim in its paragraph and the one before, with the mention its speaker came from marked and the reason in words. */
export async function AttributionContext({ claimId }: AttributionContextProps) {
  const context = await getAttributionContext(claimId);
  if (!context) return null;
  const why = describeAttribution(context.reason, context.mention, context.speaker);
  return (
    <section aria-labelledby="attribution-title" className="rounded-lg border border-gray-200 bg-white p-4" data-testid="attribution-context">
      <h2 id="attribution-title" className="font-semibold">
        Why this speaker
      </h2>
      {why ? <p className="mt-1 text-sm text-gray-700">{why}</p> : null}
      {context.mentionElsewhere && context.mention ? (
        <p className="mt-1 text-sm text-gray-600">The mention “{context.mention}” is earlier in the article than the paragraphs shown.</p>
      ) : null}
      <div className="mt-3 space-y-2 text-sm leading-relaxed text-gray-800">
        {context.paragraphs.map((paragraph, i) => (
          <p key={i} className="whitespace-pre-line">
            {paragraph.map((piece, k) =>
              piece.mark === "mention" ? (
                <mark
                  key={k}
                  className="rounded bg-sky-100 px-0.5 font-medium text-ink"
                  title={context.speaker ? `→ ${context.speaker}` : undefined}
                  data-testid="speaker-mention"
                >
                  {piece.text}
                </mark>
              ) : piece.mark === "claim" ? (
                <mark key={k} className="rounded bg-yellow-100 px-0.5 text-ink">
                  {piece.text}
                </mark>
              ) : (
                <span key={k}>{piece.text}</span>
              ),
            )}
          </p>
        ))}
      </div>
      {context.mention && context.speaker ? (
        <p className="mt-2 text-xs text-gray-600">
          <span className="rounded bg-sky-100 px-1">{context.mention}</span> → {context.speaker}
        </p>
      ) : null}
    </section>
  );
}
