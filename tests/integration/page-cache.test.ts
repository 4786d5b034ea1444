import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { endLoginSession, readSessionUser, startLoginSession } from "@/lib/auth/login-sessions";
import type { Db } from "@/lib/db";
import { pageStamp } from "@/lib/server/page-cache";
import { createUser } from "@/lib/writes/users";
import { seededTestDb } from "./helpers";

vi.mock("server-only", () => ({}));

let db: Db;
let reader: { id: string };
let teammate: { id: string };

beforeAll(async () => {
  db = await seededTestDb();
  reader = await createUser(db, { email: "reader@example.test", name: "Rea Der", role: "editor", password: "a long enough password" });
  teammate = await createUser(db, { email: "mate@example.test", name: "Tea Mate", role: "viewer", password: "a long enough password" });
});
afterAll(async () => db.$disconnect());

/** The stamps of the dashboard and two issue pages, for both readers. */
async function stamps() {
  const [dashboard, donbas, guarantees, matesDashboard] = await Promise.all([
    pageStamp(db, reader.id, null),
    pageStamp(db, reader.id, "donbas"),
    pageStamp(db, reader.id, "security-guarantees"),
    pageStamp(db, teammate.id, null),
  ]);
  return { dashboard, donbas, guarantees, matesDashboard };
}

/** Lets the clock move past the last change, so an update's new timestamp differs from it. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("the page cache's stamp of what a page shows", () => {
  it("stays the same while nothing changes, and differs between readers", async () => {
    const first = await stamps();
    expect(await stamps()).toEqual(first);
    expect(first.dashboard).not.toBe(first.matesDashboard);
  });

  it("moves with a claim's review, for every page and reader", async () => {
    const before = await stamps();
    await tick();
    const claim = await db.claim.findFirstOrThrow({ where: { status: { not: "not_a_claim" } }, select: { id: true } });
    await db.claim.update({ where: { id: claim.id }, data: { status: "confirmed" } });
    const after = await stamps();
    for (const page of ["dashboard", "donbas", "guarantees", "matesDashboard"] as const) expect(after[page], page).not.toBe(before[page]);
  });

  it("moves with a note on the issue for that issue's page only, and with a reader's unread notifications for that reader only", async () => {
    const before = await stamps();
    await tick();
    const issue = await db.issue.findUniqueOrThrow({ where: { slug: "donbas" }, select: { id: true } });
    const note = await db.note.create({ data: { authorId: teammate.id, targetType: "issue", issueId: issue.id, body: "Check the map." } });
    const afterNote = await stamps();
    expect(afterNote.donbas).not.toBe(before.donbas);
    expect(afterNote.guarantees).toBe(before.guarantees);
    expect(afterNote.dashboard).toBe(before.dashboard);

    await db.notification.create({ data: { userId: reader.id, type: "mention", noteId: note.id } });
    const afterNotice = await stamps();
    expect(afterNotice.dashboard).not.toBe(afterNote.dashboard);
    expect(afterNotice.matesDashboard).toBe(afterNote.matesDashboard);

    await db.notification.updateMany({ where: { userId: reader.id }, data: { readAt: new Date() } });
    expect((await stamps()).dashboard).not.toBe(afterNotice.dashboard);

    await db.note.delete({ where: { id: note.id } });
    expect((await stamps()).donbas).not.toBe(afterNotice.donbas);
  });

  it("moves when a teammate's name or role changes (the header and the notes show them), not when someone logs in", async () => {
    const before = await stamps();
    await tick();
    await db.user.update({ where: { id: teammate.id }, data: { lastLoginAt: new Date() } });
    expect(await stamps()).toEqual(before);
    await tick();
    await db.user.update({ where: { id: teammate.id }, data: { name: "Tea Mate-Renamed" } });
    const afterName = await stamps();
    expect(afterName.dashboard).not.toBe(before.dashboard);
    await tick();
    await db.user.update({ where: { id: reader.id }, data: { role: "admin" } });
    expect((await stamps()).dashboard).not.toBe(afterName.dashboard);
  });
});

describe("the session check the proxy shares with every page", () => {
  it("admits a live session of an active user, and nothing once it ends or the user is deactivated", async () => {
    const sessionId = await startLoginSession(db, teammate.id);
    expect(await readSessionUser(db, teammate.id, sessionId)).toMatchObject({ email: "mate@example.test", role: "viewer" });
    expect(await readSessionUser(db, reader.id, sessionId)).toBeNull();
    await endLoginSession(db, sessionId);
    expect(await readSessionUser(db, teammate.id, sessionId)).toBeNull();
    const other = await startLoginSession(db, teammate.id);
    await db.user.update({ where: { id: teammate.id }, data: { isActive: false } });
    expect(await readSessionUser(db, teammate.id, other)).toBeNull();
  });
});
