import type { Metadata } from "next";
import { IssueList } from "@/components/issues/issue-list";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { listIssueOverviews } from "@/lib/data/issues";

export const metadata: Metadata = { title: "Issues" };

export default async function IssuesPage() {
  await requirePageUser("/issues");
  const issues = await listIssueOverviews();
  return (
    <>
      <PageHeader title="Issues" description="The questions this story turns on. Sentences and claims are tagged with an issue when they use its lexicon." />
      <IssueList issues={issues} showLexicon />
    </>
  );
}
