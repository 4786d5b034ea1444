"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAction } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createNote, deleteNote, NoteForbiddenError, NoteNotFoundError, updateNote } from "@/lib/services/notes";
import { newNoteSchema, noteEditSchema } from "@/lib/validations/notes";

export type NoteFormState = { status?: "ok" | "error"; message?: string; body?: string; savedAt?: number };

function failure(error: unknown, body?: string): NoteFormState {
  if (error instanceof NoteNotFoundError || error instanceof NoteForbiddenError) {
    return { status: "error", message: error.message, body };
  }
  throw error;
}

/** Adds a note to a claim, issue or article. Every logged-in teammate (viewers too) may write notes. */
export async function createNoteAction(_previous: NoteFormState, formData: FormData): Promise<NoteFormState> {
  const caller = await authorizeAction("viewer");
  if (!caller.user) return { status: "error", message: caller.denied };
  const user = caller.user;
  const body = String(formData.get("body") ?? "");
  const parsed = newNoteSchema.safeParse({ target: { type: formData.get("targetType"), id: formData.get("targetId") }, body });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message, body };
  let path: string;
  try {
    ({ path } = await createNote(db, user, parsed.data));
  } catch (error) {
    return failure(error, body);
  }
  revalidatePath(path);
  return { status: "ok", message: "Note added.", savedAt: Date.now() };
}

/** Edits a note: its author, or an admin. */
export async function updateNoteAction(_previous: NoteFormState, formData: FormData): Promise<NoteFormState> {
  const caller = await authorizeAction("viewer");
  if (!caller.user) return { status: "error", message: caller.denied };
  const user = caller.user;
  const body = String(formData.get("body") ?? "");
  const id = z.string().min(1).safeParse(formData.get("id"));
  const parsed = noteEditSchema.safeParse({ body });
  if (!id.success || !parsed.success) return { status: "error", message: parsed.error?.issues[0]?.message ?? "Name the note to edit.", body };
  let path: string;
  try {
    ({ path } = await updateNote(db, user, id.data, parsed.data.body));
  } catch (error) {
    return failure(error, body);
  }
  revalidatePath(path);
  return { status: "ok", message: "Note saved.", savedAt: Date.now() };
}

/** Deletes a note: its author, or an admin. */
export async function deleteNoteAction(_previous: NoteFormState, formData: FormData): Promise<NoteFormState> {
  const caller = await authorizeAction("viewer");
  if (!caller.user) return { status: "error", message: caller.denied };
  const user = caller.user;
  const id = z.string().min(1).safeParse(formData.get("id"));
  if (!id.success) return { status: "error", message: "Name the note to delete." };
  let path: string;
  try {
    ({ path } = await deleteNote(db, user, id.data));
  } catch (error) {
    return failure(error);
  }
  revalidatePath(path);
  return { status: "ok", message: "Note deleted." };
}
