import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";
import {
  createShareLink,
  hashShareToken,
  listShareLinks,
  recordShareOpen,
  resolveShareToken,
  restoreShareLink,
  revokeShareLink,
  SHARE_UNDO_MS,
  ShareTargetNotFoundError,
} from "@/lib/writes/share-links";
import { createUser } from "@/lib/writes/users";
import { parseClaimFilters } from "@/lib/validations/claims";
import { seededTestDb } from "./helpers";

vi.mock("server-only", () => ({}));

let db: Db;
let editor: { id: string; role: "editor" };
let other: { id: string; role: "editor" };
let admin: { id: string; role: "admin" };

beforeAll(async () => {
  db = await seededTestDb();
  const make = async <R extends "editor" | "admin">(email: string, role: R) => ({
    id: (await createUser(db, { email, name: email, role, password: "a long enough password" })).id,
    role,
  });
  editor = await make("sharer@briefing.test", "editor");
  other = await make("other@briefing.test", "editor");
  admin = await make("boss@briefing.test", "admin");
});
afterAll(async () => db.$disconnect());

describe("share links", () => {
  it("stores only the token's hash, resolves it and counts opens", async () => {
    const created = await createShareLink(db, editor, { target: { type: "issue", slug: "ceasefire" }, expiresInDays: 7 });
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: created.id }, select: { tokenHash: true, expiresAt: true, openCount: true } });
    expect(row.tokenHash).toBe(hashShareToken(created.token));
    expect(JSON.stringify(await db.shareLink.findMany())).not.toContain(created.token);
    expect(row.expiresAt!.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);

    expect(await resolveShareToken(db, created.token)).toMatchObject({ id: created.id, targetType: "issue" });
    expect((await db.shareLink.findUniqueOrThrow({ where: { id: created.id } })).openCount).toBe(0);
    for (let open = 0; open < 2; open += 1) await recordShareOpen(db, (await resolveShareToken(db, created.token))!.id);
    const opened = await db.shareLink.findUniqueOrThrow({ where: { id: created.id }, select: { openCount: true, lastOpenedAt: true } });
    expect(opened.openCount).toBe(2);
    expect(opened.lastOpenedAt).not.toBeNull();
  });

  it("refuses unknown targets", async () => {
    await expect(createShareLink(db, editor, { target: { type: "issue", slug: "nope" }, expiresInDays: null })).rejects.toBeInstanceOf(
      ShareTargetNotFoundError,
    );
    await expect(createShareLink(db, editor, { target: { type: "claim", id: "nope" }, expiresInDays: null })).rejects.toBeInstanceOf(ShareTargetNotFoundError);
  });

  it("gives null alike for unknown, revoked and expired tokens", async () => {
    const claim = await db.claim.findFirstOrThrow({ select: { id: true } });
    const revoked = await createShareLink(db, editor, { target: { type: "claim", id: claim.id }, expiresInDays: null });
    const expired = await createShareLink(db, editor, { target: { type: "claim", id: claim.id }, expiresInDays: 1 });
    expect(await revokeShareLink(db, other, revoked.id)).toBe(false);
    expect(await resolveShareToken(db, revoked.token)).not.toBeNull();
    expect(await revokeShareLink(db, editor, revoked.id)).toBe(true);
    await db.shareLink.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolveShareToken(db, revoked.token)).toBeNull();
    expect(await resolveShareToken(db, expired.token)).toBeNull();
    expect(await resolveShareToken(db, "A".repeat(43))).toBeNull();
    expect(await resolveShareToken(db, "short")).toBeNull();
    expect((await db.shareLink.findUniqueOrThrow({ where: { id: revoked.id } })).openCount).toBe(0);
  });

  it("undoes a revocation made moments ago, by its owner or an admin, and not later", async () => {
    const link = await createShareLink(db, editor, { target: { type: "issue", slug: "ceasefire" }, expiresInDays: null });
    expect(await revokeShareLink(db, editor, link.id)).toBe(true);
    expect(await resolveShareToken(db, link.token)).toBeNull();
    expect(await restoreShareLink(db, other, link.id)).toBe(false);
    expect(await restoreShareLink(db, editor, link.id)).toBe(true);
    expect(await resolveShareToken(db, link.token)).toMatchObject({ id: link.id });
    expect(await restoreShareLink(db, editor, link.id)).toBe(false);

    const revokedAt = new Date(Date.now() - SHARE_UNDO_MS - 1000);
    expect(await revokeShareLink(db, editor, link.id, revokedAt)).toBe(true);
    expect(await restoreShareLink(db, admin, link.id)).toBe(false);
    expect(await resolveShareToken(db, link.token)).toBeNull();
  });

  it("lists a user's own links, an admin's all, and lets an admin revoke any", async () => {
    const mine = await createShareLink(db, other, { target: { type: "issue", slug: "donbas" }, expiresInDays: 30 });
    const own = await listShareLinks(db, other);
    expect(own.items.map((item) => item.id)).toEqual([mine.id]);
    expect(own.items[0]).toMatchObject({ state: "active", target: { type: "issue", slug: "donbas" } });
    const all = await listShareLinks(db, admin, { limit: 2 });
    expect(all.total).toBe(await db.shareLink.count());
    expect(all.items).toHaveLength(2);
    const next = await listShareLinks(db, admin, { limit: 50, cursor: all.nextCursor! });
    expect(new Set([...all.items, ...next.items].map((item) => item.id)).size).toBe(all.total);
    expect(await revokeShareLink(db, admin, mine.id)).toBe(true);
    expect((await listShareLinks(db, other)).items[0]?.state).toBe("revoked");
  });
});

describe("claim exports", () => {
  it("reads every matching claim in keyset pages, once each", async () => {
    const { claimExportPages } = await import("@/lib/data/exports");
    const filters = parseClaimFilters({ issue: "security-guarantees" }).data!;
    const sizes: number[] = [];
    const ids: string[] = [];
    for await (const page of claimExportPages(filters, { pageSize: 4 })) {
      sizes.push(page.length);
      ids.push(...page.map((claim) => claim.id));
    }
    const expected = await db.claim.count({ where: { issues: { some: { issue: { slug: "security-guarantees" } } } } });
    expect(expected).toBeGreaterThan(4);
    expect(ids).toHaveLength(expected);
    expect(new Set(ids).size).toBe(expected);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4);
    expect(sizes.length).toBeGreaterThan(1);
    const rows = await db.claim.findMany({
      where: { id: { in: ids } },
      select: { id: true, start: true, articleId: true, article: { select: { publishedAt: true } } },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const keys = ids.map((id) => byId.get(id)!).map((row) => [row.article.publishedAt?.getTime() ?? Infinity, row.articleId, row.start] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || a[2] - b[2]);
    expect(keys).toEqual(sorted);
    expect(new Set(keys.map((key) => key[0])).size).toBeGreaterThan(1);
  });
});
