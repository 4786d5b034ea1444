import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";
import { createUser } from "@/lib/writes/users";
import { seededTestDb } from "./helpers";

/**
 * The authorization matrix: every route handler under app/api and every server action in lib/actions,
 * called as anonymous, viewer, editor and admin, is allowed or refused (401/403) as its row says. A
 * route or action without a row fails the test, so nothing new ships unchecked.
 */

type Who = "anonymous" | "viewer" | "editor" | "admin";
type SessionUser = { id: string; email: string; name: string | null; role: "viewer" | "editor" | "admin" };

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: <T>(fn: T) => fn }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`NEXT_REDIRECT ${url}`);
  },
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));
vi.mock("@/auth", () => ({
  auth: vi.fn(async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null)),
  signIn: vi.fn(),
  signOut: vi.fn(),
  handlers: { GET: vi.fn(), POST: vi.fn() },
}));

const ROOT = path.resolve(import.meta.dirname, "../..");
const RANK: Record<Who, number> = { anonymous: -1, viewer: 0, editor: 1, admin: 2 };

type Fixture = { claimId: string; articleId: string; issueSlug: string; clusterId: string; users: Record<Exclude<Who, "anonymous">, SessionUser> };
type Caller = { who: Who; user: SessionUser | null; fixture: Fixture };

/** A row: who may call it at least (or "public"), and how to call it as `caller`. */
type Row = { minimum: Exclude<Who, "anonymous"> | "public"; call?: (caller: Caller) => Promise<unknown> };

const BASE = "http://127.0.0.1:3000";

