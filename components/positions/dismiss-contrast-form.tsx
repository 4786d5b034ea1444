"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { dismissContrastAction } from "@/lib/actions/positions";

export type DismissContrastFormProps = { issueSlug: string; a: string; b: string };

/** Dismisses a wrongly paired contrast; it stays dismissed when the analysis runs again. */
export function DismissContrastForm({ issueSlug, a, b }: DismissContrastFormProps) {
  const [state, action, isPending] = useActionState(dismissContrastAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="issue" value={issueSlug} />
      <input type="hidden" name="a" value={a} />
      <input type="hidden" name="b" value={b} />
      <Button type="submit" variant="ghost" disabled={isPending}>
        Dismiss this pair
      </Button>
      <p role="status" aria-live="polite" className={`text-sm ${state.status === "error" ? "text-red-700" : "text-gray-600"}`}>
        {state.message}
      </p>
    </form>
  );
}
