import { NextResponse } from "next/server";
import { apiRoute, guardApi } from "@/lib/api/respond";
import { readJson } from "@/lib/api/read-json";
import { db } from "@/lib/db";
import { deleteNote, updateNote } from "@/lib/writes/notes";
import { noteEditSchema } from "@/lib/validations/notes";

type Context = { params: Promise<{ id: string }> };

/** `PATCH /api/notes/[id]` `{body}`: the author or an admin edits a note. */
export const PATCH = apiRoute(async (request: Request, { params }: Context) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const { id } = await params;
  const body = await readJson(request, noteEditSchema);
  if (!body.ok) return body.response;
  const { note } = await updateNote(db, guard.user, id, body.data.body);
  return NextResponse.json(note);
});

/** `DELETE /api/notes/[id]`: the author or an admin deletes a note; 204. */
export const DELETE = apiRoute(async (request: Request, { params }: Context) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const { id } = await params;
  await deleteNote(db, guard.user, id);
  return new NextResponse(null, { status: 204 });
});
