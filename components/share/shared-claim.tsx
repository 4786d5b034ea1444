import type { SharedClaim as SharedClaimView } from "@/lib/data/share-links";
import { formatDate, plural } from "@/lib/format";
import { KIND_LABEL } from "@/lib/validations/claims";
import { AsOf } from "./as-of";

export type SharedClaimProps = { view: SharedClaimView; asOf: Date };

function ExternalLink({ href, children }: { href: string | null; children: React.ReactNode }) {
  if (!href || !/^https?:\/\//i.test(href)) return <>{children}</>;
  return (
    <a href={href} rel="noopener noreferrer nofollow" className="text-accent underline">
      {children}
    </a>
  );
}

/** The claim's sentence with the claim itself marked. */
function markedSentence(sentence: string, span: string) {
  const at = span ? sentence.indexOf(span) : -1;
  if (at < 0) return <mark className="rounded-sm bg-amber-100 px-0.5">{sentence}</mark>;
  return (
    <>
      {sentence.slice(0, at)}
      <mark className="rounded-sm bg-amber-100 px-0.5 underline decoration-amber-600 decoration-2 underline-offset-4">{span}</mark>
      {sentence.slice(at + span.length)}
    </>
  );
}

/**
 * One claim for readers outside the newsroom: in its sentence, who said it, what kind of claim, in
 * which outlet, and the same statement in other outlets. No review state, teammates or notes.
 */
export function SharedClaim({ view, asOf }: SharedClaimProps) {
  const { claim } = view;
  return (
    <article aria-labelledby="claim-title" className="share-brief">
      <header className="mb-6 border-b border-gray-200 pb-5">
        <p className="text-xs font-semibold uppercase tracking-wide text-gray-600">Claim</p>
        <h1 id="claim-title" className="mt-1 text-2xl font-semibold tracking-tight">
          {claim.speaker ? `${claim.speaker}, in ${claim.article.outlet ?? "an article"}` : `In ${claim.article.outlet ?? "an article"}`}
        </h1>
        <AsOf asOf={asOf} />
      </header>

      <section aria-labelledby="sentence-heading" className="mb-8 break-inside-avoid rounded-lg border border-gray-200 bg-white p-5">
        <h2 id="sentence-heading" className="sr-only">
          The claim in its sentence
        </h2>
        <blockquote className="border-l-4 border-accent pl-4 font-serif text-lg leading-8" data-testid="shared-claim-sentence">
          {markedSentence(claim.sentence, claim.span)}
        </blockquote>
        <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-xs text-gray-600">Speaker</dt>
            <dd className="font-medium">{claim.speaker ?? "No named speaker"}</dd>
          </div>
          <div>
            <dt className="text-xs text-gray-600">Kind</dt>
            <dd className="font-medium">{KIND_LABEL[claim.kind]}</dd>
          </div>
          <div>
            <dt className="text-xs text-gray-600">Outlet</dt>
            <dd className="font-medium">{claim.article.outlet ?? "Outlet unknown"}</dd>
          </div>
          <div>
            <dt className="text-xs text-gray-600">Article</dt>
            <dd>
              <ExternalLink href={claim.article.url}>{claim.article.title}</ExternalLink>
              {claim.article.publishedAt ? <span className="text-gray-600"> · {formatDate(claim.article.publishedAt)}</span> : null}
            </dd>
          </div>
          {claim.issues.length > 0 ? (
            <div>
              <dt className="text-xs text-gray-600">Issues</dt>
              <dd>{claim.issues.map((issue) => issue.title).join(", ")}</dd>
            </div>
          ) : null}
          {claim.figures.length > 0 ? (
            <div>
              <dt className="text-xs text-gray-600">Figures</dt>
              <dd>{claim.figures.map((figure) => `${figure.raw}${figure.about ? ` (${figure.about})` : ""}`).join("; ")}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="cluster-heading">
        <h2 id="cluster-heading" className="mb-1 text-xl font-semibold">
          In other outlets
        </h2>
        {claim.cluster && claim.cluster.members.length > 0 ? (
          <>
            <p className="mb-3 text-sm text-gray-600">
              {claim.cluster.label} — reported by {plural(claim.cluster.outletCount, "source")}.
            </p>
            <ul className="space-y-3">
              {claim.cluster.members.map((member) => (
                <li key={member.id} className="break-inside-avoid rounded-lg border border-gray-200 bg-white p-4 text-sm">
                  <p className="mb-1 flex flex-wrap gap-x-2 text-xs text-gray-600">
                    <span className="font-semibold text-gray-900">{member.outlet ?? "Outlet unknown"}</span>
                    <span>{KIND_LABEL[member.kind]}</span>
                    {member.speaker ? <span>· {member.speaker}</span> : null}
                    <span>· {member.publishedAt ? formatDate(member.publishedAt) : "undated"}</span>
                  </p>
                  <p className="font-serif leading-7">{member.text}</p>
                  <p className="mt-1 text-xs">
                    <ExternalLink href={member.url}>{member.title}</ExternalLink>
                  </p>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="text-sm text-gray-600">No other outlet reports this claim.</p>
        )}
      </section>
    </article>
  );
}
