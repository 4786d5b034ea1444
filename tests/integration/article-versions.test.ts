import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getArticle } from "@/app/api/articles/[id]/route";
import { PUT } from "@/app/api/articles/[id]/text/route";
import { GET as getVersions } from "@/app/api/articles/[id]/versions/route";
import type { Db } from "@/lib/db";
import { createApiToken } from "@/lib/writes/api-tokens";
import { createNote } from "@/lib/writes/notes";
import { updateClaim } from "@/lib/writes/review";
import { createUser } from "@/lib/writes/users";
import { seededTestDb } from "./helpers";

const analysis = vi.hoisted(() => ({ requested: 0 }));

vi.mock("server-only", () => ({}));
// Requests carry an API token; there is no session.
vi.mock("@/auth", () => ({ auth: async () => null }));
vi.mock("@/lib/analysis/run/job", () => ({ queueAnalysis: () => (analysis.requested += 1) }));

let db: Db;
let editor: { id: string; email: string; name: string | null; role: "editor" };
let editorToken: string;
let viewerToken: string;

beforeAll(async () => {
  db = await seededTestDb();
  editor = {
    ...(await createUser(db, { email: "versions-editor@briefing.test", name: "Vera Versions", role: "editor", password: "a long enough password" })),
    role: "editor",
  };
  const viewer = await createUser(db, { email: "versions-viewer@briefing.test", name: "Vic Viewer", role: "viewer", password: "a long enough password" });
  editorToken = (await createApiToken(db, editor.id, "versions test")).token;
  viewerToken = (await createApiToken(db, viewer.id, "versions test")).token;
});
afterAll(async () => db.$disconnect());

const put = (id: string, body: unknown, token?: string) =>
  PUT(
    new Request(`http://127.0.0.1/api/articles/${id}/text`, {
      method: "PUT",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) },
  );
const get = (path: string) => new Request(`http://127.0.0.1${path}`, { headers: { authorization: `Bearer ${viewerToken}` } });

const UPDATE_NOTE = "Editor's update: this story was revised after publication with further reporting.";

describe("a newer text of an article", () => {
  it("becomes version 2; a kept claim keeps its review, correction (moved with the text) and note; a gone claim's note stays on the article", async () => {
    const article = await db.article.findFirstOrThrow({ where: { sourceFile: "001_21be471139b793da.txt" }, select: { id: true, originalText: true } });
    const text = article.originalText;
    const breaks = [...text.matchAll(/\n+/g)].map((match) => match.index + match[0].length);
    const lastParagraph = breaks.at(-1)!;
    const claims = await db.claim.findMany({
      where: { articleId: article.id },
      orderBy: { start: "asc" },
      select: { id: true, version: true, start: true, end: true, text: true, speakerId: true },
    });
    const kept = claims.find((claim) => claim.speakerId && claim.end < lastParagraph && claim.start > 0)!;
    const gone = claims.find((claim) => claim.start >= lastParagraph)!;
    expect(kept).toBeDefined();
    expect(gone).toBeDefined();

    await updateClaim(db, editor, kept.id, { status: "confirmed", corrections: { end: kept.end - 1 }, version: kept.version });
    await createNote(db, editor, { target: { type: "claim", id: kept.id }, body: "Checked against the recording." });
    await updateClaim(db, editor, gone.id, { status: "disputed", version: gone.version });
    await createNote(db, editor, { target: { type: "claim", id: gone.id }, body: "The figure here looks wrong." });

    const newText = `${UPDATE_NOTE}\n${text.slice(0, lastParagraph).trimEnd()}\n`;
    const shift = UPDATE_NOTE.length + 1;
    const before = analysis.requested;
    const response = await put(article.id, { text: newText }, editorToken);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: article.id, version: 2 });
    expect(analysis.requested).toBe(before + 1);

    const stored = await db.claim.findUniqueOrThrow({
      where: { id: kept.id },
      select: { status: true, start: true, end: true, text: true, pipelineEnd: true, corrections: true, _count: { select: { notes: true } } },
    });
    expect(stored).toMatchObject({
      status: "confirmed",
      start: kept.start + shift,
      end: kept.end - 1 + shift,
      pipelineEnd: kept.end + shift,
      corrections: { end: kept.end - 1 + shift },
    });
    expect(stored.text).toBe(newText.slice(kept.start + shift, kept.end - 1 + shift));
    expect(stored._count.notes).toBe(1);

    expect(await db.claim.findUnique({ where: { id: gone.id } })).toBeNull();
    const moved = await db.note.findMany({
      where: { articleId: article.id, earlierVersion: 1 },
      orderBy: { createdAt: "asc" },
      select: { body: true, targetType: true, earlierClaimText: true },
    });
    expect(moved).toEqual([
      { body: "The figure here looks wrong.", targetType: "article", earlierClaimText: gone.text },
      { body: "This claim was disputed on version 1; the newer text no longer has it.", targetType: "article", earlierClaimText: gone.text },
    ]);

    const versions = (await (await getVersions(get(`/api/articles/${article.id}/versions`), { params: Promise.resolve({ id: article.id }) })).json()) as {
      items: { number: number; current: boolean; text: string; replacedBy: string | null }[];
      total: number;
    };
    expect(versions.total).toBe(2);
    expect(versions.items.map((item) => [item.number, item.current, item.text])).toEqual([
      [2, true, newText],
      [1, false, text],
    ]);
    expect(versions.items[1]!.replacedBy).toBe("Vera Versions");
    const current = (await (await getArticle(get(`/api/articles/${article.id}`), { params: Promise.resolve({ id: article.id }) })).json()) as {
      version: number;
      text: string;
    };
    expect(current).toMatchObject({ version: 2, text: newText });
  });

  it("refuses anonymous callers, viewers, the same text, an empty text and another article's text", async () => {
    const [one, other] = await db.article.findMany({ orderBy: { id: "asc" }, take: 2, select: { id: true, originalText: true, version: true } });
    expect((await put(one!.id, { text: "A new text." })).status).toBe(401);
    expect((await put(one!.id, { text: "A new text." }, viewerToken)).status).toBe(403);
    const problem = async (body: unknown) => {
      const response = await put(one!.id, body, editorToken);
      return { status: response.status, body: (await response.json()) as { error: { code: string; message: string; existingId?: string } } };
    };
    expect(await problem({ text: one!.originalText })).toMatchObject({ status: 422, body: { error: { message: expect.stringMatching(/^text is the same/) } } });
    expect(await problem({ text: "   " })).toMatchObject({ status: 422, body: { error: { message: expect.stringMatching(/text is empty/) } } });
    expect(await problem({ body: "wrong field" })).toMatchObject({ status: 422, body: { error: { message: expect.stringMatching(/text/) } } });
    expect(await problem({ text: other!.originalText })).toMatchObject({ status: 409, body: { error: { code: "duplicate", existingId: other!.id } } });
    expect((await put("no-such-article", { text: "A new text." }, editorToken)).status).toBe(404);
    expect((await db.article.findUniqueOrThrow({ where: { id: one!.id }, select: { version: true } })).version).toBe(one!.version);
  });
});
