"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useCallback, useEffect, useRef, useState, useTransition } from "react";
import type { QueueClaim } from "@/components/claims/queue-page";
import { StatusBadge } from "@/components/claims/status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { bulkStatusAction, quickReviewAction } from "@/lib/actions/claims";
import type { ActionState } from "@/lib/errors";
import type { ReviewStatus } from "@/lib/generated/prisma/enums";
import { KIND_LABEL, REVIEW_STATUSES, STATUS_LABEL } from "@/lib/validations/claims";

export type ReviewQueueProps = {
  claims: QueueClaim[];
  canReview: boolean;
  /** Called after the reviewer changed claims, to read the rows again (LiveQueueProvider's `refresh`). */
  onChange: () => Promise<void>;
};

const SHORTCUTS: { keys: string; action: string; isReview?: boolean }[] = [
  { keys: "j", action: "Next claim" },
  { keys: "k", action: "Previous claim" },
  { keys: "o or Enter", action: "Open the claim" },
  { keys: "x", action: "Select or unselect the claim", isReview: true },
  { keys: "c", action: "Confirm", isReview: true },
  { keys: "d", action: "Dispute", isReview: true },
  { keys: "f", action: "Mark false", isReview: true },
  { keys: "n", action: "Not a claim", isReview: true },
  { keys: "a", action: "Assign to me", isReview: true },
  { keys: "?", action: "Show these shortcuts" },
];

const KEY_STATUS: Record<string, ReviewStatus> = { c: "confirmed", d: "disputed", f: "false", n: "not_a_claim" };

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The review queue's table: keyboard review (j/k to move, c/d/f/n to set a status, a to take the claim,
 * ? for help), selection and a bulk status change. Viewers get the same table read-only.
 */
