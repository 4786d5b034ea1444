import { Badge } from "@/components/ui/badge";
import type { ArticleClaim } from "@/lib/data/articles";
import { KIND_LABEL } from "@/components/articles/highlighted-text";

export type ClaimSideListProps = { claims: ArticleClaim[] };

const KIND_TONE = { quote: "amber", reported: "blue", narration: "gray" } as const;

export function ClaimSideList({ claims }: ClaimSideListProps) {
  if (claims.length === 0) return <p className="text-sm text-gray-600">No claims were found in this article.</p>;
  return (
    <ol className="space-y-3" aria-label="Claims in this article">
      {claims.map((claim) => (
        <li key={claim.id} className="rounded-md border border-gray-200 bg-white p-3 text-sm">
          <div className="mb-1 flex flex-wrap items-center gap-1">
            <Badge tone={KIND_TONE[claim.kind]}>{KIND_LABEL[claim.kind]}</Badge>
            <span className="font-medium">{claim.speaker ?? (claim.kind === "narration" ? "The outlet" : "Unknown speaker")}</span>
            <span className={`ml-auto tabular-nums ${claim.confidence < 0.5 ? "text-amber-800" : "text-gray-500"}`}>
              {Math.round(claim.confidence * 100)}%{claim.confidence < 0.5 ? " (low)" : ""}
            </span>
          </div>
          <a href={`#claim-${claim.id}`} className="line-clamp-3 text-gray-800 hover:text-accent hover:underline">
            {claim.text}
          </a>
          {claim.issues.length > 0 || claim.figures.length > 0 ? (
            <div className="mt-2 flex flex-wrap gap-1">
              {claim.issues.map((issue) => (
                <Badge key={issue.slug} tone="blue">
                  {issue.title}
                </Badge>
              ))}
              {claim.figures.map((figure, index) => (
                <Badge key={index} tone="green" title={figure.about ?? undefined}>
                  {figure.raw}
                  {figure.about ? ` · ${figure.about}` : ""}
                </Badge>
              ))}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
