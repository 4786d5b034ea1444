import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/writes/derived-writes";
import { handleOf, mentionHandles, type NoteTargetType } from "@/lib/validations/notes";

export type NoteActor = { id: string; role: Role };

export class NoteNotFoundError extends AppError {
  constructor(message = "No such note.") {
    super("not_found", message);
  }
}

export class NoteForbiddenError extends AppError {
  constructor() {
    super("forbidden", "Only the note's author or an admin can change it.");
  }
}

/** Where a note lives: the claim, issue or article id to store, and the path that shows it. */
export async function resolveNoteTarget(db: Tx, target: { type: NoteTargetType; id: string }) {
  if (target.type === "claim") {
    const claim = await db.claim.findUnique({ where: { id: target.id }, select: { id: true, assigneeId: true } });
    if (!claim) throw new NoteNotFoundError(`No claim ${target.id}.`);
    return { data: { targetType: "claim" as const, claimId: claim.id }, path: `/claims/${claim.id}`, assigneeId: claim.assigneeId };
  }
  if (target.type === "issue") {
    const issue = await db.issue.findFirst({ where: { OR: [{ id: target.id }, { slug: target.id }] }, select: { id: true, slug: true } });
    if (!issue) throw new NoteNotFoundError(`No issue ${target.id}.`);
    return { data: { targetType: "issue" as const, issueId: issue.id }, path: `/issues/${issue.slug}`, assigneeId: null };
  }
  const article = await db.article.findUnique({ where: { id: target.id }, select: { id: true } });
  if (!article) throw new NoteNotFoundError(`No article ${target.id}.`);
  return { data: { targetType: "article" as const, articleId: article.id }, path: `/articles/${article.id}`, assigneeId: null };
}

async function mentionedUsers(tx: Tx, body: string): Promise<string[]> {
  const handles = mentionHandles(body);
  if (handles.length === 0) return [];
  const users = await tx.user.findMany({
    where: { isActive: true, OR: handles.map((handle) => ({ email: { startsWith: `${handle}@`, mode: "insensitive" as const } })) },
    select: { id: true, email: true },
  });
  return users.filter((user) => handles.includes(handleOf(user.email))).map((user) => user.id);
}

const NOTE_SELECT = {
  id: true,
  body: true,
  targetType: true,
  claimId: true,
  issueId: true,
  articleId: true,
  createdAt: true,
  editedAt: true,
  author: { select: { id: true, name: true, email: true } },
} satisfies Prisma.NoteSelect;

async function notify(
  tx: Tx,
  noteId: string,
  authorId: string,
  mentioned: string[],
  assigneeId: string | null,
  claimId: string | null,
  already: Set<string> = new Set(),
) {
  const data: Prisma.NotificationCreateManyInput[] = [];
  for (const userId of mentioned) if (userId !== authorId && !already.has(userId)) data.push({ userId, type: "mention", noteId, claimId });
  if (assigneeId && assigneeId !== authorId && !mentioned.includes(assigneeId) && !already.has(assigneeId)) {
    data.push({ userId: assigneeId, type: "note_on_assigned", noteId, claimId });
  }
  if (data.length > 0) await tx.notification.createMany({ data });
}

/**
 * Adds a note to a claim, issue or article in one transaction with its @mentions; a mentioned teammate,
 * and the assignee of a claim the note is on, get a notification (never the author).
 */
export async function createNote(db: Db, actor: NoteActor, input: { target: { type: NoteTargetType; id: string }; body: string }) {
  return db.$transaction(async (tx) => {
    const target = await resolveNoteTarget(tx, input.target);
    const note = await tx.note.create({ data: { ...target.data, authorId: actor.id, body: input.body }, select: NOTE_SELECT });
    const mentioned = await mentionedUsers(tx, input.body);
    if (mentioned.length > 0) await tx.noteMention.createMany({ data: mentioned.map((userId) => ({ noteId: note.id, userId })), skipDuplicates: true });
    await notify(tx, note.id, actor.id, mentioned, target.assigneeId, note.claimId);
    return { note, path: target.path };
  });
}

async function ownedNote(tx: Tx, actor: NoteActor, id: string) {
  const note = await tx.note.findUnique({
    where: { id },
    select: { id: true, authorId: true, claimId: true, issue: { select: { slug: true } }, articleId: true },
  });
  if (!note) throw new NoteNotFoundError();
  if (note.authorId !== actor.id && actor.role !== "admin") throw new NoteForbiddenError();
  const path = note.claimId ? `/claims/${note.claimId}` : note.issue ? `/issues/${note.issue.slug}` : `/articles/${note.articleId}`;
  return { ...note, path };
}

/** Edits a note (its author, or an admin); marks it edited and notifies teammates newly mentioned. */
export async function updateNote(db: Db, actor: NoteActor, id: string, body: string) {
  return db.$transaction(async (tx) => {
    const existing = await ownedNote(tx, actor, id);
    const note = await tx.note.update({ where: { id }, data: { body, editedAt: new Date() }, select: NOTE_SELECT });
    const before = new Set((await tx.noteMention.findMany({ where: { noteId: id }, select: { userId: true } })).map((row) => row.userId));
    const mentioned = await mentionedUsers(tx, body);
    await tx.noteMention.deleteMany({ where: { noteId: id } });
    if (mentioned.length > 0) await tx.noteMention.createMany({ data: mentioned.map((userId) => ({ noteId: id, userId })), skipDuplicates: true });
    await notify(
      tx,
      id,
      note.author.id,
      mentioned.filter((userId) => !before.has(userId)),
      null,
      note.claimId,
    );
    return { note, path: existing.path };
  });
}

/** Deletes a note (its author, or an admin); its mentions and notifications go with it. */
export async function deleteNote(db: Db, actor: NoteActor, id: string) {
  return db.$transaction(async (tx) => {
    const existing = await ownedNote(tx, actor, id);
    await tx.note.delete({ where: { id } });
    return { path: existing.path };
  });
}
