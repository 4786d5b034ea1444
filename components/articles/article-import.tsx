"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { prepareArticles, saveArticles, type DraftArticle, type SaveResult } from "@/lib/actions/articles";
import { Button } from "@/components/ui/button";

const MODES = [
  { id: "paste", label: "Paste text" },
  { id: "upload", label: "Upload files" },
  { id: "url", label: "Import from a URL" },
] as const;

type Mode = (typeof MODES)[number]["id"];

const inputClass = "mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm";

function DraftFields({ draft, onChange }: { draft: DraftArticle; onChange: (draft: DraftArticle) => void }) {
  const field = (name: keyof DraftArticle, label: string, type = "text") => (
    <label className="block text-sm font-medium">
      {label}
      <input type={type} value={draft[name]} onChange={(event) => onChange({ ...draft, [name]: event.target.value })} className={inputClass} />
    </label>
  );
  return (
    <fieldset className="rounded-lg border border-gray-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold">{draft.name}</legend>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        {field("title", "Title")}
        {field("outlet", "Outlet")}
        {field("publishedAt", "Published", "date")}
        {field("byline", "Byline")}
        <div className="md:col-span-2">{field("url", "URL", "url")}</div>
      </div>
      <p className="mt-3 line-clamp-3 whitespace-pre-line text-xs text-gray-600">{draft.body.slice(0, 400)}</p>
      <p className="mt-1 text-xs text-gray-500">
        {draft.body.length.toLocaleString("en")} characters. Leave the outlet empty if the text does not say; it shows as Unattributed.
      </p>
    </fieldset>
  );
}

function Results({ results, drafts, onForce }: { results: SaveResult[]; drafts: DraftArticle[]; onForce: (draft: DraftArticle) => void }) {
  return (
    <ul className="space-y-2" aria-label="Results">
      {results.map((result) => {
        const draft = drafts.find((each) => each.key === result.key);
        return (
          <li key={result.key} className="rounded-md border border-gray-200 bg-white p-3 text-sm">
            <span className="font-medium">{result.name}: </span>
            {result.status === "stored" ? (
              <>
                stored with {result.claims} claims.{result.message ? ` ${result.message}` : ""}{" "}
                <Link className="text-accent underline" href={`/articles/${result.articleId}`}>
                  Open the article
                </Link>
              </>
            ) : result.status === "duplicate" ? (
              <>
                not stored: this exact text is already here.{" "}
                <Link className="text-accent underline" href={`/articles/${result.articleId}`}>
                  Open the existing article
                </Link>
              </>
            ) : result.status === "near_duplicate" ? (
              <>
                not stored yet: it is {Math.round((result.similarity ?? 0) * 100)}% like{" "}
                <Link className="text-accent underline" href={`/articles/${result.articleId}`}>
                  an article already stored
                </Link>
                .{" "}
                {draft ? (
                  <Button variant="secondary" className="ml-2" onClick={() => onForce(draft)}>
                    Store it anyway
                  </Button>
                ) : null}
              </>
            ) : (
              <span className="text-red-700">{result.message}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function ArticleImport() {
  const [mode, setMode] = useState<Mode>("paste");
  const [body, setBody] = useState("");
  const [address, setAddress] = useState("");
  const [prepared, prepare, isPreparing] = useActionState(prepareArticles, {});
  const [saved, save, isSaving] = useActionState(saveArticles, {});
  const [edits, setEdits] = useState<Record<string, DraftArticle>>({});
  const drafts = (prepared.data?.drafts ?? []).map((draft) => edits[draft.key] ?? draft);

  const submitDrafts = (list: (DraftArticle & { force?: boolean })[]) => {
    const data = new FormData();
    data.set("drafts", JSON.stringify(list));
    save(data);
  };

  return (
    <div className="space-y-8">
      <form action={prepare} className="space-y-4" onSubmit={() => setEdits({})}>
        <input type="hidden" name="mode" value={mode} />
        <div role="radiogroup" aria-label="How to add the article" className="inline-flex rounded-md border border-gray-300 bg-white p-1">
          {MODES.map((each) => (
            <label
              key={each.id}
              className={`cursor-pointer rounded px-3 py-1.5 text-sm font-medium ${mode === each.id ? "bg-gray-900 text-white" : "text-gray-700"}`}
            >
              <input type="radio" value={each.id} checked={mode === each.id} onChange={() => setMode(each.id)} className="sr-only" />
              {each.label}
            </label>
          ))}
        </div>
        {mode === "paste" ? (
          <label className="block text-sm font-medium">
            Article text
            <textarea
              name="body"
              rows={12}
              value={body}
              onChange={(event) => setBody(event.target.value)}
              className={`${inputClass} font-mono`}
              placeholder="Paste the whole article, headline and all."
            />
          </label>
        ) : mode === "upload" ? (
          <label className="block text-sm font-medium">
            Files (.txt, .md or .html; several at once)
            <input name="files" type="file" multiple accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" className={inputClass} />
          </label>
        ) : (
          <label className="block text-sm font-medium">
            Web address
            <input name="url" type="url" value={address} onChange={(event) => setAddress(event.target.value)} placeholder="https://" className={inputClass} />
          </label>
        )}
        <div aria-live="polite" role="status" className="text-sm text-red-700">
          {prepared.status === "error" ? prepared.message : null}
          {prepared.data?.errors.map((error) => (
            <p key={error}>{error}</p>
          ))}
        </div>
        <Button type="submit" disabled={isPreparing}>
          {isPreparing ? "Reading…" : "Continue"}
        </Button>
      </form>

      {drafts.length > 0 ? (
        <section aria-labelledby="review-heading" className="space-y-4">
          <h2 id="review-heading" className="text-lg font-semibold">
            Check the details, then save
          </h2>
          {drafts.map((draft) => (
            <DraftFields key={draft.key} draft={draft} onChange={(changed) => setEdits((current) => ({ ...current, [changed.key]: changed }))} />
          ))}
          <Button onClick={() => submitDrafts(drafts)} disabled={isSaving}>
            {isSaving ? "Saving…" : drafts.length === 1 ? "Save article" : `Save ${drafts.length} articles`}
          </Button>
          <div aria-live="polite" className="text-sm text-red-700">
            {saved.status === "error" ? saved.message : null}
          </div>
          {saved.data ? <Results results={saved.data} drafts={drafts} onForce={(draft) => submitDrafts([{ ...draft, force: true }])} /> : null}
        </section>
      ) : null}
    </div>
  );
}
