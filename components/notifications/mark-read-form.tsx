"use client";

import { useActionState } from "react";
import { markNotificationsReadAction } from "@/lib/actions/notifications";

export type MarkReadFormProps = { id?: string; label: string };

export function MarkReadForm({ id, label }: MarkReadFormProps) {
  const [state, action, isPending] = useActionState(markNotificationsReadAction, {});
  return (
    <form action={action} className="inline">
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <button type="submit" disabled={isPending} className="text-sm text-accent underline-offset-2 hover:underline">
        {label}
      </button>
      {state.status === "error" ? (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
