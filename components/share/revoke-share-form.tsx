"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { revokeShareLinkAction } from "@/lib/actions/share-links";

export type RevokeShareFormProps = { id: string; label: string };

/** Revokes one share link; works as a plain form before the page's script loads. */
export function RevokeShareForm({ id, label }: RevokeShareFormProps) {
  const [state, action, isPending] = useActionState(revokeShareLinkAction, {});
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={isPending} aria-label={`Revoke the link to ${label}`}>
        Revoke
      </Button>
      <span aria-live="polite" role="status" className="text-xs text-red-700">
        {state.status === "error" ? state.message : null}
      </span>
    </form>
  );
}
