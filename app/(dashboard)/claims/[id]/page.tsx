import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttributionContext } from "@/components/claims/attribution-context";
import { AuditLog } from "@/components/claims/audit-log";
import { LiveRefresh } from "@/components/claims/live-refresh";
import { ReviewForm } from "@/components/claims/review-form";
import { StatusBadge } from "@/components/claims/status-badge";
import { NotesThread } from "@/components/notes/notes-thread";
import { ShareDialog } from "@/components/share/share-dialog";
import { Badge } from "@/components/ui/badge";
import { hasRole, requirePageUser } from "@/lib/auth/session";
import { getClaim, getClaimEvents, getReviewOptions } from "@/lib/data/claims";
import { formatDate } from "@/lib/format";
import { KIND_LABEL } from "@/lib/validations/claims";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const claim = await getClaim((await params).id);
  return { title: claim ? `Claim: ${claim.text.slice(0, 60)}` : "Claim" };
}

export default async function ClaimPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/claims/${id}`);
  const claim = await getClaim(id);
  if (!claim) notFound();
  const [events, options] = await Promise.all([getClaimEvents(id), getReviewOptions()]);
  const canReview = hasRole(user, "editor");
  return (
    <>
      <LiveRefresh />
      <p className="mb-2 text-sm">
        <Link href="/claims" className="text-accent hover:underline">
          ← Review queue
        </Link>
      </p>
      <div className="mb-6 border-b border-gray-200 pb-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">Claim</h1>
          {canReview ? <ShareDialog target={{ type: "claim", id: claim.id }} label="this claim" /> : null}
        </div>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-gray-700">
          <StatusBadge status={claim.status} />
          <span>{KIND_LABEL[claim.kind]}</span>
          <span>·</span>
          <span>{claim.speaker?.name ?? "Unknown speaker"}</span>
          <span>·</span>
          <span>{Math.round(claim.confidence * 100)}% confidence</span>
          <span>·</span>
          <span>Version {claim.version}</span>
          {claim.assignee ? <span>· Assigned to {claim.assignee.name ?? claim.assignee.email}</span> : null}
          {Object.keys(claim.corrections).length > 0 ? <Badge tone="amber">Corrected</Badge> : null}
          {claim.issues.map((issue) => (
            <Badge key={issue.slug} tone="blue">
              {issue.title}
            </Badge>
          ))}
        </div>
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-6">
          <section aria-labelledby="context-title" className="rounded-lg border border-gray-200 bg-white p-4">
            <h2 id="context-title" className="font-semibold">
              In its article
            </h2>
            <p className="mt-1 text-sm text-gray-600">
              <Link href={`/articles/${claim.article.id}`} className="text-accent underline hover:no-underline">
                {claim.article.label}
              </Link>
              {" · "}
              {claim.article.outlet?.name ?? "Unattributed"}
              {claim.article.publishedAt ? ` · ${formatDate(claim.article.publishedAt)}` : ""}
            </p>
            <blockquote className="mt-3 border-l-4 border-accent pl-3 text-base leading-relaxed" data-testid="claim-sentence">
              {claim.context.sentence}
            </blockquote>
            <p className="mt-3 whitespace-pre-line text-sm leading-relaxed text-gray-700" data-testid="claim-paragraph">
              {claim.context.before}
              <mark className="rounded bg-yellow-100 px-0.5 text-ink">{claim.context.span}</mark>
              {claim.context.after}
            </p>
            {claim.figures.length > 0 ? (
              <p className="mt-3 text-sm text-gray-700">
                Figures: {claim.figures.map((figure) => `${figure.raw}${figure.about ? ` (${figure.about})` : ""}`).join("; ")}
              </p>
            ) : null}
          </section>

          <AttributionContext claimId={claim.id} />

          <section aria-labelledby="cluster-title" className="rounded-lg border border-gray-200 bg-white p-4">
            <h2 id="cluster-title" className="font-semibold">
              In other outlets
            </h2>
            {claim.cluster && claim.siblings.length > 0 ? (
              <>
                <p className="mt-1 text-sm text-gray-600">
                  {claim.cluster.label} — reported by {claim.cluster.outletCount} outlet{claim.cluster.outletCount === 1 ? "" : "s"}.
                </p>
                <ul className="mt-2 divide-y divide-gray-100 text-sm">
                  {claim.siblings.map((sibling) => (
                    <li key={sibling.id} className="py-2">
                      <Link href={`/claims/${sibling.id}`} className="hover:underline">
                        {sibling.text}
                      </Link>
                      <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-gray-600">
                        <span>{sibling.outlet ?? "Unattributed"}</span>
                        <span>{sibling.speaker ?? "Unknown speaker"}</span>
                        <StatusBadge status={sibling.status} />
                      </p>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="mt-1 text-sm text-gray-600">Not found in other outlets.</p>
            )}
          </section>

          <AuditLog events={events} />
          <NotesThread target={{ type: "claim", id: claim.id }} />
        </div>

        <aside className="space-y-4">
          {canReview ? (
            <ReviewForm
              claimId={claim.id}
              version={claim.version}
              status={claim.status}
              assigneeId={claim.assignee?.id ?? null}
              teammates={options.teammates.map((teammate) => ({ id: teammate.id, label: `${teammate.name ?? teammate.email} (${teammate.role})` }))}
              speakerSuggestions={options.speakers}
              correctedSpeaker={claim.corrections.speakerId ? (claim.speaker?.name ?? null) : null}
              derivedSpeaker={claim.pipelineSpeaker?.name ?? null}
              issues={options.issues}
              corrections={claim.corrections}
              pipeline={{
                speakerId: claim.pipelineSpeaker?.id ?? null,
                kind: claim.pipelineKind,
                issues: claim.issues.map((issue) => issue.slug),
                start: claim.pipeline.start,
                end: claim.pipeline.end,
                articleLength: claim.article.length,
              }}
            />
          ) : (
            <p className="rounded-lg border border-gray-200 bg-white p-4 text-sm text-gray-600">
              Reviewing needs the editor role; you can read the claim and add notes.
            </p>
          )}
        </aside>
      </div>
    </>
  );
}
