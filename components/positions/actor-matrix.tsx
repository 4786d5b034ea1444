import type { ActorMatrix, PositionClaimView } from "@/lib/data/positions";
import { plural } from "@/lib/format";
import { claimWords } from "@/lib/analysis/positions";
import { OUTLETS_NAMED } from "./positions-grid";

export type ActorMatrixTableProps = { matrix: ActorMatrix };

const CELL_CHARS = 160;

function cut(text: string): string {
  return text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS - 1).replace(/\s+\S*$/u, "")}…` : text;
}

/**
 * Who said what on each issue: actors × issues, each cell the actor's most reported claim on the issue. A
 * table on wide screens; on a phone, one card per actor listing the issues they spoke on.
 */
export function ActorMatrixTable({ matrix }: ActorMatrixTableProps) {
  return (
    <>
      <ul className="space-y-3 md:hidden" aria-label="Who said what on each issue, by actor">
        {matrix.actors.map((actor) => (
          <li key={actor.id} className="card p-3">
            <p className="font-semibold">{actor.name}</p>
            <dl className="mt-1 space-y-2 text-sm">
              {matrix.issues.flatMap((issue) => {
                const claim = matrix.cells[actor.id]?.[issue.slug];
                return claim
                  ? [
                      <div key={issue.slug}>
                        <dt className="meta font-medium">{issue.title}</dt>
                        <dd>
                          <ActorClaim claim={claim} />
                        </dd>
                      </div>,
                    ]
                  : [];
              })}
            </dl>
          </li>
        ))}
      </ul>
      <ActorTable matrix={matrix} />
    </>
  );
}

function ActorClaim({ claim }: { claim: PositionClaimView }) {
  return (
    <>
      <a href={`/claims/${claim.id}`} className="hover:underline">
        {cut(claimWords(claim))}
      </a>
      <span className="meta block">
        {`${plural(claim.outlets.length, "source")}: ${claim.outlets
          .slice(0, OUTLETS_NAMED)
          .map((outlet) => outlet.name)
          .join(", ")}${claim.outlets.length > OUTLETS_NAMED ? ` and ${claim.outlets.length - OUTLETS_NAMED} more` : ""}`}
      </span>
    </>
  );
}

function ActorTable({ matrix }: ActorMatrixTableProps) {
  return (
    <div className="hidden overflow-x-auto rounded-lg border border-gray-200 bg-white md:block">
      <table className="data-table boxed min-w-[40rem]">
        <caption className="sr-only">Who said what on each issue: each cell is the actor’s most reported claim on it</caption>
        <thead>
          <tr>
            <th scope="col">Actor</th>
            {matrix.issues.map((issue) => (
              <th key={issue.slug} scope="col">
                <a href={`/issues/${issue.slug}`} className="hover:underline">
                  {issue.title}
                </a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.actors.map((actor) => (
            <tr key={actor.id}>
              <th scope="row" className="align-top">
                {actor.name}
              </th>
              {matrix.issues.map((issue) => {
                const claim = matrix.cells[actor.id]?.[issue.slug];
                return (
                  <td key={issue.slug} className="align-top text-sm">
                    {claim ? <ActorClaim claim={claim} /> : <span className="meta">—</span>}
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
