import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getClaim, PATCH } from "@/app/api/claims/[id]/route";
import { GET as listClaims } from "@/app/api/claims/route";
import type { Db } from "@/lib/db";
import { createUser } from "@/lib/writes/users";
import { seededTestDb } from "./helpers";

const session = vi.hoisted(() => ({ user: null as { id: string; email: string; name: string | null; role: "viewer" | "editor" | "admin" } | null }));

vi.mock("server-only", () => ({}));
vi.mock("@/auth", () => ({ auth: vi.fn(async () => (session.user ? { user: session.user } : null)) }));

let db: Db;

beforeAll(async () => {
  db = await seededTestDb();
  const user = await createUser(db, { email: "api-editor@briefing.test", name: "Api Editor", role: "editor", password: "a long enough password" });
  session.user = { ...user, role: "editor" };
});
afterAll(async () => db.$disconnect());

const url = (path: string) => `http://127.0.0.1${path}`;
const patch = (id: string, body: unknown) =>
  PATCH(new Request(url(`/api/claims/${id}`), { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), {
    params: Promise.resolve({ id }),
  });

describe("claims API", () => {
  it("PATCH returns the claim with its new version, and 409 with the current state on a stale version", async () => {
    const claim = await db.claim.findFirstOrThrow({ select: { id: true, version: true } });
    const ok = await patch(claim.id, { status: "confirmed", comment: "Checked", version: claim.version });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { version: number; status: string };
    expect(body).toMatchObject({ version: claim.version + 1, status: "confirmed" });

    const stale = await patch(claim.id, { status: "false", version: claim.version });
    expect(stale.status).toBe(409);
    const error = (await stale.json()) as { error: { code: string; message: string; current: { status: string; version: number } } };
    expect(error.error.code).toBe("conflict");
    expect(error.error.message).toMatch(/changed by Api Editor at /);
    expect(error.error.current).toMatchObject({ status: "confirmed", version: claim.version + 1 });

    const fetched = await getClaim(new Request(url(`/api/claims/${claim.id}`)), { params: Promise.resolve({ id: claim.id }) });
    expect(((await fetched.json()) as { version: number }).version).toBe(claim.version + 1);
  });

  it("answers 400, 422 and 404 with the error shape", async () => {
    const claim = await db.claim.findFirstOrThrow({ select: { id: true, version: true } });
    const bad = await PATCH(new Request(url(`/api/claims/${claim.id}`), { method: "PATCH", headers: { "content-type": "application/json" }, body: "{" }), {
      params: Promise.resolve({ id: claim.id }),
    });
    expect(bad.status).toBe(400);
    const invalid = await patch(claim.id, { status: "maybe", version: claim.version });
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { error: { code: string; message: string } }).error.message).toMatch(/status/);
    const missingVersion = await patch(claim.id, { status: "confirmed" });
    expect(missingVersion.status).toBe(422);
    const missing = await patch("no-such-claim", { status: "confirmed", version: 1 });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("lists claims lowest confidence first with filters and a keyset cursor that visits each claim once", async () => {
    const total = await db.claim.count({ where: { kind: "quote" } });
    const seen: string[] = [];
    let cursor: string | null = null;
    let previous = -1;
    do {
      const response = await listClaims(new Request(url(`/api/claims?kind=quote&limit=7${cursor ? `&cursor=${cursor}` : ""}`)));
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: { id: string; confidence: number; kind: string }[]; total: number; nextCursor: string | null };
      expect(page.total).toBe(total);
      for (const item of page.items) {
        expect(item.kind).toBe("quote");
        expect(item.confidence).toBeGreaterThanOrEqual(previous);
        previous = item.confidence;
        seen.push(item.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);

    const invalid = await listClaims(new Request(url("/api/claims?minConfidence=7")));
    expect(invalid.status).toBe(400);
  });

  it("pages newest first and highest confidence first with the cursor too, each claim once and in order", async () => {
    const total = await db.claim.count({ where: { kind: "quote" } });
    for (const sort of ["-createdAt", "-confidence"] as const) {
      const seen: { id: string; key: number }[] = [];
      let cursor: string | null = null;
      do {
        const response = await listClaims(new Request(url(`/api/claims?kind=quote&sort=${sort}&limit=7${cursor ? `&cursor=${cursor}` : ""}`)));
        expect(response.status).toBe(200);
        const page = (await response.json()) as { items: { id: string; confidence: number; createdAt?: string }[]; nextCursor: string | null };
        const stored = new Map(
          (await db.claim.findMany({ where: { id: { in: page.items.map((item) => item.id) } }, select: { id: true, createdAt: true } })).map((row) => [
            row.id,
            row.createdAt.getTime(),
          ]),
        );
        for (const item of page.items) seen.push({ id: item.id, key: sort === "-createdAt" ? stored.get(item.id)! : item.confidence });
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen.map((row) => row.id)).size, sort).toBe(total);
      expect(seen, sort).toHaveLength(total);
      // Descending by the sort's value, ties by id descending.
      for (let i = 1; i < seen.length; i += 1) {
        const [a, b] = [seen[i - 1]!, seen[i]!];
        expect(a.key > b.key || (a.key === b.key && a.id > b.id), `${sort} at ${i}`).toBe(true);
      }
    }
  });
});
