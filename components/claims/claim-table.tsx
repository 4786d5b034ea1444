import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { ClaimListItem } from "@/lib/data/claims";

export type ClaimTableProps = { claims: ClaimListItem[] };

const KIND_LABEL: Record<ClaimListItem["kind"], string> = { quote: "Direct quote", reported: "Reported speech", narration: "Narration" };

export function ClaimTable({ claims }: ClaimTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <table className="min-w-full divide-y divide-gray-200 text-sm">
        <caption className="sr-only">Claims</caption>
        <thead className="bg-gray-50 text-left text-xs font-semibold uppercase tracking-wide text-gray-600">
          <tr>
            <th scope="col" className="px-4 py-3">Claim</th>
            <th scope="col" className="px-4 py-3">Speaker</th>
            <th scope="col" className="px-4 py-3">Kind</th>
            <th scope="col" className="px-4 py-3">Outlet</th>
            <th scope="col" className="px-4 py-3 text-right">Confidence</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {claims.map((claim) => (
            <tr key={claim.id} className="align-top">
              <td className="max-w-2xl px-4 py-3">
                <p>{claim.text}</p>
                <div className="mt-1 flex flex-wrap gap-1">
                  {claim.issues.map((issue) => (
                    <Badge key={issue} tone="blue">{issue}</Badge>
                  ))}
                  <Link href={`/articles/${claim.articleId}`} className="text-xs text-accent hover:underline">
                    In the article
                  </Link>
                </div>
              </td>
              <td className="whitespace-nowrap px-4 py-3">{claim.speaker ?? <span className="italic text-gray-500">Unknown</span>}</td>
              <td className="whitespace-nowrap px-4 py-3">{KIND_LABEL[claim.kind]}</td>
              <td className="whitespace-nowrap px-4 py-3">{claim.outlet ?? <span className="italic text-gray-500">Unattributed</span>}</td>
              <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums">
                {Math.round(claim.confidence * 100)}%{claim.confidence < 0.5 ? <span className="ml-1 text-amber-800">(low)</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
