import { NextResponse } from "next/server";
import { apiError, apiRoute, guardApi } from "@/lib/api/respond";
import { listArticles } from "@/lib/data/articles";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decodeArticleFile, type ImportedText } from "@/lib/import/files";
import { importFromUrl } from "@/lib/import/url";
import { afterArticlesStored, ingestBatchAndWait, requestIngestBatch } from "@/lib/analysis/run/job";
import { IngestValidationError, ingestArticle, type IngestOutcome } from "@/lib/writes/ingest";
import { MAX_ARTICLE_BYTES } from "@/lib/validations/article";

/** `GET /api/articles?limit=&cursor=&q=` → `{items, total, totalIsCapped, nextCursor}` (`total` exact up to 10,000; beyond, 10,000 with `totalIsCapped`). */
export const GET = apiRoute(async (request: Request) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const params = new URL(request.url).searchParams;
  const limit = Number(params.get("limit") ?? 50);
  const { items, total, isTotalCapped, nextCursor } = await listArticles({
    limit: Number.isFinite(limit) ? limit : 50,
    cursor: params.get("cursor") ?? undefined,
    query: params.get("q") ?? undefined,
  });
  return NextResponse.json({
    items: items.map((item) => ({
      id: item.id,
      title: item.title,
      label: item.label,
      outlet: item.outlet ? { slug: item.outlet.slug, name: item.outlet.name } : null,
      url: item.url,
      publishedAt: item.publishedAt?.toISOString() ?? null,
      byline: item.byline,
      charCount: item.charCount,
      wordCount: item.wordCount,
      claimCount: item.claimCount,
      source: item.source,
      ingestedAt: item.ingestedAt.toISOString(),
    })),
    total,
    totalIsCapped: isTotalCapped,
    nextCursor: nextCursor ?? null,
  });
});

/** Up to this many files are stored while the request waits (201/200 with per-file results); more become a job (202). */
export const INLINE_FILES = 10;
/** How long a large upload's request waits for its job before answering 202 with the job instead. */
const BATCH_WAIT_MS = 60_000;

type Submission = { file?: string; source: "api" | "upload" | "url"; input: ImportedText & { url?: string; force?: boolean } };

function outcomeResponse(outcome: IngestOutcome) {
  if (outcome.status === "stored") {
    return NextResponse.json(
      { id: outcome.id, claims: outcome.claims, ...(outcome.claimsOmitted > 0 ? { claimsOmitted: outcome.claimsOmitted } : {}) },
      { status: 201 },
    );
  }
  if (outcome.status === "duplicate") {
    return apiError("duplicate", "This article is already stored.", { existingId: outcome.existingId });
  }
  return apiError(
    "near_duplicate",
    `This article is ${Math.round(outcome.similarity * 100)}% like one already stored; send "force": true to store it anyway.`,
    {
      existingId: outcome.existingId,
      similarity: outcome.similarity,
    },
  );
}

async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new AppError(
      "bad_request",
      "The multipart body could not be read (no boundary, or cut short); send it again as multipart/form-data with its boundary.",
    );
  }
}

async function readSubmissions(request: Request): Promise<Submission[]> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const form = await readForm(request);
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" && value.trim() ? value : undefined;
    };
    const common = { title: field("title"), outlet: field("outlet"), url: field("url"), publishedAt: field("publishedAt"), force: field("force") === "true" };
    const files = form
      .getAll("files")
      .concat(form.getAll("file"))
      .filter((value): value is File => typeof value !== "string");
    if (files.length === 0) {
      return [{ source: "api", input: { ...common, body: typeof form.get("body") === "string" ? String(form.get("body")) : "" } }];
    }
    return Promise.all(
      files.map(async (file) => {
        const imported = decodeArticleFile(file.name, new Uint8Array(await file.arrayBuffer()));
        return {
          file: file.name,
          source: "upload",
          input: { ...imported, ...Object.fromEntries(Object.entries(common).filter(([, value]) => value !== undefined)) },
        } as Submission;
      }),
    );
  }
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) {
    throw new AppError("invalid", 'Send a JSON object: {"body": "…", "title"?, "outlet"?, "url"?, "publishedAt"?}, or {"url": "https://…"} to import a page.');
  }
  const input = json as Record<string, unknown>;
  if (!("body" in input) && typeof input.url === "string") {
    const imported = await importFromUrl(input.url);
    const given = Object.fromEntries(Object.entries(input).filter(([key, value]) => key !== "url" && value !== undefined && value !== null && value !== ""));
    return [{ source: "url", input: { ...imported, ...given } }];
  }
  return [{ source: "api", input: input as Submission["input"] }];
}

/**
 * `POST /api/articles`: JSON `{body, title?, outlet?, url?, publishedAt?, force?}`, JSON `{url}` without
 * `body` (the page at `url` is imported as the form does; a private or unreachable address is 422
 * `url_not_allowed`, a page that answers an error 502 `upstream_error`, one that does not arrive in time
 * 504 `upstream_timeout`), or multipart with one or more `files` (.txt, .md, .html). 201 `{id, claims}`;
 * several files answer `{items:[…]}`. More than {@link INLINE_FILES} files are stored by a background job,
 * which the request waits for (up to {@link BATCH_WAIT_MS}) to answer the same way; with `Prefer:
 * respond-async`, or when the wait runs out, the answer is 202 `{job: {id, state: "queued", url}}`, whose
 * `url` (`GET /api/jobs/[id]`) reports its progress and then the same per-file results.
 */
export const POST = apiRoute(async (request: Request) => {
  const guard = await guardApi(request, "editor");
  if (guard.response) return guard.response;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_ARTICLE_BYTES * 6) {
    return apiError("too_large", "The request is over the size limit (2 MB per article).");
  }
  const submissions = await readSubmissions(request);
  if (submissions.length > INLINE_FILES) {
    const items = submissions.map((submission) => ({ input: submission.input, sourceFile: submission.file }));
    const queued = (id: string) => NextResponse.json({ job: { id, state: "queued", url: `/api/jobs/${id}` } }, { status: 202 });
    // RFC 7240: a client that prefers not to wait gets the job at once; otherwise the answer is the usual one.
    if (/\brespond-async\b/i.test(request.headers.get("prefer") ?? "")) return queued(await requestIngestBatch(items, guard.user.id));
    const { id, results } = await ingestBatchAndWait(items, guard.user.id, BATCH_WAIT_MS);
    if (!results) return queued(id);
    return NextResponse.json({ items: results }, { status: results.every((result) => result.status === "stored") ? 201 : 200 });
  }
  const results = [];
  const stored: string[] = [];
  for (const submission of submissions) {
    try {
      const outcome = await ingestArticle(db, submission.input, { source: submission.source, sourceFile: submission.file, userId: guard.user.id });
      if (outcome.status === "stored") stored.push(outcome.id);
      if (submissions.length === 1) {
        await afterArticlesStored(stored);
        return outcomeResponse(outcome);
      }
      results.push({ file: submission.file, ...outcome });
    } catch (error) {
      if (!(error instanceof IngestValidationError) || submissions.length === 1) throw error;
      results.push({ file: submission.file, status: "error", message: error.message });
    }
  }
  await afterArticlesStored(stored);
  return NextResponse.json({ items: results }, { status: results.every((result) => result.status === "stored") ? 201 : 200 });
});
