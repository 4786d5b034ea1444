import { NextResponse } from "next/server";
import { z } from "zod";
import { readQuery } from "@/lib/api/read-json";
import { apiRoute, guardApi } from "@/lib/api/respond";
import { SPEAKER_SUGGESTIONS, suggestSpeakers } from "@/lib/data/speakers";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  q: z.string().max(200, "The search `q` can have at most 200 characters.").optional(),
  limit: z.coerce
    .number({ error: "`limit` is a whole number from 1 to 100." })
    .int("`limit` is a whole number from 1 to 100.")
    .min(1, "`limit` is a whole number from 1 to 100.")
    .max(100, "`limit` is a whole number from 1 to 100.")
    .optional(),
});

/**
 * `GET /api/speakers?q=&limit=` → `{items: [{id, slug, name}]}`: speakers whose name contains `q` (any
 * case), most claims first; without `q`, the most quoted. What the review queue's speaker field suggests.
 */
export const GET = apiRoute(async (request: Request) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const parsed = readQuery(request, (params) => querySchema.safeParse(Object.fromEntries(params)));
  if (!parsed.ok) return parsed.response;
  return NextResponse.json({ items: await suggestSpeakers(parsed.data.q, parsed.data.limit ?? SPEAKER_SUGGESTIONS) });
});
