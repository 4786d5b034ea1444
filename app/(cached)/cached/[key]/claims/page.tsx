import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClaimsQueue } from "@/components/claims/claims-queue";
import { getCachedPageReader } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Review queue" };

/** Rendered once per key and kept (lib/server/page-cache.ts); a page that reads no request state. */
export const dynamic = "error";
export const revalidate = 3600;

export function generateStaticParams(): { key: string }[] {
  return [];
}

/** The review queue without filters, from the page cache (app/(dashboard)/claims/page.tsx renders it per request). */
export default async function CachedClaimsPage({ params }: { params: Promise<{ key: string }> }) {
  const user = await getCachedPageReader((await params).key);
  if (!user) notFound();
  return <ClaimsQueue user={user} params={{}} />;
}
