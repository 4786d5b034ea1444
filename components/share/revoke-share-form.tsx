"use client";

import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { restoreShareLinkAction, revokeShareLinkAction } from "@/lib/actions/share-links";
import type { ActionState } from "@/lib/errors";

export type RevokeShareFormProps = {
  id: string;
  /** What the link shares, for the buttons' accessible names. */
  label: string;
  state: "active" | "revoked" | "expired";
  /** The badge for a link that is not active (e.g. "Revoked 4 Dec 2026"). */
  stateLabel: string;
};

/** How long "Revoked — Undo" stays on the row. */
const UNDO_MS = 8_000;
const UNDO = "rounded-md border border-gray-300 bg-white px-3 py-2 text-sm font-medium text-ink hover:bg-gray-50 disabled:text-gray-400";

/**
 * A share link's state on the links page, and for an active link a Revoke button that asks to confirm,
 * then offers to undo for a few seconds ("Revoked — Undo"). Rendered for every link, so the undo
 * survives the page being refreshed with the link revoked. Before the page's script loads it is a plain
 * form that revokes at once.
 */
export function RevokeShareForm({ id, label, state: linkState, stateLabel }: RevokeShareFormProps) {
  const [isConfirming, setIsConfirming] = useState(false);
  const [undoUntil, setUndoUntil] = useState<number | null>(null);
  const [state, action, isPending] = useActionState<ActionState, FormData>(async (previous, formData) => {
    const result = await revokeShareLinkAction(previous, formData);
    if (result.status === "ok") setUndoUntil(Date.now() + UNDO_MS);
    return result;
  }, {});
  const [message, setMessage] = useState("");
  const [isRestoring, startRestore] = useTransition();
  const undoButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (undoUntil === null) return;
    undoButton.current?.focus();
    const timer = window.setTimeout(() => setUndoUntil(null), Math.max(0, undoUntil - Date.now()));
    return () => window.clearTimeout(timer);
  }, [undoUntil]);

  const undo = () =>
    startRestore(async () => {
      const formData = new FormData();
      formData.set("id", id);
      const result = await restoreShareLinkAction({}, formData);
      setUndoUntil(null);
      setIsConfirming(false);
      setMessage(result.message ?? "");
    });

  if (undoUntil !== null) {
    return (
      <div className="flex items-center gap-2">
        <Badge tone="gray">Revoked</Badge>
        <span aria-hidden="true">—</span>
        <button ref={undoButton} type="button" onClick={undo} disabled={isRestoring} aria-label={`Undo revoking the link to ${label}`} className={UNDO}>
          Undo
        </button>
        <span role="status" aria-live="polite" className="text-xs text-gray-700">
          Link revoked: it no longer opens.
        </span>
      </div>
    );
  }
  if (linkState !== "active") {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={linkState === "revoked" ? "gray" : "amber"}>{stateLabel}</Badge>
        {message ? (
          <span role="status" className="text-xs text-gray-700">
            {message}
          </span>
        ) : null}
      </div>
    );
  }
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <Badge tone="green">Active</Badge>
      <input type="hidden" name="id" value={id} />
      {isConfirming ? (
        <>
          <span className="text-xs font-medium text-gray-800">Revoke this link? Anyone holding it loses access.</span>
          <Button type="submit" disabled={isPending} aria-label={`Yes, revoke the link to ${label}`} className="bg-red-700 text-white hover:bg-red-800">
            Revoke link
          </Button>
          <Button variant="ghost" onClick={() => setIsConfirming(false)}>
            Cancel
          </Button>
        </>
      ) : (
        <Button
          type="submit"
          variant="secondary"
          aria-label={`Revoke the link to ${label}`}
          onClick={(event) => {
            event.preventDefault();
            setIsConfirming(true);
          }}
        >
          Revoke
        </Button>
      )}
      <span aria-live="polite" role="status" className={`text-xs ${state.status === "error" ? "text-red-700" : "text-gray-700"}`}>
        {state.status === "error" ? state.message : message}
      </span>
    </form>
  );
}
