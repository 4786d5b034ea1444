import type { Metadata } from "next";
import Link from "next/link";
import { RevokeShareForm } from "@/components/share/revoke-share-form";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requirePageUser } from "@/lib/auth/session";
import { listShareLinksFor } from "@/lib/data/share-links";
import { formatDate, plural } from "@/lib/format";

export const metadata: Metadata = { title: "Share links" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATE_LABEL = { active: "Active", revoked: "Revoked", expired: "Expired" } as const;

export default async function SharesPage({ searchParams }: Props) {
  const user = await requirePageUser("/shares");
  const cursor = (await searchParams).cursor;
  const page = await listShareLinksFor(user, typeof cursor === "string" ? cursor : undefined);
  const isAdmin = hasRole(user, "admin");
  return (
    <>
      <PageHeader
        title="Share links"
        description={`${isAdmin ? "Every share link in the newsroom" : "The links you made"}: ${plural(page.total, "link")}. A link's address is shown once, when it is made; revoke a link to stop it working at once.`}
      />
      {page.items.length === 0 ? (
        <p className="text-sm text-gray-600">
          No share links yet.
          {hasRole(user, "editor") ? " Use Share on an issue or a claim to make one." : " Editors make share links from an issue or a claim."}
        </p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="min-w-full divide-y divide-gray-200 rounded-lg border border-gray-200 bg-white text-sm">
            <caption className="sr-only">Share links</caption>
            <thead className="bg-gray-50 text-left text-xs font-semibold uppercase tracking-wide text-gray-600">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Shared
                </th>
                {isAdmin ? (
                  <th scope="col" className="px-4 py-2">
                    By
                  </th>
                ) : null}
                <th scope="col" className="px-4 py-2">
                  Created
                </th>
                <th scope="col" className="px-4 py-2">
                  Expires
                </th>
                <th scope="col" className="px-4 py-2">
                  Last opened
                </th>
                <th scope="col" className="px-4 py-2 text-right">
                  Opens
                </th>
                <th scope="col" className="px-4 py-2">
                  State
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {page.items.map((link) => {
                const href =
                  link.target.type === "issue"
                    ? link.target.slug
                      ? `/issues/${link.target.slug}`
                      : null
                    : link.target.id
                      ? `/claims/${link.target.id}`
                      : null;
                const label = link.target.label.length > 90 ? `${link.target.label.slice(0, 89)}…` : link.target.label;
                return (
                  <tr key={link.id} className="align-top">
                    <th scope="row" className="max-w-md px-4 py-2 text-left font-normal">
                      <span className="mr-2 text-xs uppercase tracking-wide text-gray-600">{link.target.type === "issue" ? "Issue" : "Claim"}</span>
                      {href ? (
                        <Link href={href} className="text-accent hover:underline">
                          {label}
                        </Link>
                      ) : (
                        label
                      )}
                    </th>
                    {isAdmin ? <td className="px-4 py-2">{link.createdBy.name ?? "—"}</td> : null}
                    <td className="px-4 py-2 whitespace-nowrap">{formatDate(link.createdAt)}</td>
                    <td className="px-4 py-2 whitespace-nowrap">{link.expiresAt ? formatDate(link.expiresAt) : "Never"}</td>
                    <td className="px-4 py-2 whitespace-nowrap">{link.lastOpenedAt ? formatDate(link.lastOpenedAt) : "Never"}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{link.openCount}</td>
                    <td className="px-4 py-2">
                      <RevokeShareForm
                        id={link.id}
                        label={label}
                        state={link.state}
                        stateLabel={link.state === "revoked" && link.revokedAt ? `Revoked ${formatDate(link.revokedAt)}` : STATE_LABEL[link.state]}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {page.nextCursor ? (
        <nav aria-label="Pages" className="mt-4 text-sm">
          <Link href={`/shares?cursor=${encodeURIComponent(page.nextCursor)}`} className="text-accent hover:underline">
            Older links
          </Link>
        </nav>
      ) : null}
    </>
  );
}
