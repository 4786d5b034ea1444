"use client";

import { useActionState } from "react";
import { FormSubmit } from "@/components/ui/form-status";
import { newVersionAction } from "@/lib/actions/article-metadata";

export type NewVersionFormProps = { articleId: string };

/** Editors paste a newer text of the article; it becomes the next version and claims are derived again. */
export function NewVersionForm({ articleId }: NewVersionFormProps) {
  const [state, action, isPending] = useActionState(newVersionAction, {});
  return (
    <details className="mt-2 rounded-lg border border-gray-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium">New version of the text</summary>
      <form action={action} className="mt-3 space-y-3" aria-label="New version">
        <input type="hidden" name="articleId" value={articleId} />
        <p className="text-xs text-gray-600">
          Paste the article as it reads now. The current text is kept as an earlier version; reviews, corrections and notes stay on the claims found again, and
          notes on claims that are gone stay on the article.
        </p>
        <label className="block font-medium">
          Newer text
          <textarea
            name="text"
            required
            rows={8}
            defaultValue={state.values?.text ?? ""}
            className="mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 font-serif text-sm"
          />
        </label>
        <FormSubmit label="Save new version" isPending={isPending} state={state} />
      </form>
    </details>
  );
}
