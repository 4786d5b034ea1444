import { Fragment } from "react";
import { claimWords } from "@/lib/analysis/positions";
import { formatDate, plural } from "@/lib/format";
import type { IssuePositionsView, PositionClaimView } from "@/lib/data/positions";
import { DismissContrastForm } from "./dismiss-contrast-form";
import { PositionClaimItem } from "./positions-grid";

export type ContrastListProps = {
  view: IssuePositionsView;
  issueSlug: string;
  canDismiss: boolean;
  isPublic?: boolean;
};

/**
 * One side of a contrasting pair: the claim's words, its kind, how many sources carry it (named in the
 * actor's positions above) and when it was first reported. Kept to a line, as a brief lists several pairs.
 */
function ContrastSide({ claim, isPublic }: { claim: PositionClaimView; isPublic: boolean }) {
  return (
    <>
      <p className={claim.kind === "quote" ? "font-serif text-[0.95rem] leading-snug text-gray-900" : "text-sm leading-snug text-gray-800"}>
        {claimWords(claim)}
      </p>
      <p className="meta mt-1">
        {`${claim.kind === "quote" ? "Quote" : "Reported"} · ${plural(claim.outlets.length, "source")} · ${claim.firstReportedAt ? `first reported ${formatDate(new Date(claim.firstReportedAt))}` : "date unknown"}`}
        {isPublic ? null : (
          <>
            {" · "}
            <a className="link" href={`/claims/${claim.id}`}>
              Review
            </a>
          </>
        )}
      </p>
    </>
  );
}

