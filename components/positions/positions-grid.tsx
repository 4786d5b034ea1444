import { Badge } from "@/components/ui/badge";
import { claimWords } from "@/lib/analysis/positions";
import type { PositionClaimView, PositionView } from "@/lib/data/positions";
import { formatDate, plural } from "@/lib/format";

export type PositionsGridProps = {
  positions: PositionView[];
  issueSlug: string;
  /** A brief outside the app (a share page): no links into the app. */
  isPublic?: boolean;
};

export type OutletListProps = { outlets: PositionClaimView["outlets"]; issueSlug: string; isPublic?: boolean };

/** Sources named (as links) for each claim; the rest are counted (the claim's review page lists every one). */
export const OUTLETS_NAMED = 3;

/**
 * The sources carrying a claim: the first {@link OUTLETS_NAMED} each linking to the issue narrowed to it
 * (an unknown outlet's article to its reader), then how many more. A claim in a large corpus can be
 * carried by dozens of sources; listing each as a link made the issue page several times heavier.
 */
export function OutletList({ outlets, issueSlug, isPublic = false }: OutletListProps) {
  const named = outlets.slice(0, OUTLETS_NAMED);
  return (
    <span className="meta">
      {named.map((outlet, index) => (
        <span key={outlet.slug}>
          {index > 0 ? ", " : ""}
          {isPublic ? (
            outlet.name
          ) : (
            <a
              className="link"
              href={
                outlet.slug.startsWith("article:")
                  ? `/articles/${outlet.slug.slice("article:".length)}`
                  : `/issues/${issueSlug}?outlet=${encodeURIComponent(outlet.slug)}`
              }
            >
              {outlet.name}
            </a>
          )}
        </span>
      ))}
      {outlets.length > OUTLETS_NAMED ? ` and ${outlets.length - OUTLETS_NAMED} more` : null}
    </span>
  );
}

export type PositionClaimItemProps = { claim: PositionClaimView; issueSlug: string; isPublic?: boolean };

/** One key claim: its words, kind, the sources carrying it and when it was first reported. */
export function PositionClaimItem({ claim, issueSlug, isPublic = false }: PositionClaimItemProps) {
  return (
    <>
      <p className={claim.kind === "quote" ? "font-serif text-[0.95rem] leading-snug text-gray-900" : "text-sm leading-snug text-gray-800"}>
        {claimWords(claim)}
      </p>
      <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1">
        <Badge tone={claim.kind === "quote" ? "blue" : "gray"}>{claim.kind === "quote" ? "Quote" : "Reported"}</Badge>
        <span className="meta">{`${plural(claim.outlets.length, "source")}:`}</span>
        <OutletList outlets={claim.outlets} issueSlug={issueSlug} isPublic={isPublic} />
        <span className="meta">{claim.firstReportedAt ? `· first reported ${formatDate(new Date(claim.firstReportedAt))}` : "· date unknown"}</span>
        {isPublic ? null : (
          <a className="meta link" href={`/claims/${claim.id}`}>
            Review
          </a>
        )}
      </p>
    </>
  );
}

/** Key claims of an actor shown with their sources and date; the rest are listed by their words alone. */
const CLAIMS_IN_FULL = 3;

/**
 * Who stands where on an issue: each actor side by side with their key claims, direct quotes first,
 * then reported speech; the first {@link CLAIMS_IN_FULL} of each with the sources carrying it and when it
 * was first reported, the others by their words (a link to their review page).
 */
export function PositionsGrid({ positions, issueSlug, isPublic = false }: PositionsGridProps) {
  return (
    <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label="Positions by actor">
      {positions.map((position) => (
        <li key={position.speaker.id} className="card p-4" aria-labelledby={`actor-${position.speaker.id}`}>
          <h3 id={`actor-${position.speaker.id}`} className="text-base font-semibold leading-snug">
            {position.speaker.name}
          </h3>
          <p className="meta mb-2">{`${plural(position.claimCount, "claim")} on the issue, carried by ${plural(position.outletCount, "source")}`}</p>
          <ol className="space-y-3">
            {position.claims.slice(0, CLAIMS_IN_FULL).map((claim) => (
              <li key={claim.id}>
                <PositionClaimItem claim={claim} issueSlug={issueSlug} isPublic={isPublic} />
              </li>
            ))}
          </ol>
          {position.claims.length > CLAIMS_IN_FULL ? (
            <>
              <p className="meta mt-3">Also:</p>
              <ul className="ml-4 list-disc space-y-1 text-sm text-gray-800">
                {position.claims.slice(CLAIMS_IN_FULL).map((claim) => (
                  <li key={claim.id}>
                    {isPublic ? (
                      claimWords(claim)
                    ) : (
                      <a className="hover:underline" href={`/claims/${claim.id}`}>
                        {claimWords(claim)}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
