import Link from "next/link";
import { IssueBriefBody } from "@/components/briefs/issue-brief-body";
import { NotesThread } from "@/components/notes/notes-thread";
import { ShareDialog } from "@/components/share/share-dialog";
import { hasRole, type CurrentUser } from "@/lib/auth/session";
import { parseBriefFilters } from "@/lib/validations/briefs";
import { parseIssueClaimList } from "@/lib/validations/positions";

export type IssuePageProps = {
  user: CurrentUser;
  issue: { slug: string; title: string };
  /** The page's search parameters, unparsed. */
  query: Record<string, string | string[] | undefined>;
  /** The data version ({@link getBriefVersion}) read for this request. */
  version: string;
};

/** An issue's page for a logged-in reader: the brief, the editors' and admins' actions, the notes. */
export function IssuePage({ user, issue, query, version }: IssuePageProps) {
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
      <NotesThread target={{ type: "issue", id: issue.slug }} user={user} />
    </>
  );
}
