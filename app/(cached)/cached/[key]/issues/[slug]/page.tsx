import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IssuePage } from "@/components/briefs/issue-page";
import { getCachedPageReader } from "@/lib/auth/session";
import { getBriefVersion, getIssue } from "@/lib/data/briefs";

/** Rendered once per key and kept (lib/server/page-cache.ts); a page that reads no request state. */
export const dynamic = "error";
export const revalidate = 3600;

export function generateStaticParams(): { key: string; slug: string }[] {
  return [];
}

type Props = { params: Promise<{ key: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const issue = await getIssue((await params).slug);
  return { title: issue ? issue.title : "Issue not found" };
}

/** An issue's page without filters, from the page cache (app/(dashboard)/issues/[slug]/page.tsx renders it per request). */
export default async function CachedIssuePage({ params }: Props) {
  const { key, slug } = await params;
  const [user, version, issue] = await Promise.all([getCachedPageReader(key), getBriefVersion(), getIssue(slug)]);
  if (!user || !issue) notFound();
  return <IssuePage user={user} issue={issue} query={{}} version={version} />;
}
