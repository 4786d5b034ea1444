import type { Metadata } from "next";
import { ClaimTable } from "@/components/claims/claim-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { listClaims } from "@/lib/data/claims";

export const metadata: Metadata = { title: "Claims" };

export default async function ClaimsPage() {
  await requirePageUser("/claims");
  const { items, total } = await listClaims({ limit: 200 });
  return (
    <>
      <PageHeader title="Claims" description={`${total} claims derived from the articles, least confident first.`} />
      {items.length > 0 ? <ClaimTable claims={items} /> : <p className="text-sm text-gray-600">No claims yet.</p>}
    </>
  );
}
