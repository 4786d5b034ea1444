import type { Metadata } from "next";
import { DashboardBody } from "@/components/briefs/dashboard-body";
import { requirePageUser } from "@/lib/auth/session";
import { getBriefVersion } from "@/lib/data/briefs";
import { parseBriefFilters } from "@/lib/validations/briefs";

export const metadata: Metadata = { title: "Dashboard" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  await requirePageUser("/");
  const filters = parseBriefFilters(await searchParams);
  return <DashboardBody filters={filters} version={await getBriefVersion()} />;
}