/** Contrasting positions face to face: the two actors' claims side by side, why they were paired, and (editors) a way to dismiss the pair. */
export function ContrastList({ view, issueSlug, canDismiss, isPublic = false }: ContrastListProps) {
  const claims = new Map<string, { claim: PositionClaimView; speaker: string }>();
  for (const position of view.positions) for (const claim of position.claims) claims.set(claim.id, { claim, speaker: position.speaker.name });
  return (
    <ul className="space-y-4" aria-label="Contrasting positions">
      {view.contrasts.map((contrast) => {
        const a = claims.get(contrast.a);
        const b = claims.get(contrast.b);
        if (!a || !b) return null;
        return (
          <li key={`${contrast.a}-${contrast.b}`} className="card border-amber-300 p-4">
            <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
              {[a, b].map((side) => (
                <div key={side.claim.id} className="min-w-0">
                  <p className="mb-1 text-sm font-semibold">{side.speaker}</p>
                  <ContrastSide claim={side.claim} isPublic={isPublic} />
                </div>
              ))}
            </div>
            <p className="mt-3 text-sm text-gray-700">
              <span className="font-medium text-gray-900">Why paired: </span>
              {contrast.why}
            </p>
            {canDismiss ? (
              <div className="mt-2">
                <DismissContrastForm issueSlug={issueSlug} a={contrast.a} b={contrast.b} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export type OmissionListProps = { view: IssuePositionsView };

/** What each source leaves out: the actors others carry on the issue that it does not, and widely reported claims it skips. */
export function OmissionList({ view }: OmissionListProps) {
  return (
    <ul className="grid grid-cols-1 gap-3 md:grid-cols-2" aria-label="What each source leaves out">
      {view.omissions.map((omission) => (
        <li key={omission.source.slug} className="card p-3 text-sm">
          <p className="font-semibold">{omission.source.name}</p>
          {omission.actors.length > 0 ? (
            <p>
              <span className="text-gray-700">Does not quote </span>
              {omission.actors.map((actor, index) => (
                <Fragment key={actor.id}>
                  {index > 0 ? (index === omission.actors.length - 1 ? " or " : ", ") : ""}
                  <strong className="font-medium">{actor.name}</strong>
                  <span className="meta">{` (quoted by ${plural(actor.carriedBy, "other source")})`}</span>
                </Fragment>
              ))}
            </p>
          ) : null}
          {omission.claims.length > 0 ? (
            <>
              <p className="mt-1 text-gray-700">Leaves out what others report:</p>
              <ul className="ml-4 list-disc">
                {omission.claims.map((claim) => (
                  <li key={claim.id}>
                    <span className="font-medium">{claim.speaker}</span>: {claim.text}
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

/** The sources that characterise a claim alike (same verbs, same hedges), one row per way of telling it, most sources first. */
function characterisationRows(entries: PositionClaimView["characterisations"]): { key: string; verbs: string[]; hedges: string[]; sources: string[] }[] {
  const rows = new Map<string, { key: string; verbs: string[]; hedges: string[]; sources: string[] }>();
  for (const entry of entries) {
    const key = `${entry.verbs.join("|")}/${entry.hedges.join("|")}`;
    const row = rows.get(key) ?? { key, verbs: entry.verbs, hedges: entry.hedges, sources: [] };
    row.sources.push(entry.source.name);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.sources.length - a.sources.length);
}

export type CharacterisationListProps = { view: IssuePositionsView };

/** How sources characterise the same claim: the verbs and hedges each attaches to it. */
export function CharacterisationList({ view }: CharacterisationListProps) {
  return (
    <ul className="space-y-3" aria-label="How sources characterise the same claim">
      {view.characterised.map(({ claim, speaker }) => (
        <li key={claim.id} className="card p-3 text-sm">
          <p>
            <span className="font-semibold">{speaker}</span>: {claimWords(claim)}
          </p>
          <table className="data-table mt-2">
            <caption className="sr-only">{`Verbs and hedges sources attach to ${speaker}’s claim`}</caption>
            <thead>
              <tr>
                <th scope="col">Verb</th>
                <th scope="col">Hedges</th>
                <th scope="col">Sources</th>
              </tr>
            </thead>
            <tbody>
              {characterisationRows(claim.characterisations).map((row) => (
                <tr key={row.key}>
                  <td>{row.verbs.map((verb) => `“${verb}”`).join(", ") || "—"}</td>
                  <td>{row.hedges.map((hedge) => `“${hedge}”`).join(", ") || "—"}</td>
                  <td>{row.sources.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </li>
      ))}
    </ul>
  );
}

export type StanceListProps = { view: IssuePositionsView; issueSlug: string; isPublic?: boolean };

/** Where each actor stands, in one line each (their most reported claim): what a brief shows when nothing is found to disagree. */
export function StanceList({ view, issueSlug, isPublic = false }: StanceListProps) {
  return (
    <ul className="grid grid-cols-1 gap-3 md:grid-cols-2" aria-label="Where each actor stands">
      {view.positions.map((position) => {
        const top = position.claims.find((claim) => claim.id === position.top) ?? position.claims[0]!;
        return (
          <li key={position.speaker.id} className="card p-3">
            <p className="mb-1 text-sm font-semibold">{position.speaker.name}</p>
            <PositionClaimItem claim={top} issueSlug={issueSlug} isPublic={isPublic} />
          </li>
        );
      })}
    </ul>
  );
}

export type ContrastDigestProps = { items: { issue: { slug: string; title: string }; view: IssuePositionsView }[] };

/**
 * The strongest contrasting pair of each issue in a few lines (the dashboard): the issue, each actor's
 * words and why they were paired; the issue page has them face to face with their sources.
 */
export function ContrastDigest({ items }: ContrastDigestProps) {
  return (
    <ul className="grid grid-cols-1 gap-3 lg:grid-cols-2" aria-label="Contrasting positions">
      {items.map(({ issue, view }) => {
        const contrast = view.contrasts[0];
        const claims = new Map(view.positions.flatMap((position) => position.claims.map((claim) => [claim.id, { claim, speaker: position.speaker.name }])));
        const sides = contrast ? [claims.get(contrast.a), claims.get(contrast.b)] : [];
        if (!contrast || !sides[0] || !sides[1]) return null;
        return (
          <li key={issue.slug} className="card border-amber-300 p-3 text-sm">
            <a className="link font-medium" href={`/issues/${issue.slug}#contrasts-heading`}>
              {issue.title}
            </a>
            {sides.map((side) => (
              <p key={side!.claim.id} className="mt-1">
                <strong>{side!.speaker}</strong>: {claimWords(side!.claim)}
              </p>
            ))}
            <p className="meta mt-1">{`Why paired: ${contrast.why}`}</p>
          </li>
        );
      })}
    </ul>
  );
}
