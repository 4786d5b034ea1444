import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IssuePage as IssuePageContent } from "@/components/briefs/issue-page";
import { requirePageUser } from "@/lib/auth/session";
import { getBriefVersion, getIssue } from "@/lib/data/briefs";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const issue = await getIssue(slug);
  return { title: issue ? issue.title : "Issue not found" };
}

export default async function IssuePage({ params, searchParams }: Props) {
  const { slug } = await params;
  // The reads start with the session check (nothing is shown before it passes): under load every
  // sequential database round trip waits its turn behind other requests' rendering.
  const [user, query, version, issue] = await Promise.all([requirePageUser(`/issues/${slug}`), searchParams, getBriefVersion(), getIssue(slug)]);
  if (!issue) notFound();
  return <IssuePageContent user={user} issue={issue} query={query} version={version} />;
}
