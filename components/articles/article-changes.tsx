import { Badge } from "@/components/ui/badge";
import type { ArticleVersionView } from "@/lib/data/article-versions";
import { formatDate } from "@/lib/format";
import { diffParagraphs } from "@/lib/text/diff";

export type ArticleChangesProps = { current: ArticleVersionView; previous: ArticleVersionView };

/** "Updated": which version the reader shows, when it came, and the paragraphs it added and removed. */
export function ArticleChanges({ current, previous }: ArticleChangesProps) {
  const changes = diffParagraphs(previous.text, current.text).filter((change) => change.type !== "same");
  return (
    <div className="mt-3 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm">
      <p>
        <Badge tone="amber">Updated</Badge>{" "}
        <span className="ml-1">
          Version {current.number}, {formatDate(current.storedAt)}
          {previous.replacedBy ? ` (by ${previous.replacedBy})` : ""}.
        </span>
      </p>
      <details className="mt-2">
        <summary className="cursor-pointer font-medium">What changed since version {previous.number}</summary>
        {changes.length === 0 ? <p className="mt-2 text-gray-600">Only spacing changed.</p> : null}
        <ul className="mt-2 space-y-2" aria-label={`Changes since version ${previous.number}`}>
          {changes.map((change, index) => (
            <li
              key={index}
              className={change.type === "added" ? "border-l-4 border-green-600 bg-white pl-2" : "border-l-4 border-red-600 bg-white pl-2 text-gray-600"}
            >
              <span className="sr-only">{change.type === "added" ? "Added: " : "Removed: "}</span>
              {change.type === "added" ? <ins className="no-underline">{change.text}</ins> : <del>{change.text}</del>}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
