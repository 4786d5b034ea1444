import { NextResponse } from "next/server";
import { apiRoute, guardApi } from "@/lib/api/respond";
import { readJson } from "@/lib/api/read-json";
import { db } from "@/lib/db";
import { createNote } from "@/lib/writes/notes";
import { newNoteSchema } from "@/lib/validations/notes";

/** `POST /api/notes` `{target:{type:"claim"|"issue"|"article", id}, body}` → 201 with the note. */
export const POST = apiRoute(async (request: Request) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const body = await readJson(request, newNoteSchema);
  if (!body.ok) return body.response;
  const { note } = await createNote(db, guard.user, body.data);
  return NextResponse.json(note, { status: 201 });
});
