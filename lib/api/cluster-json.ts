import type { ClusterMember } from "@/lib/data/briefs";

/** A cluster's claim as the API gives it: where it stands, who said it, and the sentence around it. */
export function clusterMemberJson(member: ClusterMember) {
  return {
    id: member.id,
    articleId: member.articleId,
    kind: member.kind,
    speaker: member.speaker,
    outlet: { slug: member.source.key, name: member.source.name },
    publishedAt: member.publishedAt?.toISOString() ?? null,
    text: member.excerpt.claim,
    sentence: `${member.excerpt.before}${member.excerpt.claim}${member.excerpt.after}`,
    excerpt: member.excerpt,
  };
}

export type ClusterMemberJson = ReturnType<typeof clusterMemberJson>;
