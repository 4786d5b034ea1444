import type { Metadata } from "next";
import { DashboardBody } from "@/components/briefs/dashboard-body";
import { requirePageUser } from "@/lib/auth/session";
import { getBriefVersion } from "@/lib/data/briefs";
import { parseBriefFilters } from "@/lib/validations/briefs";

export const metadata: Metadata = { title: "Dashboard" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  // The reads start with the session check (nothing is shown before it passes), as on the issue page.
  const [, query, version] = await Promise.all([requirePageUser("/"), searchParams, getBriefVersion()]);
  return <DashboardBody filters={parseBriefFilters(query)} version={version} />;
}
