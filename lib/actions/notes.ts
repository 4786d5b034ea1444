"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { createNote, deleteNote, updateNote } from "@/lib/writes/notes";
import { newNoteSchema, noteEditSchema } from "@/lib/validations/notes";

const noteIdSchema = z.string().min(1, "Name the note.");

/** Adds a note to a claim, issue or article. Every logged-in teammate (viewers too) may write notes. */
export const createNoteAction = defineAction(
  {
    role: "viewer",
    schema: newNoteSchema,
    read: (formData) => ({ target: { type: formData.get("targetType"), id: formData.get("targetId") }, body: String(formData.get("body") ?? "") }),
    keep: ["body"],
  },
  async (input, user) => {
    const { path } = await createNote(db, user, input);
    revalidatePath(path);
    return { message: "Note added." };
  },
);

/** Edits a note: its author, or an admin. */
export const updateNoteAction = defineAction(
  { role: "viewer", schema: noteEditSchema.extend({ id: noteIdSchema }), keep: ["body"] },
  async ({ id, body }, user) => {
    const { path } = await updateNote(db, user, id, body);
    revalidatePath(path);
    return { message: "Note saved." };
  },
);

/** Deletes a note: its author, or an admin. */
export const deleteNoteAction = defineAction({ role: "viewer", schema: z.object({ id: noteIdSchema }) }, async ({ id }, user) => {
  const { path } = await deleteNote(db, user, id);
  revalidatePath(path);
  return { message: "Note deleted." };
});
