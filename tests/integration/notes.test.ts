import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { createNote, deleteNote, NoteForbiddenError, NoteNotFoundError, updateNote } from "@/lib/writes/notes";
import { updateClaim } from "@/lib/writes/review";
import { createUser } from "@/lib/writes/users";
import { seededTestDb } from "./helpers";

let db: Db;
type Person = { id: string; role: "viewer" | "editor" | "admin" };
let viewer: Person;
let editor: Person;
let admin: Person;

beforeAll(async () => {
  db = await seededTestDb();
  const make = async (email: string, role: Person["role"]) => ({
    id: (await createUser(db, { email, role, name: email, password: "a long enough password" })).id,
    role,
  });
  viewer = await make("vera.v@briefing.test", "viewer");
  editor = await make("eddie@briefing.test", "editor");
  admin = await make("ada@briefing.test", "admin");
});
afterAll(async () => db.$disconnect());

describe("notes", () => {
  it("notifies mentioned teammates (not the author) and the assignee of the claim", async () => {
    const claim = await db.claim.findFirstOrThrow({ select: { id: true, version: true } });
    await updateClaim(db, admin, claim.id, { assigneeId: editor.id, version: claim.version });
    const { note } = await createNote(db, viewer, {
      target: { type: "claim", id: claim.id },
      body: "Ask @ada and @vera.v about this; email x@eddie.example is not a mention",
    });
    const mentions = await db.noteMention.findMany({ where: { noteId: note.id }, select: { userId: true } });
    expect(mentions.map((mention) => mention.userId).sort()).toEqual([admin.id, viewer.id].sort());
    const notifications = await db.notification.findMany({ where: { noteId: note.id }, select: { userId: true, type: true }, orderBy: { type: "asc" } });
    expect(notifications).toEqual([
      { userId: admin.id, type: "mention" },
      { userId: editor.id, type: "note_on_assigned" },
    ]);
  });

  it("lets the author edit (marked edited, new mentions notified) and refuses others; admins may delete any", async () => {
    const issue = await db.issue.findFirstOrThrow({ select: { slug: true, id: true } });
    const { note, path } = await createNote(db, editor, { target: { type: "issue", id: issue.slug }, body: "First" });
    expect(path).toBe(`/issues/${issue.slug}`);
    expect(note.editedAt).toBeNull();
    await expect(updateNote(db, viewer, note.id, "Hijacked")).rejects.toBeInstanceOf(NoteForbiddenError);
    await expect(deleteNote(db, viewer, note.id)).rejects.toBeInstanceOf(NoteForbiddenError);
    const { note: edited } = await updateNote(db, editor, note.id, "Second, cc @vera.v");
    expect(edited.body).toBe("Second, cc @vera.v");
    expect(edited.editedAt).not.toBeNull();
    expect(await db.notification.count({ where: { noteId: note.id, userId: viewer.id, type: "mention" } })).toBe(1);
    await updateNote(db, editor, note.id, "Third, cc @vera.v");
    expect(await db.notification.count({ where: { noteId: note.id, userId: viewer.id } })).toBe(1);
    await deleteNote(db, admin, note.id);
    expect(await db.note.findUnique({ where: { id: note.id } })).toBeNull();
  });

  it("refuses a note on a target that does not exist", async () => {
    await expect(createNote(db, viewer, { target: { type: "article", id: "nope" }, body: "x" })).rejects.toBeInstanceOf(NoteNotFoundError);
  });
});
