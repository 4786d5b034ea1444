import { Fragment } from "react";
import { Badge } from "@/components/ui/badge";
import { claimWords } from "@/lib/analysis/positions";
import type { PositionClaimView, PositionView } from "@/lib/data/positions";
import { formatDate, plural } from "@/lib/format";
import { MoreSources } from "./more-sources";

export type PositionsGridProps = {
  positions: PositionView[];
  issueSlug: string;
  /** A brief outside the app (a share page): no links into the app. */
  isPublic?: boolean;
};

export type OutletListProps = { outlets: PositionClaimView["outlets"]; issueSlug: string; isPublic?: boolean; clusterId?: string | null };

/** Sources named (as links) for each claim; the rest are counted, and listed when asked ({@link MoreSources}). */
export const OUTLETS_NAMED = 2;

/**
 * The sources carrying a claim: the first {@link OUTLETS_NAMED} each linking to the issue narrowed to it
 * (an unknown outlet's article to its reader), then "and N more", which opens onto every source (loaded
 * then, from the claim's cluster). A claim in a large corpus can be carried by dozens of sources; listing
 * each as a link made the issue page several times heavier.
 */
export function OutletList({ outlets, issueSlug, isPublic = false, clusterId }: OutletListProps) {
  return (
    <span className="meta">
      {`${plural(outlets.length, "source")}: `}
      {outlets.slice(0, OUTLETS_NAMED).map((outlet, index) => (
        <Fragment key={outlet.slug}>
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
        </Fragment>
      ))}
      {outlets.length > OUTLETS_NAMED && (isPublic || !clusterId) ? ` and ${outlets.length - OUTLETS_NAMED} more` : null}
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
      <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1">
        <Badge tone={claim.kind === "quote" ? "blue" : "gray"}>{claim.kind === "quote" ? "Quote" : "Reported"}</Badge>
        <OutletList outlets={claim.outlets} issueSlug={issueSlug} isPublic={isPublic} clusterId={claim.clusterId} />
        {!isPublic && claim.clusterId && claim.outlets.length > OUTLETS_NAMED ? (
          <MoreSources clusterId={claim.clusterId} more={claim.outlets.length - OUTLETS_NAMED} />
        ) : null}
        <span className="meta">{claim.firstReportedAt ? `· first reported ${formatDate(new Date(claim.firstReportedAt))}` : "· date unknown"}</span>
        {isPublic ? null : (
          <a className="meta link" href={`/claims/${claim.id}`}>
            Review
          </a>
        )}
      </div>
    </>
  );
}

/** Key claims of an actor shown on the brief, with their sources and date; the others are a click away (the issue's claims narrowed to the actor). */
export const CLAIMS_SHOWN = 2;
/** Actors shown side by side with their claims (most present first); the others are named in a line below. */
export const ACTORS_SHOWN = 4;

/** An actor's claims on the issue beyond those shown in full. */
function moreClaims(position: PositionView): number {
  return Math.max(0, position.claimCount - Math.min(CLAIMS_SHOWN, position.claims.length));
}

/** The issue's claims narrowed to one speaker (the list at the foot of the issue page). */
export function speakerClaimsHref(issueSlug: string, speakerSlug: string): string {
  return `/issues/${issueSlug}?speaker=${encodeURIComponent(speakerSlug)}#claims-heading`;
}

/**
 * Who stands where on an issue: the first {@link ACTORS_SHOWN} actors side by side with their key claims,
 * direct quotes first, then reported speech; the first {@link CLAIMS_SHOWN} of each with the sources
 * carrying it and when it was first reported, then "N more claims by X", the issue's claims narrowed to
 * them. The other actors are named in one line, each linking the same way.
 */
export function PositionsGrid({ positions, issueSlug, isPublic = false }: PositionsGridProps) {
  const others = positions.slice(ACTORS_SHOWN);
  return (
    <>
      <ul className="grid grid-cols-1 gap-4 md:grid-cols-2" aria-label="Positions by actor">
        {positions.slice(0, ACTORS_SHOWN).map((position) => (
          <li key={position.speaker.id} className="card p-4" aria-labelledby={`actor-${position.speaker.id}`}>
            <h3 id={`actor-${position.speaker.id}`} className="text-base font-semibold leading-snug">
              {position.speaker.name}
            </h3>
            <p className="meta mb-2">{`${plural(position.claimCount, "claim")} on the issue, carried by ${plural(position.outletCount, "source")}`}</p>
            <ol className="space-y-3">
              {position.claims.slice(0, CLAIMS_SHOWN).map((claim) => (
                <li key={claim.id}>
                  <PositionClaimItem claim={claim} issueSlug={issueSlug} isPublic={isPublic} />
                </li>
              ))}
            </ol>
            {moreClaims(position) > 0 ? (
              isPublic || !position.speakerSlug ? (
                <p className="meta mt-3">{`and ${plural(moreClaims(position), "more claim")} on the issue`}</p>
              ) : (
                <p className="mt-3 text-sm">
                  <a className="link" href={speakerClaimsHref(issueSlug, position.speakerSlug)}>
                    {`${plural(moreClaims(position), "more claim")} by ${position.speaker.name}`}
                  </a>
                </p>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <p className="mt-3 text-sm text-gray-800">
          <span className="font-medium">{`Also on the issue (${others.length}): `}</span>
          {others.map((position, index) => (
            <span key={position.speaker.id}>
              {index > 0 ? ", " : ""}
              {isPublic || !position.speakerSlug ? (
                position.speaker.name
              ) : (
                <a className="link" href={speakerClaimsHref(issueSlug, position.speakerSlug)}>
                  {position.speaker.name}
                </a>
              )}
              <span className="meta">{` (${plural(position.claimCount, "claim")})`}</span>
            </span>
          ))}
        </p>
      ) : null}
    </>
  );
}
