import type { Metadata } from "next";
import Link from "next/link";
import { IssueList } from "@/components/issues/issue-list";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requirePageUser } from "@/lib/auth/session";
import { listIssueOverviews } from "@/lib/data/issues";

export const metadata: Metadata = { title: "Issues" };

export default async function IssuesPage() {
  const user = await requirePageUser("/issues");
  const issues = await listIssueOverviews();
  return (
    <>
      <PageHeader
        title="Issues"
        description="The questions this story turns on. Sentences and claims are tagged with an issue when they use its lexicon."
        actions={
          hasRole(user, "admin") ? (
            <Link href="/issues/new" className="rounded-md bg-accent px-3 py-2 text-sm font-medium text-white hover:bg-blue-800">
              New issue
            </Link>
          ) : null
        }
      />
      <IssueList issues={issues} showLexicon />
    </>
  );
}
