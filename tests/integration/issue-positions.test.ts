import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/issues/[slug]/route";
import { getDashboard } from "@/lib/data/briefs";
import type { Db } from "@/lib/db";
import { refreshAnalysis } from "@/lib/analysis/run/refresh";
import { POSITIONS_SETTING, type StoredPositions } from "@/lib/analysis/run/positions";
import { dismissContrast } from "@/lib/writes/contrasts";
import { createUser } from "@/lib/writes/users";
import { parseBriefFilters } from "@/lib/validations/briefs";
import { seededTestDb } from "./helpers";

const session = vi.hoisted(() => ({ user: null as { id: string; email: string; name: string | null; role: "viewer" | "editor" | "admin" } | null }));

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("@/auth", () => ({ auth: vi.fn(async () => (session.user ? { user: session.user } : null)) }));

const SEED_ISSUES = (JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../seeds/issues.json"), "utf8")) as { issues: { slug: string }[] })
  .issues;

type Body = {
  issue: { slug: string; claimCount: number };
  clusters: unknown[];
  discrepancies: unknown[];
  framing: { outlet: { slug: string; name: string }; summary: string; description?: string }[];
  positions: {
    speaker: { id: string; name: string };
    claims: { id: string; kind: string; text: string; quote: string | null; outlets: { slug: string; name: string }[]; firstReportedAt: string | null }[];
  }[];
  contrasts: { a: string; b: string; why: string }[];
  omissions: { outlet: { slug: string; name: string }; actors: { name: string }[] }[];
};

let db: Db;

beforeAll(async () => {
  db = await seededTestDb();
  const user = await createUser(db, { email: "positions-editor@briefing.test", name: "Positions Editor", role: "editor", password: "a long enough password" });
  session.user = { ...user, role: "editor" };
});
afterAll(async () => db.$disconnect());

async function brief(slug: string, query = ""): Promise<{ status: number; body: Body }> {
  const response = await GET(new Request(`http://127.0.0.1/api/issues/${slug}${query}`), { params: Promise.resolve({ slug }) });
  return { status: response.status, body: (await response.json()) as Body };
}

describe("GET /api/issues/[slug] positions and contrasts", () => {
  it("gives every seed issue at least two actors, each claim with its words, sources and first report, beside the existing fields", async () => {
    for (const { slug } of SEED_ISSUES) {
      const { status, body } = await brief(slug);
      expect(status).toBe(200);
      expect(Object.keys(body)).toEqual(expect.arrayContaining(["issue", "clusters", "discrepancies", "framing", "timeline", "positions", "contrasts"]));
      expect(body.positions.length, `${slug}: actors`).toBeGreaterThanOrEqual(2);
      for (const position of body.positions) {
        expect(position.speaker.name.length).toBeGreaterThan(0);
        expect(position.claims.length).toBeGreaterThan(0);
        // Direct quotes come first, then reported speech.
        const kinds = position.claims.map((claim) => claim.kind);
        expect(kinds).toEqual([...kinds].sort((a, b) => (a === "quote" ? 0 : 1) - (b === "quote" ? 0 : 1)));
        for (const claim of position.claims) {
          expect(["quote", "reported"]).toContain(claim.kind);
          expect(claim.outlets.length).toBeGreaterThan(0);
          for (const outlet of claim.outlets) expect(outlet.name.length).toBeGreaterThan(0);
          const stored = await db.claim.findUniqueOrThrow({
            where: { id: claim.id },
            select: { text: true, issues: { select: { issue: { select: { slug: true } } } } },
          });
          expect(stored.text).toBe(claim.text);
          expect(stored.issues.map((link) => link.issue.slug)).toContain(slug);
        }
      }
      const ids = new Set(body.positions.flatMap((position) => position.claims.map((claim) => claim.id)));
      for (const contrast of body.contrasts) {
        expect(ids.has(contrast.a) && ids.has(contrast.b)).toBe(true);
        expect(contrast.why.length).toBeGreaterThan(0);
      }
      expect(body.framing.every((entry) => (entry.description ?? "").length > 0)).toBe(true);
      // A source that leaves something out is named by its label, also when it carries no position claim.
      const framingNames = new Map(body.framing.map((entry) => [entry.outlet.slug, entry.outlet.name]));
      for (const omission of body.omissions) {
        expect(omission.outlet.name, `${slug}: ${omission.outlet.slug}`).not.toMatch(/^article:/);
        if (framingNames.has(omission.outlet.slug)) expect(omission.outlet.name).toBe(framingNames.get(omission.outlet.slug));
      }
    }
    expect((await brief("donbas")).body.omissions.length).toBeGreaterThan(0);
  });

  it("narrows positions by speaker and kind", async () => {
    const { body: all } = await brief("donbas");
    const speaker = await db.speaker.findUniqueOrThrow({ where: { id: all.positions[0]!.speaker.id }, select: { slug: true } });
    const { body: one } = await brief("donbas", `?speaker=${speaker.slug}`);
    expect(one.positions.map((position) => position.speaker.id)).toEqual([all.positions[0]!.speaker.id]);
    const { body: quotes } = await brief("donbas", "?kind=reported");
    expect(quotes.positions.flatMap((position) => position.claims).every((claim) => claim.kind === "reported")).toBe(true);
  });

  it("builds a speaker's position from all their claims, the same as the analysis stored, also for an actor it did not keep", async () => {
    const { body: all } = await brief("donbas");
    expect(all.positions.length).toBeGreaterThanOrEqual(2);
    const setting = await db.appSetting.findUniqueOrThrow({ where: { key: POSITIONS_SETTING } });
    const stored = setting.value as unknown as StoredPositions;
    try {
      for (const position of all.positions) {
        const { slug } = await db.speaker.findUniqueOrThrow({ where: { id: position.speaker.id }, select: { slug: true } });
        const { body: one } = await brief("donbas", `?speaker=${slug}`);
        expect(one.positions, position.speaker.name).toEqual([position]);
      }
      // The analysis keeps its leading actors only: without the second one stored, asking for them still shows their position.
      const [, second] = all.positions;
      const { slug } = await db.speaker.findUniqueOrThrow({ where: { id: second!.speaker.id }, select: { slug: true } });
      const without = {
        issues: {
          ...stored.issues,
          donbas: { ...stored.issues.donbas!, positions: stored.issues.donbas!.positions.filter((p) => p.speaker.id !== second!.speaker.id) },
        },
      };
      await db.appSetting.update({ where: { key: POSITIONS_SETTING }, data: { value: without } });
      expect((await brief("donbas")).body.positions.map((p) => p.speaker.id)).not.toContain(second!.speaker.id);
      expect((await brief("donbas", `?speaker=${slug}`)).body.positions).toEqual([second]);
      // The other filters choose among all of the speaker's claims, and the counts are of those that match.
      const reported = (await brief("donbas", `?speaker=${slug}&kind=reported`)).body.positions;
      const expected = await db.claim.count({ where: { speakerId: second!.speaker.id, kind: "reported", issues: { some: { issue: { slug: "donbas" } } } } });
      if (expected === 0) expect(reported).toEqual([]);
      else {
        expect(reported).toHaveLength(1);
        expect(reported[0]!.claims.length).toBeGreaterThan(0);
        expect(reported[0]!.claims.every((claim) => claim.kind === "reported")).toBe(true);
      }
      expect((await brief("donbas", `?speaker=${slug}&from=2999-01-01`)).body.positions).toEqual([]);
    } finally {
      await db.appSetting.update({ where: { key: POSITIONS_SETTING }, data: { value: setting.value ?? {} } });
    }
  });

  it("keeps a dismissed contrast dismissed after the analysis runs again, and refuses unknown claims", async () => {
    const slug = (await Promise.all(SEED_ISSUES.map(async ({ slug: each }) => ({ slug: each, count: (await brief(each)).body.contrasts.length })))).find(
      (entry) => entry.count > 0,
    )?.slug;
    expect(slug, "a seed issue with a contrasting pair").toBeDefined();
    const before = (await brief(slug!)).body.contrasts;
    const [pair] = before;
    await dismissContrast(db, session.user!.id, { issue: slug!, a: pair!.a, b: pair!.b });
    const after = (await brief(slug!)).body.contrasts;
    expect(after.some((contrast) => contrast.a === pair!.a && contrast.b === pair!.b)).toBe(false);
    await refreshAnalysis(db);
    expect((await brief(slug!)).body.contrasts.some((contrast) => contrast.a === pair!.a && contrast.b === pair!.b)).toBe(false);
    await expect(dismissContrast(db, session.user!.id, { issue: slug!, a: pair!.a, b: "no-such-claim" })).rejects.toThrow(
      /No claim has the id “no-such-claim”/,
    );
    expect(await db.contrastDismissal.count()).toBe(1);
  });

  it("puts each actor's most reported claim on each issue in the dashboard's actors × issues view", async () => {
    const { actors } = await getDashboard(parseBriefFilters({}));
    expect(actors.actors.length).toBeGreaterThanOrEqual(2);
    expect(actors.issues.map((issue) => issue.slug)).toEqual(SEED_ISSUES.map((issue) => issue.slug));
    let cells = 0;
    for (const issue of actors.issues) {
      const { body } = await brief(issue.slug);
      for (const actor of actors.actors) {
        const cell = actors.cells[actor.id]?.[issue.slug];
        const position = body.positions.find((entry) => entry.speaker.id === actor.id);
        expect(Boolean(cell), `${actor.name} on ${issue.slug}`).toBe(Boolean(position));
        if (!cell || !position) continue;
        cells += 1;
        const widest = Math.max(...position.claims.map((claim) => claim.outlets.length));
        expect(cell.outlets.length).toBe(widest);
        expect(position.claims.map((claim) => claim.id)).toContain(cell.id);
      }
    }
    expect(cells).toBeGreaterThanOrEqual(actors.issues.length * 2);
  });

  it("answers 404 naming the slug for an unknown issue", async () => {
    const { status, body } = await brief("no-such-issue");
    expect(status).toBe(404);
    expect(JSON.stringify(body)).toMatch(/no-such-issue/);
  });
});
