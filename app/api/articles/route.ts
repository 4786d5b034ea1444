import { NextResponse } from "next/server";
import { apiError, guardApi } from "@/lib/api/respond";
import { listArticles } from "@/lib/data/articles";
import { db } from "@/lib/db";
import { decodeArticleFile, ImportError, type ImportedText } from "@/lib/import/files";
import { analyzeAfterResponse } from "@/lib/server/analysis-job";
import { IngestValidationError, ingestArticle, type IngestOutcome } from "@/lib/services/ingest";
import { MAX_ARTICLE_BYTES } from "@/lib/validations/article";

/** `GET /api/articles?limit=&cursor=&q=` → `{items, total, nextCursor}`. */
export async function GET(request: Request) {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const params = new URL(request.url).searchParams;
  const limit = Number(params.get("limit") ?? 50);
  const { items, total, nextCursor } = await listArticles({
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
    nextCursor: nextCursor ?? null,
  });
}

type Submission = { file?: string; input: ImportedText & { url?: string; force?: boolean } };

function outcomeResponse(outcome: IngestOutcome) {
  if (outcome.status === "stored") {
    return NextResponse.json({ id: outcome.id, claims: outcome.claims, ...(outcome.claimsOmitted > 0 ? { claimsOmitted: outcome.claimsOmitted } : {}) }, { status: 201 });
  }
  if (outcome.status === "duplicate") {
    return apiError(409, "duplicate", "This article is already stored.", { existingId: outcome.existingId });
  }
  return apiError(409, "near_duplicate", `This article is ${Math.round(outcome.similarity * 100)}% like one already stored; send "force": true to store it anyway.`, {
    existingId: outcome.existingId,
    similarity: outcome.similarity,
  });
}

async function readSubmissions(request: Request): Promise<Submission[]> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const form = await request.formData();
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" && value.trim() ? value : undefined;
    };
    const common = { title: field("title"), outlet: field("outlet"), url: field("url"), publishedAt: field("publishedAt"), force: field("force") === "true" };
    const files = form.getAll("files").concat(form.getAll("file")).filter((value): value is File => typeof value !== "string");
    if (files.length === 0) {
      return [{ input: { ...common, body: field("body") ?? "" } }];
    }
    return Promise.all(
      files.map(async (file) => {
        const imported = decodeArticleFile(file.name, new Uint8Array(await file.arrayBuffer()));
        return {
          file: file.name,
          input: { ...imported, ...Object.fromEntries(Object.entries(common).filter(([, value]) => value !== undefined)) },
        } as Submission;
      }),
    );
  }
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    throw new ImportError("The request body is not valid JSON.");
  }
  if (!json || typeof json !== "object") throw new ImportError("Send a JSON object: {\"body\": \"…\", \"title\"?, \"outlet\"?, \"url\"?, \"publishedAt\"?}.");
  return [{ input: json as Submission["input"] }];
}

/**
 * `POST /api/articles`: JSON `{body, title?, outlet?, url?, publishedAt?, force?}` or multipart with one
 * or more `files` (.txt, .md, .html). 201 `{id, claims}`; several files answer `{items:[…]}`.
 */
export async function POST(request: Request) {
  const guard = await guardApi(request, "editor");
  if (guard.response) return guard.response;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_ARTICLE_BYTES * 6) {
    return apiError(413, "too_large", "The request is over the size limit (2 MB per article).");
  }
  let submissions: Submission[];
  try {
    submissions = await readSubmissions(request);
  } catch (error) {
    if (error instanceof ImportError) {
      return apiError(/over the 2 MB limit/.test(error.message) ? 413 : 422, /over the 2 MB/.test(error.message) ? "too_large" : "invalid", error.message);
    }
    throw error;
  }
  const results = [];
  for (const submission of submissions) {
    try {
      const outcome = await ingestArticle(db, submission.input, { source: submission.file ? "upload" : "api", sourceFile: submission.file, userId: guard.user.id });
      if (outcome.status === "stored") analyzeAfterResponse();
      if (submissions.length === 1) return outcomeResponse(outcome);
      results.push({ file: submission.file, ...outcome });
    } catch (error) {
      if (!(error instanceof IngestValidationError)) throw error;
      const status = /size limit/.test(error.message) ? 413 : 422;
      if (submissions.length === 1) return apiError(status, status === 413 ? "too_large" : "invalid", error.message, { field: error.field });
      results.push({ file: submission.file, status: "error", message: error.message });
    }
  }
  return NextResponse.json({ items: results }, { status: results.every((result) => result.status === "stored") ? 201 : 200 });
}
