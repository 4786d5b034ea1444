"use client";

import { useActionState } from "react";
import { FormSubmit } from "@/components/ui/form-status";
import { editArticleAction } from "@/lib/actions/article-metadata";

const FIELD = "mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm";

export type ArticleMetadataFormProps = {
  article: { id: string; version: number; title: string | null; url: string | null; byline: string | null; publishedAt: string | null; outlet: string | null };
  outlets: string[];
};

/** Editors correct an article's outlet, title, published date, URL and byline; a blank field clears it. */
export function ArticleMetadataForm({ article, outlets }: ArticleMetadataFormProps) {
  const [state, action, isPending] = useActionState(editArticleAction, {});
  return (
    <details className="mt-3 rounded-lg border border-gray-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium">Edit details</summary>
      <form action={action} className="mt-3 space-y-3" aria-label="Article details">
        <input type="hidden" name="articleId" value={article.id} />
        <input type="hidden" name="version" value={article.version} />
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <label className="block font-medium">
            Outlet
            <input
              name="outlet"
              list="article-outlets"
              defaultValue={state.values?.outlet ?? article.outlet ?? ""}
              maxLength={200}
              placeholder="Unattributed"
              className={FIELD}
            />
            <datalist id="article-outlets">
              {outlets.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </label>
          <label className="block font-medium">
            Published
            <input name="publishedAt" type="date" defaultValue={state.values?.publishedAt ?? article.publishedAt ?? ""} className={FIELD} />
          </label>
          <label className="block font-medium sm:col-span-2">
            Title
            <input name="title" defaultValue={state.values?.title ?? article.title ?? ""} maxLength={500} className={FIELD} />
          </label>
          <label className="block font-medium">
            Web address
            <input name="url" type="url" defaultValue={state.values?.url ?? article.url ?? ""} placeholder="https://" className={FIELD} />
          </label>
          <label className="block font-medium">
            Byline
            <input name="byline" defaultValue={state.values?.byline ?? article.byline ?? ""} maxLength={500} className={FIELD} />
          </label>
        </div>
        <FormSubmit label="Save details" isPending={isPending} state={state} />
      </form>
    </details>
  );
}
