import type { Metadata } from "next";
import Link from "next/link";
import { IssueList } from "@/components/issues/issue-list";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { countStory } from "@/lib/data/story";
import { listIssueOverviews } from "@/lib/data/issues";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  await requirePageUser("/");
  const [issues, counts] = await Promise.all([listIssueOverviews(), countStory()]);
  return (
    <>
      <PageHeader
        title="The story at a glance"
        description={
          <>
            {counts.articles} articles from {counts.outlets} named outlets ({counts.unattributed} unattributed),{" "}
            {counts.claims} claims. <Link className="text-accent underline" href="/articles">See the articles</Link>.
          </>
        }
      />
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-gray-600">Open issues</h2>
      <IssueList issues={issues.filter((issue) => issue.status === "open")} />
    </>
  );
}
