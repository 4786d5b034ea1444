"use client";

import { useActionState, useState } from "react";
import { SpeakerField } from "@/components/claims/speaker-field";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/errors";
import { reviewClaimAction } from "@/lib/actions/claims";
import type { ReviewState } from "@/lib/writes/review";
import type { ReviewStatus } from "@/lib/generated/prisma/enums";
import { CLAIM_KINDS, KIND_LABEL, REVIEW_STATUSES, STATUS_LABEL } from "@/lib/validations/claims";

export type ReviewFormProps = {
  claimId: string;
  version: number;
  status: ReviewStatus;
  assigneeId: string | null;
  teammates: { id: string; label: string }[];
  /** Speakers the correction's field suggests before anything is typed (the most quoted). */
  speakerSuggestions: { slug: string; name: string }[];
  /** The name of the speaker a correction set, if any. */
  correctedSpeaker: string | null;
  /** The name of the speaker the pipeline found, if any. */
  derivedSpeaker: string | null;
  issues: { slug: string; title: string }[];
  corrections: { speakerId?: string; kind?: string; issues?: string[]; start?: number; end?: number };
  pipeline: { speakerId: string | null; kind: string; issues: string[]; start: number; end: number; articleLength: number };
};

function Outcome({ state }: { state: ActionState<ReviewState> }) {
  if (!state.message) return <p role="status" aria-live="polite" className="min-h-5 text-sm" />;
  const isConflict = state.code === "conflict";
  const current = isConflict ? (state.details?.current as ReviewState | undefined) : undefined;
  const tone = state.status === "ok" ? "text-green-800" : isConflict ? "rounded-md bg-amber-50 p-2 text-amber-900 ring-1 ring-amber-200" : "text-red-700";
  return (
    <div role={state.status === "ok" ? "status" : "alert"} aria-live="polite" className={`text-sm ${tone}`}>
      <p>{state.message}</p>
      {current ? (
        <p className="mt-1">
          Now: status <strong>{STATUS_LABEL[current.status]}</strong>, assignee{" "}
          <strong>{current.assignee ? (current.assignee.name ?? current.assignee.email) : "nobody"}</strong>, version {current.version}
          {Object.keys(current.corrections).length > 0 ? `, corrections: ${JSON.stringify(current.corrections)}` : ""}.
        </p>
      ) : null}
    </div>
  );
}

const FIELD = "mt-1 block w-full rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm";

/** Status with an optional comment, and assignment to a teammate. */
export function ReviewForm(props: ReviewFormProps) {
  const [state, action, isPending] = useActionState(reviewClaimAction, {});
  const [assignState, assignAction, isAssigning] = useActionState(reviewClaimAction, {});
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-3 rounded-lg border border-gray-200 bg-white p-4" aria-labelledby="review-title">
        <h2 id="review-title" className="font-semibold">
          Review
        </h2>
        <input type="hidden" name="claimId" value={props.claimId} />
        <input type="hidden" name="version" value={props.version} />
        <fieldset>
          <legend className="text-sm font-medium">Status</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {REVIEW_STATUSES.map((status) => (
              <label key={status} className="flex items-center gap-1.5 text-sm">
                <input type="radio" name="status" value={status} defaultChecked={status === props.status} key={`${status}-${props.version}`} />
                {STATUS_LABEL[status]}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="block text-sm font-medium">
          Comment (optional)
          <textarea name="comment" rows={2} maxLength={2000} className={FIELD} />
        </label>
        <Button type="submit" disabled={isPending}>
          Save review
        </Button>
        <Outcome state={state} />
      </form>

      <form action={assignAction} className="space-y-3 rounded-lg border border-gray-200 bg-white p-4" aria-labelledby="assign-title">
        <h2 id="assign-title" className="font-semibold">
          Assignment
        </h2>
        <input type="hidden" name="claimId" value={props.claimId} />
        <input type="hidden" name="version" value={props.version} />
        <label className="block text-sm font-medium">
          Assignee
          <select name="assigneeId" defaultValue={props.assigneeId ?? ""} key={`assignee-${props.version}`} className={FIELD}>
            <option value="">Nobody</option>
            {props.teammates.map((user) => (
              <option key={user.id} value={user.id}>
                {user.label}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary" disabled={isAssigning}>
          Assign
        </Button>
        <Outcome state={assignState} />
      </form>
      <CorrectionsForm {...props} />
    </div>
  );
}

function CorrectionsForm(props: ReviewFormProps) {
  const [state, action, isPending] = useActionState(reviewClaimAction, {});
  const [areIssuesTouched, setIssuesTouched] = useState(false);
  const issues = props.corrections.issues ?? props.pipeline.issues;
  return (
    <form
      action={action}
      className="space-y-3 rounded-lg border border-gray-200 bg-white p-4"
      aria-labelledby="corrections-title"
      key={`corrections-${props.version}`}
    >
      <h2 id="corrections-title" className="font-semibold">
        Corrections
      </h2>
      <p className="text-xs text-gray-600">
        Corrections overlay what the pipeline derived and are kept when claims are derived again. Leave a field on “as derived” to keep the pipeline’s value.
      </p>
      <input type="hidden" name="claimId" value={props.claimId} />
      <input type="hidden" name="version" value={props.version} />
      <input type="hidden" name="form" value="corrections" />
      {areIssuesTouched ? <input type="hidden" name="issuesTouched" value="1" /> : null}
      <SpeakerField
        id={`correction-speaker-${props.claimId}`}
        name="speaker"
        label="Speaker"
        labelClassName="block text-sm font-medium"
        defaultValue={props.correctedSpeaker ?? ""}
        suggestions={props.speakerSuggestions}
        placeholder={`As derived (${props.derivedSpeaker ?? "unknown"})`}
      />
      <label className="block text-sm font-medium">
        Kind
        <select name="kind" defaultValue={props.corrections.kind ?? ""} className={FIELD}>
          <option value="">As derived ({KIND_LABEL[props.pipeline.kind as keyof typeof KIND_LABEL]})</option>
          {CLAIM_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABEL[kind]}
            </option>
          ))}
        </select>
      </label>
      <fieldset onChange={() => setIssuesTouched(true)}>
        <legend className="text-sm font-medium">Issues</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {props.issues.map((issue) => (
            <label key={issue.slug} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="issues" value={issue.slug} defaultChecked={issues.includes(issue.slug)} />
              {issue.title}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid grid-cols-2 gap-3">
        <label className="block text-sm font-medium">
          Span start
          <input
            name="start"
            type="number"
            min={0}
            max={props.pipeline.articleLength}
            placeholder={String(props.pipeline.start)}
            defaultValue={props.corrections.start ?? ""}
            className={FIELD}
          />
        </label>
        <label className="block text-sm font-medium">
          Span end
          <input
            name="end"
            type="number"
            min={0}
            max={props.pipeline.articleLength}
            placeholder={String(props.pipeline.end)}
            defaultValue={props.corrections.end ?? ""}
            className={FIELD}
          />
        </label>
      </div>
      <label className="block text-sm font-medium">
        Comment (optional)
        <textarea name="comment" rows={2} maxLength={2000} className={FIELD} />
      </label>
      <Button type="submit" variant="secondary" disabled={isPending}>
        Save corrections
      </Button>
      <Outcome state={state} />
    </form>
  );
}
