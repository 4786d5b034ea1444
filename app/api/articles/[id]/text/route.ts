import { NextResponse } from "next/server";
import { apiRoute, guardApi } from "@/lib/api/respond";
import { readJson } from "@/lib/api/read-json";
import { db } from "@/lib/db";
import { queueAnalysis } from "@/lib/analysis/run/job";
import { newArticleVersion } from "@/lib/writes/article-versions";
import { newVersionSchema } from "@/lib/validations/article";

/**
 * `PUT /api/articles/[id]/text` `{text}` → 200 `{id, version, claims: {updated, added, removed, kept}}`.
 * Editors only. The text becomes the article's next version (the current one is kept); claims are
 * derived again, keeping reviews, corrections and notes by fingerprint. 422 when the text is the same
 * as now, 409 when another article has it (`existingId`) or a newer text arrived meanwhile.
 */
export const PUT = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const guard = await guardApi(request, "editor");
  if (guard.response) return guard.response;
  const { id } = await params;
  const body = await readJson(request, newVersionSchema);
  if (!body.ok) return body.response;
  const result = await newArticleVersion(db, guard.user.id, id, body.data.text, { onAnalysisChange: queueAnalysis });
  return NextResponse.json({ id, ...result });
});
