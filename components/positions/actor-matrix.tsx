import type { ActorMatrix, PositionClaimView } from "@/lib/data/positions";
import { plural } from "@/lib/format";
import { claimWords } from "@/lib/analysis/positions";
import { OUTLETS_NAMED } from "./positions-grid";

export type ActorMatrixTableProps = { matrix: ActorMatrix };

const CELL_CHARS = 160;

function cut(text: string): string {
  return text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS - 1).replace(/\s+\S*$/u, "")}…` : text;
}

function outletsLine(claim: PositionClaimView): string {
  const named = claim.outlets
    .slice(0, OUTLETS_NAMED)
    .map((outlet) => outlet.name)
    .join(", ");
  return `${plural(claim.outlets.length, "source")}: ${named}${claim.outlets.length > OUTLETS_NAMED ? ` and ${claim.outlets.length - OUTLETS_NAMED} more` : ""}`;
}

/**
 * Who said what on each issue: actors × issues, each cell the actor's most reported claim on the issue.
 * One table, rendered once: on a wide screen a grid, on a phone (`.actor-matrix` in globals.css) each row
 * reflows into a card for the actor, each of its cells naming its issue and empty ones left out. The
 * table's roles are set explicitly so that assistive technology keeps reading it as a table when its
 * display changes.
 */
export function ActorMatrixTable({ matrix }: ActorMatrixTableProps) {
  return (
    <div className="actor-matrix">
      <table role="table" className="data-table boxed">
        <caption className="sr-only">Who said what on each issue: each cell is the actor’s most reported claim on it</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">
              Actor
            </th>
            {matrix.issues.map((issue) => (
              <th role="columnheader" key={issue.slug} scope="col">
                <a href={`/issues/${issue.slug}`}>{issue.title}</a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {matrix.actors.map((actor) => (
            <tr role="row" key={actor.id}>
              <th role="rowheader" scope="row">
                {actor.name}
              </th>
              {matrix.issues.map((issue) => {
                const claim = matrix.cells[actor.id]?.[issue.slug];
                return claim ? (
                  <td role="cell" key={issue.slug}>
                    <span className="issue">{issue.title}</span>
                    <a href={`/claims/${claim.id}`}>{cut(claimWords(claim))}</a>
                    <span className="meta block">{outletsLine(claim)}</span>
                  </td>
                ) : (
                  <td role="cell" key={issue.slug} className="none">
                    —
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