export function ReviewQueue({ claims, canReview, onChange }: ReviewQueueProps) {
  const router = useRouter();
  const [activeId, setActiveId] = useState<string | undefined>(claims[0]?.id);
  const shouldFocus = useRef(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string>("");
  const [isPending, startTransition] = useTransition();
  const [bulkState, bulkAction, isBulkPending] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await bulkStatusAction(previous, formData);
    if (result.status === "ok") setSelected(new Set());
    await onChange();
    return result;
  }, {});
  const dialog = useRef<HTMLDialogElement>(null);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);

  const active = Math.max(
    0,
    claims.findIndex((claim) => claim.id === activeId),
  );
  const current = claims[Math.min(active, claims.length - 1)];
  const moveTo = useCallback(
    (index: number) => {
      const target = claims[Math.max(0, Math.min(index, claims.length - 1))];
      if (!target) return;
      shouldFocus.current = true;
      setActiveId(target.id);
    },
    [claims],
  );

  const review = useCallback(
    (claim: QueueClaim, change: { status?: ReviewStatus; assignToMe?: boolean }) => {
      startTransition(async () => {
        const result = await quickReviewAction({}, { claimId: claim.id, version: claim.version, ...change });
        const what = change.status ? STATUS_LABEL[change.status] : "Assigned to you";
        setMessage(result.status === "ok" ? `${what}: “${claim.text.slice(0, 60)}…”` : (result.message ?? "Not saved."));
        await onChange();
      });
    },
    [onChange],
  );

  useEffect(() => {
    const row = rows.current[active];
    row?.scrollIntoView({ block: "nearest" });
    if (shouldFocus.current && row) {
      shouldFocus.current = false;
      row.focus({ preventScroll: true });
    }
  }, [active, activeId]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target) || dialog.current?.open) return;
      const key = event.key;
      if (key === "?") {
        event.preventDefault();
        dialog.current?.showModal();
        return;
      }
      if (claims.length === 0) return;
      if (key === "j") moveTo(active + 1);
      else if (key === "k") moveTo(active - 1);
      else if ((key === "o" || key === "Enter") && current && !(event.target instanceof HTMLAnchorElement || event.target instanceof HTMLButtonElement)) {
        router.push(`/claims/${current.id}`);
      } else if (!canReview || !current || isPending) return;
      else if (key === "x") {
        setSelected((previous) => {
          const next = new Set(previous);
          if (next.has(current.id)) next.delete(current.id);
          else next.add(current.id);
          return next;
        });
      } else if (KEY_STATUS[key]) {
        review(current, { status: KEY_STATUS[key] });
        // On to the next claim: it stays the active row when the reviewed one leaves a filtered queue.
        moveTo(active + 1);
      } else if (key === "a") review(current, { assignToMe: true });
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [claims, active, current, canReview, isPending, review, router, moveTo]);

  const allSelected = claims.length > 0 && claims.every((claim) => selected.has(claim.id));

  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2 text-sm text-gray-600">
        <p>
          {canReview
            ? "Review with the keyboard: j/k to move, c confirm, d dispute, f false, n not a claim, a assign to me."
            : "Read-only: reviewing needs the editor role."}{" "}
          <button type="button" onClick={() => dialog.current?.showModal()} className="text-accent underline-offset-2 hover:underline">
            Keyboard shortcuts (?)
          </button>
        </p>
        <p role="status" aria-live="polite" className="min-h-5 text-gray-800">
          {isPending ? "Saving…" : message}
        </p>
      </div>

      {canReview ? (
        <form action={bulkAction} id="bulk-form" className="mb-3 flex flex-wrap items-end gap-2 rounded-lg border border-gray-200 bg-white p-3 text-sm">
          {[...selected].map((id) => (
            <input key={id} type="hidden" name="ids" value={id} />
          ))}
          <span className="self-center font-medium">{selected.size} selected</span>
          <label className="text-xs font-medium text-gray-700">
            Set status
            <select name="status" defaultValue="confirmed" className="mt-1 block rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm">
              {REVIEW_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABEL[status]}
                </option>
              ))}
            </select>
          </label>
          <label className="text-xs font-medium text-gray-700">
            Comment (optional)
            <input name="comment" maxLength={2000} className="mt-1 block w-64 rounded-md border border-gray-300 px-2 py-1.5 text-sm" />
          </label>
          <Button type="submit" disabled={selected.size === 0 || isBulkPending}>
            Apply to selected
          </Button>
          <span role="status" aria-live="polite" className={`self-center ${bulkState.status === "error" ? "text-red-700" : "text-gray-700"}`}>
            {bulkState.message}
          </span>
        </form>
      ) : null}

      <div className="relative overflow-x-auto rounded-lg border border-gray-200 bg-white">
        <table className="min-w-full divide-y divide-gray-200 text-sm">
          <caption className="sr-only">Claims to review</caption>
          <thead className="bg-gray-50 text-left text-xs font-semibold uppercase tracking-wide text-gray-600">
            <tr>
              {canReview ? (
                <th scope="col" className="w-8 px-3 py-3">
                  <input
                    type="checkbox"
                    aria-label="Select all claims on this page"
                    checked={allSelected}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(claims.map((claim) => claim.id)))}
                  />
                </th>
              ) : null}
              <th scope="col" className="px-3 py-3">
                Claim
              </th>
              <th scope="col" className="px-3 py-3">
                Speaker
              </th>
              <th scope="col" className="px-3 py-3">
                Kind
              </th>
              <th scope="col" className="px-3 py-3">
                Outlet
              </th>
              <th scope="col" className="px-3 py-3">
                Status
              </th>
              <th scope="col" className="px-3 py-3">
                Assignee
              </th>
              <th scope="col" className="px-3 py-3 text-right">
                Confidence
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {claims.map((claim, index) => {
              const isActive = index === active;
              return (
                <tr
                  key={claim.id}
                  ref={(element) => {
                    rows.current[index] = element;
                  }}
                  aria-current={isActive ? "true" : undefined}
                  tabIndex={isActive ? 0 : -1}
                  data-claim-id={claim.id}
                  onClick={() => setActiveId(claim.id)}
                  className={`align-top ${isActive ? "bg-blue-50 outline-2 -outline-offset-2 outline-accent" : ""}`}
                >
                  {canReview ? (
                    <td className="px-3 py-3">
                      <input
                        type="checkbox"
                        aria-label={`Select claim: ${claim.text.slice(0, 80)}`}
                        checked={selected.has(claim.id)}
                        onChange={() =>
                          setSelected((previous) => {
                            const next = new Set(previous);
                            if (next.has(claim.id)) next.delete(claim.id);
                            else next.add(claim.id);
                            return next;
                          })
                        }
                      />
                    </td>
                  ) : null}
                  <td className="max-w-xl px-3 py-3">
                    <Link href={`/claims/${claim.id}`} className="hover:underline">
                      {claim.text}
                    </Link>
                    <div className="mt-1 flex flex-wrap gap-1">
                      {claim.issues.map((issue) => (
                        <Badge key={issue.slug} tone="blue">
                          {issue.title}
                        </Badge>
                      ))}
                      {claim.isCorrected ? <Badge tone="amber">Corrected</Badge> : null}
                    </div>
                  </td>
                  <td className="whitespace-nowrap px-3 py-3">{claim.speaker ?? <span className="italic text-gray-600">Unknown</span>}</td>
                  <td className="whitespace-nowrap px-3 py-3">{KIND_LABEL[claim.kind]}</td>
                  <td className="whitespace-nowrap px-3 py-3">{claim.outlet ?? <span className="italic text-gray-600">Unattributed</span>}</td>
                  <td className="whitespace-nowrap px-3 py-3">
                    <StatusBadge status={claim.status} />
                  </td>
                  <td className="whitespace-nowrap px-3 py-3">{claim.assignee ?? <span className="text-gray-600">—</span>}</td>
                  <td className="whitespace-nowrap px-3 py-3 text-right tabular-nums">
                    {Math.round(claim.confidence * 100)}%{claim.confidence < 0.5 ? <span className="ml-1 text-amber-800">(low)</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <dialog ref={dialog} aria-labelledby="shortcuts-title" className="m-auto rounded-lg p-0 shadow-xl backdrop:bg-black/40">
        <div className="w-80 p-5">
          <h2 id="shortcuts-title" className="text-lg font-semibold">
            Keyboard shortcuts
          </h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
            {SHORTCUTS.filter((shortcut) => canReview || !shortcut.isReview).map((shortcut) => (
              <div key={shortcut.keys} className="contents">
                <dt>
                  <kbd className="rounded border border-gray-300 bg-gray-50 px-1.5 font-mono text-xs">{shortcut.keys}</kbd>
                </dt>
                <dd>{shortcut.action}</dd>
              </div>
            ))}
          </dl>
          <form method="dialog" className="mt-4 text-right">
            <Button type="submit" variant="secondary">
              Close
            </Button>
          </form>
        </div>
      </dialog>
    </div>
  );
}
