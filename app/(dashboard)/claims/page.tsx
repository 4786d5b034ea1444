import type { Metadata } from "next";
import { ClaimsQueue } from "@/components/claims/claims-queue";
import { claimsHref } from "@/components/claims/queue-page";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Review queue" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The review queue; without filters it is usually served from the page cache (app/(cached)). */
export default async function ClaimsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requirePageUser(claimsHref(params, {}));
  return <ClaimsQueue user={user} params={params} />;
}