function request(method: string, pathname: string, body?: unknown): Request {
  return new Request(`${BASE}${pathname}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

async function noteOf(db: Db, caller: Caller): Promise<string> {
  const author = caller.user ?? caller.fixture.users.admin;
  const note = await db.note.create({
    data: { authorId: author.id, targetType: "claim", claimId: caller.fixture.claimId, body: "matrix" },
    select: { id: true },
  });
  return note.id;
}

let db: Db;

const ROUTES: Record<string, Row> = {
  "app/api/auth/[...nextauth]/route.ts GET": { minimum: "public" },
  "app/api/auth/[...nextauth]/route.ts POST": { minimum: "public" },
  "app/api/ping/route.ts GET": { minimum: "viewer", call: async () => (await import("@/app/api/ping/route")).GET(request("GET", "/api/ping")) },
  "app/api/speakers/route.ts GET": { minimum: "viewer", call: async () => (await import("@/app/api/speakers/route")).GET(request("GET", "/api/speakers?q=a")) },
  "app/api/analysis/route.ts GET": { minimum: "viewer", call: async () => (await import("@/app/api/analysis/route")).GET(request("GET", "/api/analysis")) },
  "app/api/articles/route.ts GET": { minimum: "viewer", call: async () => (await import("@/app/api/articles/route")).GET(request("GET", "/api/articles")) },
  "app/api/articles/route.ts POST": {
    minimum: "editor",
    call: async () => (await import("@/app/api/articles/route")).POST(request("POST", "/api/articles", { body: " " })),
  },
  "app/api/articles/[id]/route.ts GET": {
    minimum: "viewer",
    call: async ({ fixture }) =>
      (await import("@/app/api/articles/[id]/route")).GET(request("GET", `/api/articles/${fixture.articleId}`), params({ id: fixture.articleId })),
  },
  "app/api/articles/[id]/route.ts PATCH": {
    minimum: "editor",
    call: async ({ fixture }) =>
      (await import("@/app/api/articles/[id]/route")).PATCH(request("PATCH", `/api/articles/${fixture.articleId}`, {}), params({ id: fixture.articleId })),
  },
  "app/api/articles/[id]/text/route.ts PUT": {
    minimum: "editor",
    call: async ({ fixture }) =>
      (await import("@/app/api/articles/[id]/text/route")).PUT(
        request("PUT", `/api/articles/${fixture.articleId}/text`, { text: " " }),
        params({ id: fixture.articleId }),
      ),
  },
  "app/api/articles/[id]/refetch/route.ts POST": {
    minimum: "editor",
    call: async () => (await import("@/app/api/articles/[id]/refetch/route")).POST(request("POST", "/api/articles/none/refetch", {}), params({ id: "none" })),
  },
  "app/api/articles/[id]/versions/route.ts GET": {
    minimum: "viewer",
    call: async ({ fixture }) =>
      (await import("@/app/api/articles/[id]/versions/route")).GET(
        request("GET", `/api/articles/${fixture.articleId}/versions`),
        params({ id: fixture.articleId }),
      ),
  },
  "app/api/issues/[slug]/route.ts GET": {
    minimum: "viewer",
    call: async ({ fixture }) =>
      (await import("@/app/api/issues/[slug]/route")).GET(request("GET", `/api/issues/${fixture.issueSlug}`), params({ slug: fixture.issueSlug })),
  },
  "app/api/clusters/[id]/route.ts GET": {
    minimum: "viewer",
    call: async ({ fixture }) =>
      (await import("@/app/api/clusters/[id]/route")).GET(request("GET", `/api/clusters/${fixture.clusterId}`), params({ id: fixture.clusterId })),
  },
  "app/api/claims/route.ts GET": { minimum: "viewer", call: async () => (await import("@/app/api/claims/route")).GET(request("GET", "/api/claims?limit=2")) },
  "app/api/claims/changes/route.ts GET": {
    minimum: "viewer",
    call: async () => (await import("@/app/api/claims/changes/route")).GET(request("GET", "/api/claims/changes")),
  },
  "app/api/claims/[id]/route.ts GET": {
    minimum: "viewer",
    call: async ({ fixture }) =>
      (await import("@/app/api/claims/[id]/route")).GET(request("GET", `/api/claims/${fixture.claimId}`), params({ id: fixture.claimId })),
  },
  "app/api/claims/[id]/route.ts PATCH": {
    minimum: "editor",
    call: async ({ fixture }) => {
      const { version } = await db.claim.findUniqueOrThrow({ where: { id: fixture.claimId }, select: { version: true } });
      return (await import("@/app/api/claims/[id]/route")).PATCH(
        request("PATCH", `/api/claims/${fixture.claimId}`, { comment: "matrix", version }),
        params({ id: fixture.claimId }),
      );
    },
  },
  "app/api/notes/route.ts POST": {
    minimum: "viewer",
    call: async ({ fixture }) =>
      (await import("@/app/api/notes/route")).POST(request("POST", "/api/notes", { target: { type: "claim", id: fixture.claimId }, body: "matrix" })),
  },
  "app/api/notes/[id]/route.ts PATCH": {
    minimum: "viewer",
    call: async (caller) => {
      const id = await noteOf(db, caller);
      return (await import("@/app/api/notes/[id]/route")).PATCH(request("PATCH", `/api/notes/${id}`, { body: "edited" }), params({ id }));
    },
  },
  "app/api/share-links/route.ts POST": {
    minimum: "editor",
    call: async ({ fixture }) =>
      (await import("@/app/api/share-links/route")).POST(
        request("POST", "/api/share-links", { target: { type: "issue", slug: fixture.issueSlug }, expiresInDays: 1 }),
      ),
  },
  "app/api/share-links/route.ts GET": {
    minimum: "viewer",
    call: async () => (await import("@/app/api/share-links/route")).GET(request("GET", "/api/share-links")),
  },
  "app/api/share-links/[id]/route.ts DELETE": {
    minimum: "viewer",
    call: async () => (await import("@/app/api/share-links/[id]/route")).DELETE(request("DELETE", "/api/share-links/none"), params({ id: "none" })),
  },
  "app/api/jobs/[id]/route.ts GET": {
    minimum: "editor",
    call: async () => (await import("@/app/api/jobs/[id]/route")).GET(request("GET", "/api/jobs/none"), params({ id: "none" })),
  },
  "app/api/export/issues/[slug]/route.ts GET": {
    minimum: "viewer",
    call: async ({ fixture }) =>
      (await import("@/app/api/export/issues/[slug]/route")).GET(
        request("GET", `/api/export/issues/${fixture.issueSlug}.md`),
        params({ slug: `${fixture.issueSlug}.md` }),
      ),
  },
  "app/api/export/claims.csv/route.ts GET": {
    minimum: "viewer",
    call: async ({ fixture }) => {
      const response = await (await import("@/app/api/export/claims.csv/route")).GET(request("GET", `/api/export/claims.csv?issue=${fixture.issueSlug}`));
      if (response.ok) await response.text();
      return response;
    },
  },
  "app/api/export/claimreview.json/route.ts GET": {
    minimum: "viewer",
    call: async () => {
      const response = await (await import("@/app/api/export/claimreview.json/route")).GET(request("GET", "/api/export/claimreview.json"));
      if (response.ok) await response.text();
      return response;
    },
  },
  "app/api/notes/[id]/route.ts DELETE": {
    minimum: "viewer",
    call: async (caller) => {
      const id = await noteOf(db, caller);
      return (await import("@/app/api/notes/[id]/route")).DELETE(request("DELETE", `/api/notes/${id}`), params({ id }));
    },
  },
};

const ACTIONS: Record<string, Row> = {
  "lib/actions/auth.ts#login": { minimum: "public" },
  "lib/actions/auth.ts#logout": { minimum: "public" },
  "lib/actions/auth.ts#loginWithOidc": { minimum: "public" },
  "lib/actions/api-tokens.ts#createApiTokenAction": {
    minimum: "admin",
    call: async () => (await import("@/lib/actions/api-tokens")).createApiTokenAction({}, form({ name: "", userId: "" })),
  },
  "lib/actions/api-tokens.ts#revokeApiTokenAction": {
    minimum: "admin",
    call: async () => (await import("@/lib/actions/api-tokens")).revokeApiTokenAction({}, form({ id: "none" })),
  },
  "lib/actions/articles.ts#prepareArticles": {
    minimum: "editor",
    call: async () => (await import("@/lib/actions/articles")).prepareArticles({}, form({ mode: "paste", body: "" })),
  },
  "lib/actions/articles.ts#saveArticles": {
    minimum: "editor",
    call: async () => (await import("@/lib/actions/articles")).saveArticles({}, form({ drafts: "[]" })),
  },
  "lib/actions/article-metadata.ts#editArticleAction": {
    minimum: "editor",
    call: async ({ fixture }) =>
      (await import("@/lib/actions/article-metadata")).editArticleAction({}, form({ articleId: fixture.articleId, url: "not an address" })),
  },
  "lib/actions/article-metadata.ts#newVersionAction": {
    minimum: "editor",
    call: async ({ fixture }) => (await import("@/lib/actions/article-metadata")).newVersionAction({}, form({ articleId: fixture.articleId, text: " " })),
  },
  "lib/actions/article-metadata.ts#refetchArticleAction": {
    minimum: "editor",
    call: async () => (await import("@/lib/actions/article-metadata")).refetchArticleAction({}, form({ articleId: "none" })),
  },
  "lib/actions/outlets.ts#renameOutletAction": {
    minimum: "admin",
    call: async () => (await import("@/lib/actions/outlets")).renameOutletAction({}, form({ outletId: "none", name: "" })),
  },
  "lib/actions/outlets.ts#setOutletDomainAction": {
    minimum: "admin",
    call: async () => (await import("@/lib/actions/outlets")).setOutletDomainAction({}, form({ outletId: "none", domain: "not a domain" })),
  },
  "lib/actions/outlets.ts#mergeOutletsAction": {
    minimum: "admin",
    call: async () => (await import("@/lib/actions/outlets")).mergeOutletsAction({}, form({ outletId: "none", intoId: "none" })),
  },
  "lib/actions/issues.ts#saveIssue": { minimum: "admin", call: async () => (await import("@/lib/actions/issues")).saveIssue({}, form({ title: "" })) },
  "lib/actions/claims.ts#reviewClaimAction": {
    minimum: "editor",
    call: async ({ fixture }) => {
      const { version } = await db.claim.findUniqueOrThrow({ where: { id: fixture.claimId }, select: { version: true } });
      return (await import("@/lib/actions/claims")).reviewClaimAction({}, form({ claimId: fixture.claimId, version: String(version), comment: "matrix" }));
    },
  },
  "lib/actions/claims.ts#quickReviewAction": {
    minimum: "editor",
    call: async ({ fixture }) => {
      const { version } = await db.claim.findUniqueOrThrow({ where: { id: fixture.claimId }, select: { version: true } });
      return (await import("@/lib/actions/claims")).quickReviewAction({}, { claimId: fixture.claimId, version, status: "disputed" });
    },
  },
  "lib/actions/claims.ts#bulkStatusAction": {
    minimum: "editor",
    call: async ({ fixture }) => (await import("@/lib/actions/claims")).bulkStatusAction({}, form({ ids: [fixture.claimId], status: "confirmed" })),
  },
  "lib/actions/notes.ts#createNoteAction": {
    minimum: "viewer",
    call: async ({ fixture }) =>
      (await import("@/lib/actions/notes")).createNoteAction({}, form({ targetType: "claim", targetId: fixture.claimId, body: "matrix" })),
  },
  "lib/actions/notes.ts#updateNoteAction": {
    minimum: "viewer",
    call: async (caller) => (await import("@/lib/actions/notes")).updateNoteAction({}, form({ id: await noteOf(db, caller), body: "edited" })),
  },
  "lib/actions/notes.ts#deleteNoteAction": {
    minimum: "viewer",
    call: async (caller) => (await import("@/lib/actions/notes")).deleteNoteAction({}, form({ id: await noteOf(db, caller) })),
  },
  "lib/actions/positions.ts#dismissContrastAction": {
    minimum: "editor",
    call: async ({ fixture }) => (await import("@/lib/actions/positions")).dismissContrastAction({}, form({ issue: fixture.issueSlug, a: "none", b: "other" })),
  },
  "lib/actions/notifications.ts#markNotificationsReadAction": {
    minimum: "viewer",
    call: async () => (await import("@/lib/actions/notifications")).markNotificationsReadAction({}, form({})),
  },
  "lib/actions/share-links.ts#createShareLinkAction": {
    minimum: "editor",
    call: async ({ fixture }) => {
      const saved = process.env.APP_URL;
      process.env.APP_URL = BASE;
      try {
        return await (
          await import("@/lib/actions/share-links")
        ).createShareLinkAction({}, form({ targetType: "issue", target: fixture.issueSlug, expiresInDays: "1" }));
      } finally {
        if (saved === undefined) delete process.env.APP_URL;
        else process.env.APP_URL = saved;
      }
    },
  },
  "lib/actions/share-links.ts#revokeShareLinkAction": {
    minimum: "viewer",
    call: async () => (await import("@/lib/actions/share-links")).revokeShareLinkAction({}, form({ id: "none" })),
  },
  "lib/actions/share-links.ts#restoreShareLinkAction": {
    minimum: "viewer",
    call: async () => (await import("@/lib/actions/share-links")).restoreShareLinkAction({}, form({ id: "none" })),
  },
  "lib/actions/users.ts#createUserAction": {
    minimum: "admin",
    call: async () => (await import("@/lib/actions/users")).createUserAction({}, form({ email: "not-an-email" })),
  },
  "lib/actions/users.ts#changeRoleAction": {
    minimum: "admin",
    call: async ({ fixture }) => (await import("@/lib/actions/users")).changeRoleAction({}, form({ userId: fixture.users.viewer.id, role: "viewer" })),
  },
  "lib/actions/users.ts#setActiveAction": {
    minimum: "admin",
    call: async ({ fixture }) => (await import("@/lib/actions/users")).setActiveAction({}, form({ userId: fixture.users.viewer.id, isActive: "true" })),
  },
  "lib/actions/users.ts#resetPasswordAction": {
    minimum: "admin",
    call: async () => (await import("@/lib/actions/users")).resetPasswordAction({}, form({ userId: "no-such-user" })),
  },
};

function walk(directory: string, name: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return walk(full, name);
    return entry.name === name ? [full] : [];
  });
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** Exported HTTP methods of a route file, read from its text (`export async function GET`, `export const { GET, POST }`). */
function routeMethods(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const found = new Set<string>();
  for (const match of text.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+([A-Z]+)\b/g)) found.add(match[1]!);
  for (const match of text.matchAll(/export\s+const\s*\{([^}]+)\}/g)) for (const name of match[1]!.split(",")) found.add(name.trim());
  return [...found].filter((name) => METHODS.includes(name));
}

function actionNames(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/export\s+(?:async\s+function\s+(\w+)|const\s+(\w+)\s*=\s*defineAction\b)/g)].map((match) => (match[1] ?? match[2])!);
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

function isRefused(result: unknown, error: unknown): false | 401 | 403 {
  if (
    error &&
    typeof error === "object" &&
    "status" in error &&
    (error.status === 401 || error.status === 403) &&
    error.constructor.name === "AuthorizationError"
  ) {
    return error.status;
  }
  if (result instanceof Response) return result.status === 401 || result.status === 403 ? result.status : false;
  if (result && typeof result === "object" && "message" in result && typeof result.message === "string") {
    if (/^Log in to do this/.test(result.message)) return 401;
    if (/^This needs the \w+ role/.test(result.message)) return 403;
  }
  return false;
}

let fixture: Fixture;

beforeAll(async () => {
  db = await seededTestDb();
  const make = async (role: SessionUser["role"]) => {
    const user = await createUser(db, { email: `matrix-${role}@briefing.test`, name: `Matrix ${role}`, role, password: "a long enough password" });
    return { ...user, role };
  };
  const claim = await db.claim.findFirstOrThrow({ select: { id: true, articleId: true } });
  const issue = await db.issue.findFirstOrThrow({ select: { slug: true } });
  const cluster = await db.claimCluster.findFirstOrThrow({ select: { id: true } });
  fixture = {
    claimId: claim.id,
    articleId: claim.articleId,
    issueSlug: issue.slug,
    clusterId: cluster.id,
    users: { viewer: await make("viewer"), editor: await make("editor"), admin: await make("admin") },
  };
});
afterAll(async () => db?.$disconnect());

describe("authorization matrix", () => {
  it("has a row for every route handler under app/api", () => {
    const missing = walk(path.join(ROOT, "app/api"), "route.ts")
      .flatMap((file) => routeMethods(file).map((method) => `${relative(file)} ${method}`))
      .filter((key) => !ROUTES[key]);
    expect(missing, "add these to ROUTES in tests/integration/authorization.test.ts").toEqual([]);
  });

  it("has every server action defined through defineAction (one caller check, one input parse, one result shape)", () => {
    const bare = fs
      .readdirSync(path.join(ROOT, "lib/actions"))
      .map((name) => path.join(ROOT, "lib/actions", name))
      .filter((file) => file.endsWith(".ts") && fs.readFileSync(file, "utf8").startsWith('"use server"'))
      .flatMap((file) => [...fs.readFileSync(file, "utf8").matchAll(/export\s+async\s+function\s+(\w+)/g)].map((match) => `${relative(file)}#${match[1]}`));
    expect(bare, "wrap these in defineAction (lib/actions/define-action.ts)").toEqual([]);
  });

  it("has a row for every server action in lib/actions", () => {
    const missing = fs
      .readdirSync(path.join(ROOT, "lib/actions"))
      .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
      .map((name) => path.join(ROOT, "lib/actions", name))
      .filter((file) => fs.readFileSync(file, "utf8").startsWith('"use server"'))
      .flatMap((file) => actionNames(file).map((name) => `${relative(file)}#${name}`))
      .filter((key) => !ACTIONS[key]);
    expect(missing, "add these to ACTIONS in tests/integration/authorization.test.ts").toEqual([]);
  });

  const WHO: Who[] = ["anonymous", "viewer", "editor", "admin"];
  for (const [kind, rows] of [
    ["route", ROUTES],
    ["action", ACTIONS],
  ] as const) {
    for (const [key, row] of Object.entries(rows)) {
      if (row.minimum === "public" || !row.call) continue;
      const minimum = row.minimum;
      it(`${kind} ${key}: ${minimum} and above allowed, below refused`, async () => {
        for (const who of WHO) {
          const user = who === "anonymous" ? null : fixture.users[who];
          session.user = user;
          let result: unknown;
          let error: unknown;
          try {
            result = await row.call!({ who, user, fixture });
          } catch (caught) {
            error = caught;
          }
          const refused = isRefused(result, error);
          const expected = RANK[who] >= RANK[minimum] ? false : who === "anonymous" ? 401 : 403;
          expect(refused, `${who} calling ${key}${error ? ` threw ${String(error)}` : ""}`).toBe(expected);
        }
        session.user = null;
      });
    }
  }
});
