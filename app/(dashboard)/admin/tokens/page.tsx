import { formAction } from "@/lib/actions/define-action";
import type { Metadata } from "next";
import { TokenForm } from "@/components/admin/token-form";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { revokeApiTokenAction } from "@/lib/actions/api-tokens";
import { requirePageUser } from "@/lib/auth/session";
import { listApiTokens, listActiveUsers } from "@/lib/data/admin";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  await requirePageUser("/admin/tokens", "admin");
  const [tokens, users] = await Promise.all([listApiTokens(), listActiveUsers()]);
  return (
    <>
      <PageHeader title="API tokens" description="Tokens let other newsroom tools use Briefing's API with the role of the user they act as." />
      <TokenForm users={users.map((user) => ({ id: user.id, label: `${user.name ?? user.email} (${user.role})` }))} />
      <div className="relative mt-6 overflow-x-auto rounded-lg border border-gray-200 bg-white">
        <table className="min-w-full divide-y divide-gray-200 text-sm">
          <caption className="sr-only">API tokens</caption>
          <thead className="bg-gray-50 text-left text-xs font-semibold uppercase tracking-wide text-gray-600">
            <tr>
              <th scope="col" className="px-4 py-2">
                Name
              </th>
              <th scope="col" className="px-4 py-2">
                Acts as
              </th>
              <th scope="col" className="px-4 py-2">
                Created
              </th>
              <th scope="col" className="px-4 py-2">
                Last used
              </th>
              <th scope="col" className="px-4 py-2">
                State
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {tokens.map((token) => (
              <tr key={token.id}>
                <td className="px-4 py-2 font-medium">{token.name}</td>
                <td className="px-4 py-2">{token.user.name ?? token.user.email}</td>
                <td className="px-4 py-2">{formatDate(token.createdAt)}</td>
                <td className="px-4 py-2">{token.lastUsedAt ? formatDate(token.lastUsedAt) : "Never"}</td>
                <td className="px-4 py-2">
                  {token.revokedAt ? (
                    `Revoked ${formatDate(token.revokedAt)}`
                  ) : (
                    <form action={formAction(revokeApiTokenAction)}>
                      <input type="hidden" name="id" value={token.id} />
                      <Button type="submit" variant="secondary" aria-label={`Revoke ${token.name}`}>
                        Revoke
                      </Button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
