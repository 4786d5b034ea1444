import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IssueForm } from "@/components/issues/issue-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getIssue } from "@/lib/data/briefs";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const issue = await getIssue(slug);
  return { title: issue ? `Edit ${issue.title}` : "Issue not found" };
}

export default async function EditIssuePage({ params }: Props) {
  const { slug } = await params;
  await requirePageUser(`/issues/${slug}/edit`, "admin");
  const issue = await getIssue(slug);
  if (!issue) notFound();
  return (
    <>
      <PageHeader title={`Edit ${issue.title}`} description="Changing the lexicon re-tags every stored article with it, then refreshes the analysis." />
      <IssueForm issue={issue} />
    </>
  );
}
