import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { NoteTargetType } from "@/lib/validations/notes";
import { handleOf } from "@/lib/validations/notes";

export type NoteView = {
  id: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  /** Set on a note whose claim is not in the article's newer text: the version it was on, and the claim's words. */
  earlierVersion: number | null;
  earlierClaimText: string | null;
  author: { id: string; name: string | null; email: string };
};

/** The notes on a claim, issue (id or slug) or article, oldest first. */
export async function getNotes(target: { type: NoteTargetType; id: string }): Promise<NoteView[]> {
  const where =
    target.type === "claim"
      ? { claimId: target.id }
      : target.type === "article"
        ? { articleId: target.id }
        : { issue: { OR: [{ id: target.id }, { slug: target.id }] } };
  return db.note.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      body: true,
      createdAt: true,
      editedAt: true,
      earlierVersion: true,
      earlierClaimText: true,
      author: { select: { id: true, name: true, email: true } },
    },
  });
}

/** Active teammates for @mention autocomplete: their handle (email before the @) and name. */
export const getMentionables = cache(async () => {
  const users = await db.user.findMany({ where: { isActive: true }, orderBy: [{ name: "asc" }, { email: "asc" }], select: { name: true, email: true } });
  return users.map((user) => ({ handle: handleOf(user.email), name: user.name ?? user.email }));
});

export async function getUnreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** The user's latest notifications, with what they point at. */
export async function listNotifications(userId: string) {
  return db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      id: true,
      type: true,
      readAt: true,
      createdAt: true,
      claim: { select: { id: true, text: true } },
      note: {
        select: {
          id: true,
          body: true,
          author: { select: { name: true, email: true } },
          claimId: true,
          articleId: true,
          issue: { select: { slug: true, title: true } },
        },
      },
    },
  });
}
