"use client";

import { useActionState, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { createShareLinkAction } from "@/lib/actions/share-links";
import { EXPIRY_LABEL, SHARE_EXPIRY_DAYS } from "@/lib/validations/share-links";

export type ShareDialogProps = {
  target: { type: "issue"; slug: string } | { type: "claim"; id: string };
  /** What is shared, for the dialog's title ("Share Security guarantees"). */
  label: string;
};

const EXPIRIES = [...SHARE_EXPIRY_DAYS.map((days) => ({ value: String(days), label: EXPIRY_LABEL[days] })), { value: "never", label: EXPIRY_LABEL.never }];

/**
 * Share button and dialog: choose how long the link lives, create it, copy it. Mount it only for editors
 * and admins; the action refuses anyone else anyway.
 */
export function ShareDialog({ target, label }: ShareDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, action, isPending] = useActionState(createShareLinkAction, {});
  const created = state.status === "ok" ? state.data : undefined;
  const [copied, setCopied] = useState<string | null>(null);
  const titleId = useId();

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(url);
    } catch {
      setCopied(null);
    }
  }

  return (
    <>
      <Button variant="secondary" onClick={() => dialog.current?.showModal()}>
        Share
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-lg rounded-lg border border-gray-200 bg-white p-0 text-ink shadow-xl backdrop:bg-gray-900/40"
      >
        <div className="p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            Share {label}
          </h2>
          <p className="mt-1 text-sm text-gray-600">
            Anyone with the link can read a server-rendered copy, without logging in. It shows no notes, teammates or review state, and you can revoke it on the
            Share links page.
          </p>
          <form action={action} className="mt-4 space-y-4">
            <input type="hidden" name="targetType" value={target.type} />
            <input type="hidden" name="target" value={target.type === "issue" ? target.slug : target.id} />
            <fieldset>
              <legend className="text-sm font-medium">Link expires after</legend>
              <div className="mt-2 flex flex-wrap gap-3">
                {EXPIRIES.map((expiry) => (
                  <label key={expiry.value} className="flex items-center gap-1.5 text-sm">
                    <input type="radio" name="expiresInDays" value={expiry.value} defaultChecked={expiry.value === "7"} />
                    {expiry.label}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="flex gap-2">
              <Button type="submit" disabled={isPending}>
                {isPending ? "Creating…" : "Create link"}
              </Button>
              <Button variant="ghost" onClick={() => dialog.current?.close()}>
                Close
              </Button>
            </div>
          </form>
          <div aria-live="polite" role="status" className="mt-4 text-sm">
            {state.status === "error" ? <p className="text-red-700">{state.message}</p> : null}
            {created ? (
              <div className="space-y-2 rounded-md bg-green-50 p-3">
                <p>
                  {state.message}{" "}
                  {created.expiresAt ? `It expires ${new Date(created.expiresAt).toUTCString().replace(/:\d\d GMT$/, " UTC")}.` : "It does not expire."}
                </p>
                <label className="block text-xs font-medium text-gray-700">
                  Share link
                  <input
                    readOnly
                    value={created.url}
                    onFocus={(event) => event.currentTarget.select()}
                    className="mt-1 block w-full rounded border border-gray-300 bg-white px-2 py-1.5 font-mono text-xs"
                  />
                </label>
                <Button variant="secondary" onClick={() => copy(created.url)}>
                  {copied === created.url ? "Copied" : "Copy link"}
                </Button>
              </div>
            ) : null}
          </div>
        </div>
      </dialog>
    </>
  );
}
