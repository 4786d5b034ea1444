import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listSpeakers } from "@/app/api/speakers/route";
import { listClaims } from "@/lib/data/claims";
import { findSpeaker, suggestSpeakers } from "@/lib/data/speakers";
import type { Db } from "@/lib/db";
import { parseClaimFilters } from "@/lib/validations/claims";
import { seededTestDb, signInAs, type SessionUser } from "./helpers";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));

vi.mock("server-only", () => ({}));
vi.mock("@/auth", () => ({ auth: vi.fn(async () => (session.user ? { user: session.user } : null)) }));

let db: Db;

beforeAll(async () => {
  db = await seededTestDb();
  await signInAs(db, session, "speakers-viewer@briefing.test", "viewer");
});
afterAll(async () => db.$disconnect());

const request = (query: string) => listSpeakers(new Request(`http://127.0.0.1/api/speakers${query}`));

describe("speaker suggestions for the review queue's filter", () => {
  it("suggests the speakers with the most claims first, and only as many as asked", async () => {
    const counts = await db.claim.groupBy({ by: ["speakerId"], where: { speakerId: { not: null } }, _count: { _all: true } });
    const most = counts.sort((a, b) => b._count._all - a._count._all)[0]!;
    const suggested = await suggestSpeakers("", 3);
    expect(suggested).toHaveLength(Math.min(3, await db.speaker.count()));
    expect(suggested[0]!.id).toBe(most.speakerId);
  });

  it("finds speakers by any part of their name, in any case, with the characters of a LIKE pattern taken literally", async () => {
    const speaker = await db.speaker.findFirstOrThrow({ where: { claims: { some: {} } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
    const part = speaker.name.slice(1, 5).toUpperCase();
    const found = await suggestSpeakers(part, 100);
    expect(found.map((each) => each.id)).toContain(speaker.id);
    expect(found.every((each) => each.name.toUpperCase().includes(part))).toBe(true);
    expect(await suggestSpeakers("%", 100)).toEqual([]);
    expect(await suggestSpeakers("_", 100)).toEqual([]);
  });

  it("the queue's filter takes a speaker's name as typed, as well as their slug or id", async () => {
    const speaker = await db.speaker.findFirstOrThrow({ where: { claims: { some: {} } }, select: { id: true, slug: true, name: true } });
    const claims = await db.claim.count({ where: { speakerId: speaker.id } });
    for (const value of [speaker.name.toLowerCase(), speaker.slug, speaker.id]) {
      expect(await findSpeaker(value)).toMatchObject({ id: speaker.id });
      const page = await listClaims(parseClaimFilters({ speaker: value, limit: "200" }).data!);
      expect(page.total).toBe(claims);
      expect(page.isTotalCapped).toBe(false);
    }
    expect(await findSpeaker("Nobody Of This Name")).toBeNull();
    expect(await findSpeaker("%")).toBeNull();
    expect((await listClaims(parseClaimFilters({ speaker: "Nobody Of This Name" }).data!)).total).toBe(0);
  });

  it("GET /api/speakers answers the suggestions, 400 naming a bad limit, and 401 without a session", async () => {
    const speaker = await db.speaker.findFirstOrThrow({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
    const ok = await request(`?q=${encodeURIComponent(speaker.name)}&limit=5`);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { items: { slug: string; name: string }[] };
    expect(body.items.map((item) => item.slug)).toContain(speaker.slug);
    const bad = await request("?limit=500");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/limit/);
    const user = session.user;
    session.user = null;
    try {
      expect((await request("")).status).toBe(401);
    } finally {
      session.user = user;
    }
  });
});
