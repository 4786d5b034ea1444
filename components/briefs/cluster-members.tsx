import { formatDate, plural } from "@/lib/format";
import type { ClaimKind } from "@/lib/generated/prisma/enums";

/** A cluster's claim as the lists show it (from the brief on the server, or from the cluster API). */
export type MemberItem = {
  id: string;
  articleId: string;
  kind: ClaimKind;
  speaker: string | null;
  sourceName: string;
  publishedAt: Date | string | null;
  excerpt: { before: string; claim: string; after: string };
};

const KIND_LABEL = { quote: "Direct quote", reported: "Reported speech", narration: "Narration" } as const;

export type ClusterMemberItemsProps = {
  members: MemberItem[];
  claimCount: number;
  /** For a brief outside the app: each article's own address by id, linked instead of the app's reader. */
  publicArticleUrls?: Record<string, string | null>;
};

/** The list items of a cluster: the sentence in each source with the claim marked, and a link to it. */
export function ClusterMemberItems({ members, claimCount, publicArticleUrls }: ClusterMemberItemsProps) {
  return (
    <>
      {members.map((member) => (
        <li key={member.id}>
          <p className="source">
            <strong>{member.sourceName}</strong>
            <span>{`${KIND_LABEL[member.kind]}${member.speaker ? ` · ${member.speaker}` : ""} · ${member.publishedAt ? formatDate(new Date(member.publishedAt)) : "undated"}`}</span>
          </p>
          <blockquote>
            {member.excerpt.before}
            <mark>{member.excerpt.claim}</mark>
            {member.excerpt.after}
          </blockquote>
          {publicArticleUrls ? (
            publicArticleUrls[member.articleId] ? (
              <a href={publicArticleUrls[member.articleId]!} rel="noopener noreferrer nofollow">
                {`Read it at ${member.sourceName}`}
              </a>
            ) : null
          ) : (
            <a href={`/articles/${member.articleId}#claim-${member.id}`}>
              Open in the article<span className="sr-only">{` from ${member.sourceName}`}</span>
            </a>
          )}
        </li>
      ))}
      {claimCount > members.length ? <li className="more">{`and ${plural(claimCount - members.length, "more claim")}`}</li> : null}
    </>
  );
}
