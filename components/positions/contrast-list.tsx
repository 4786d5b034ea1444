import { claimWords } from "@/lib/analysis/positions";
import { plural } from "@/lib/format";
import type { IssuePositionsView, PositionClaimView } from "@/lib/data/positions";
import { DismissContrastForm } from "./dismiss-contrast-form";
import { PositionClaimItem } from "./positions-grid";

export type ContrastListProps = {
  view: IssuePositionsView;
  issueSlug: string;
  canDismiss: boolean;
  isPublic?: boolean;
};

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
            <div className="grid gap-4 md:grid-cols-2">
              {[a, b].map((side) => (
                <div key={side.claim.id} className="min-w-0">
                  <p className="mb-1 text-sm font-semibold">{side.speaker}</p>
                  <PositionClaimItem claim={side.claim} issueSlug={issueSlug} isPublic={isPublic} />
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
    <ul className="grid gap-3 md:grid-cols-2" aria-label="What each source leaves out">
      {view.omissions.map((omission) => (
        <li key={omission.source.slug} className="card p-3 text-sm">
          <p className="font-semibold">{omission.source.name}</p>
          {omission.actors.length > 0 ? (
            <p>
              <span className="text-gray-700">Does not quote </span>
              {omission.actors.map((actor, index) => (
                <span key={actor.id}>
                  {index > 0 ? (index === omission.actors.length - 1 ? " or " : ", ") : ""}
                  <strong className="font-medium">{actor.name}</strong>
                  <span className="meta">{` (quoted by ${plural(actor.carriedBy, "other source")})`}</span>
                </span>
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
            <caption className="sr-only">{`Verbs and hedges each source attaches to ${speaker}’s claim`}</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Verb</th>
                <th scope="col">Hedges</th>
              </tr>
            </thead>
            <tbody>
              {claim.characterisations.map((entry) => (
                <tr key={entry.source.slug}>
                  <th scope="row">{entry.source.name}</th>
                  <td>{entry.verbs.map((verb) => `“${verb}”`).join(", ") || "—"}</td>
                  <td>{entry.hedges.map((hedge) => `“${hedge}”`).join(", ") || "—"}</td>
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
    <ul className="grid gap-3 md:grid-cols-2" aria-label="Where each actor stands">
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
