import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DashboardBody } from "@/components/briefs/dashboard-body";
import { getCachedPageReader } from "@/lib/auth/session";
import { getBriefVersion } from "@/lib/data/briefs";
import { parseBriefFilters } from "@/lib/validations/briefs";

export const metadata: Metadata = { title: "Dashboard" };

/** Rendered once per key and kept (lib/server/page-cache.ts); a page that reads no request state. */
export const dynamic = "error";
export const revalidate = 3600;

export function generateStaticParams(): { key: string }[] {
  return [];
}

/** The dashboard without filters, from the page cache (app/(dashboard)/(home)/page.tsx renders it per request). */
export default async function CachedDashboardPage({ params }: { params: Promise<{ key: string }> }) {
  const [user, version] = await Promise.all([getCachedPageReader((await params).key), getBriefVersion()]);
  if (!user) notFound();
  return <DashboardBody filters={parseBriefFilters({})} version={version} />;
}
