import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IssueBriefBody } from "@/components/briefs/issue-brief-body";
import { NotesThread } from "@/components/notes/notes-thread";
import { ShareDialog } from "@/components/share/share-dialog";
import { hasRole, requirePageUser } from "@/lib/auth/session";
import { getBriefVersion, getIssue } from "@/lib/data/briefs";
import { parseBriefFilters } from "@/lib/validations/briefs";
import { parseIssueClaimList } from "@/lib/validations/positions";

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
  return (
    <>
      <IssueBriefBody
        slug={issue.slug}
        filters={parseBriefFilters(query)}
        list={parseIssueClaimList(query)}
        canEdit={hasRole(user, "editor")}
        version={version}
        actions={
          <>
            {hasRole(user, "editor") ? <ShareDialog target={{ type: "issue", slug: issue.slug }} label={issue.title} /> : null}
            {hasRole(user, "admin") ? (
              <Link href={`/issues/${issue.slug}/edit`} className="rounded-md border border-gray-300 bg-white px-3 py-2 text-sm font-medium hover:bg-gray-50">
                Edit issue
              </Link>
            ) : null}
          </>
        }
      />
      <NotesThread target={{ type: "issue", id: issue.slug }} />
    </>
  );
}
