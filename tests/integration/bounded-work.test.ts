import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/articles/route";
import type { Db } from "@/lib/db";
import { MAX_ARTICLE_CLAIMS, MAX_ARTICLE_SENTENCES } from "@/lib/nlp/limits";
import { refreshAnalysis } from "@/lib/analysis/run/refresh";
import { ingestArticle } from "@/lib/writes/ingest";
import { longArticle } from "@/tests/fixtures/long-article";
import { seededTestDb, signInAs, type SessionUser } from "./helpers";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));

vi.mock("server-only", () => ({}));
vi.mock("@/auth", () => ({ auth: vi.fn(async () => (session.user ? { user: session.user } : null)) }));

let db: Db;

beforeAll(async () => {
  db = await seededTestDb();
  await signInAs(db, session, "bounded-editor@briefing.test", "editor");
});
afterAll(async () => db.$disconnect());

describe("bounded work per article", () => {
  it(`refuses an article of more than ${MAX_ARTICLE_SENTENCES} sentences with a 413 naming the limit, storing nothing`, async () => {
    const before = await db.article.count();
    const body = longArticle(MAX_ARTICLE_SENTENCES + 300, 3);
    const response = await POST(
      new Request("http://127.0.0.1/api/articles", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ body, outlet: "Long Wire" }),
      }),
    );
    expect(response.status).toBe(413);
    const error = (await response.json()) as { error: { code: string; message: string; field: string } };
    expect(error.error.code).toBe("too_large");
    expect(error.error.field).toBe("body");
    expect(error.error.message).toMatch(/over the size limit of 5,000 sentences per article: split the text into several articles/);
    expect(await db.article.count()).toBe(before);
  });

  it(`stores a long article with at most ${MAX_ARTICLE_CLAIMS} claims, says how many it left out, and the analysis takes it in`, async () => {
    const outcome = await ingestArticle(db, { body: longArticle(4_000, 5), outlet: "Long Wire", title: "A very long report" }, { source: "api" });
    expect(outcome.status).toBe("stored");
    if (outcome.status !== "stored") return;
    expect(outcome.claims).toBeLessThanOrEqual(MAX_ARTICLE_CLAIMS);
    expect(outcome.claims).toBeGreaterThan(MAX_ARTICLE_CLAIMS - 50);
    expect(outcome.claimsOmitted).toBeGreaterThan(1_000);
    expect(await db.claim.count({ where: { articleId: outcome.id } })).toBe(outcome.claims);
    expect(await db.sentence.count({ where: { articleId: outcome.id } })).toBeGreaterThan(3_900);

    const summary = await refreshAnalysis(db);
    expect(summary.counts.articles).toBe(await db.article.count());
    expect(summary.counts.claims).toBe(await db.claim.count({ where: { status: { not: "not_a_claim" } } }));
    expect(summary.sources.some((source) => source.name === "Long Wire")).toBe(true);
  });
});
