import { NextResponse } from "next/server";
import { apiError, guardApi } from "@/lib/api/respond";
import { readJson } from "@/lib/api/read-json";
import { db } from "@/lib/db";
import { deleteNote, NoteForbiddenError, NoteNotFoundError, updateNote } from "@/lib/services/notes";
import { noteEditSchema } from "@/lib/validations/notes";

type Context = { params: Promise<{ id: string }> };

function noteError(error: unknown) {
  if (error instanceof NoteNotFoundError) return apiError(404, "not_found", error.message);
  if (error instanceof NoteForbiddenError) return apiError(403, "forbidden", error.message);
  throw error;
}

/** `PATCH /api/notes/[id]` `{body}`: the author or an admin edits a note. */
export async function PATCH(request: Request, { params }: Context) {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const { id } = await params;
  const body = await readJson(request, noteEditSchema);
  if (!body.ok) return body.response;
  try {
    const { note } = await updateNote(db, guard.user, id, body.data.body);
    return NextResponse.json(note);
  } catch (error) {
    return noteError(error);
  }
}

/** `DELETE /api/notes/[id]`: the author or an admin deletes a note; 204. */
export async function DELETE(request: Request, { params }: Context) {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const { id } = await params;
  try {
    await deleteNote(db, guard.user, id);
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return noteError(error);
  }
}
