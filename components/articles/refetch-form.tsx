"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { refetchArticleAction } from "@/lib/actions/article-metadata";

export type RefetchFormProps = { articleId: string; host: string };

/** Editors fetch the article's web page again; a changed text becomes the next version, the same text stores nothing. */
export function RefetchForm({ articleId, host }: RefetchFormProps) {
  const [state, action, isPending] = useActionState(refetchArticleAction, {});
  return (
    <form action={action} className="mt-2 flex flex-wrap items-center gap-3 text-sm" aria-label="Newer version from the web">
      <input type="hidden" name="articleId" value={articleId} />
      <Button type="submit" variant="secondary" disabled={isPending}>
        {isPending ? `Checking ${host}…` : "Check for a newer version"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
