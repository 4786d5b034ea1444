"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { saveIssue, type IssueFormField } from "@/lib/actions/issues";

export type IssueFormProps = {
  /** The issue being edited; absent for a new one. */
  issue?: { slug: string; title: string; description: string; phrases: string[]; exclusions: string[]; status: "open" | "resolved" };
};

const INPUT = "mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-600";

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

/** An issue's title, description, lexicon and status; saving re-tags the articles when the lexicon changed. */
export function IssueForm({ issue }: IssueFormProps) {
  const [state, action, isPending] = useActionState(saveIssue, {});
  const error = (field: IssueFormField) => state.fields?.[field];
  const value = (field: IssueFormField, saved: string | undefined) => state.values?.[field] ?? saved;
  const status = value("status", issue?.status) ?? "open";
  const describedBy = (field: IssueFormField, hint?: string) => [hint, error(field) ? `${field}-error` : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <form action={action} className="max-w-3xl space-y-5 rounded-lg border border-gray-200 bg-white p-5">
      <input type="hidden" name="originalSlug" value={issue?.slug ?? ""} />
      <div>
        <label htmlFor="issue-title" className="block text-sm font-medium">
          Title
        </label>
        <input
          id="issue-title"
          name="title"
          required
          maxLength={200}
          defaultValue={value("title", issue?.title)}
          aria-invalid={Boolean(error("title"))}
          aria-describedby={describedBy("title")}
          className={INPUT}
        />
        <FieldError id="title-error" message={error("title")} />
      </div>
      {issue ? null : (
        <div>
          <label htmlFor="issue-slug" className="block text-sm font-medium">
            Slug <span className="font-normal text-gray-600">(optional)</span>
          </label>
          <input
            id="issue-slug"
            name="slug"
            maxLength={80}
            defaultValue={value("slug", undefined)}
            aria-invalid={Boolean(error("slug"))}
            aria-describedby={describedBy("slug", "slug-hint")}
            className={INPUT}
          />
          <p id="slug-hint" className="mt-1 text-xs text-gray-600">
            The issue’s address, /issues/<em>slug</em>; made from the title when left blank. It cannot change later.
          </p>
          <FieldError id="slug-error" message={error("slug")} />
        </div>
      )}
      <div>
        <label htmlFor="issue-description" className="block text-sm font-medium">
          Description
        </label>
        <textarea
          id="issue-description"
          name="description"
          rows={3}
          maxLength={2000}
          defaultValue={value("description", issue?.description)}
          aria-invalid={Boolean(error("description"))}
          aria-describedby={describedBy("description")}
          className={INPUT}
        />
        <FieldError id="description-error" message={error("description")} />
      </div>
      <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
        <div>
          <label htmlFor="issue-phrases" className="block text-sm font-medium">
            Lexicon phrases
          </label>
          <textarea
            id="issue-phrases"
            name="phrases"
            rows={10}
            defaultValue={value("phrases", issue?.phrases.join("\n"))}
            aria-invalid={Boolean(error("phrases"))}
            aria-describedby={describedBy("phrases", "phrases-hint")}
            className={`${INPUT} font-mono`}
          />
          <p id="phrases-hint" className="mt-1 text-xs text-gray-600">
            One per line. A sentence using one bears on the issue; plurals and simple inflections match too.
          </p>
          <FieldError id="phrases-error" message={error("phrases")} />
        </div>
        <div>
          <label htmlFor="issue-exclusions" className="block text-sm font-medium">
            Exclusions
          </label>
          <textarea
            id="issue-exclusions"
            name="exclusions"
            rows={10}
            defaultValue={value("exclusions", issue?.exclusions.join("\n"))}
            aria-invalid={Boolean(error("exclusions"))}
            aria-describedby={describedBy("exclusions", "exclusions-hint")}
            className={`${INPUT} font-mono`}
          />
          <p id="exclusions-hint" className="mt-1 text-xs text-gray-600">
            One per line. A phrase found in the same clause as one of these does not count.
          </p>
          <FieldError id="exclusions-error" message={error("exclusions")} />
        </div>
      </div>
      <fieldset aria-describedby={error("status") ? "status-error" : undefined}>
        <legend className="text-sm font-medium">Status</legend>
        <div className="mt-1 flex gap-6 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="status" value="open" defaultChecked={status === "open"} /> Open
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="status" value="resolved" defaultChecked={status === "resolved"} /> Resolved
          </label>
        </div>
        <FieldError id="status-error" message={error("status")} />
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving and re-tagging…" : issue ? "Save issue" : "Create issue"}
        </Button>
        <p aria-live="polite" role="status" className="text-sm text-red-700">
          {state.message}
        </p>
      </div>
    </form>
  );
}
