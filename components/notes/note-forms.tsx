"use client";

import { useActionState, useState } from "react";
import { NoteEditor, type Mentionable } from "@/components/notes/note-editor";
import { Button } from "@/components/ui/button";
import { createNoteAction, deleteNoteAction, updateNoteAction } from "@/lib/actions/notes";
import type { ActionState } from "@/lib/errors";
import type { NoteTargetType } from "@/lib/validations/notes";

export type NewNoteFormProps = { target: { type: NoteTargetType; id: string }; teammates: Mentionable[] };

/** Adds a note; the editor is cleared after a save. */
export function NewNoteForm({ target, teammates }: NewNoteFormProps) {
  const [state, action, isPending] = useActionState(createNoteAction, {});
  return (
    <form action={action} className="space-y-2" aria-label="New note">
      <input type="hidden" name="targetType" value={target.type} />
      <input type="hidden" name="targetId" value={target.id} />
      <NoteEditor key={state.at ?? 0} name="body" label="Add a note" teammates={teammates} defaultValue={state.status === "error" ? state.values?.body : ""} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isPending}>
          Add note
        </Button>
        <p role="status" aria-live="polite" className={`text-sm ${state.status === "error" ? "text-red-700" : "text-gray-600"}`}>
          {state.message}
        </p>
      </div>
    </form>
  );
}

export type NoteActionsProps = { noteId: string; body: string; teammates: Mentionable[]; children: React.ReactNode };

/** A note's body with Edit and Delete for its author (or an admin). */
export function EditableNote({ noteId, body, teammates, children }: NoteActionsProps) {
  const [isEditing, setEditing] = useState(false);
  const [editState, editAction, isSaving] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await updateNoteAction(previous, formData);
    if (result.status === "ok") setEditing(false);
    return result;
  }, {});
  const [deleteState, deleteAction, isDeleting] = useActionState(deleteNoteAction, {});
  if (isEditing) {
    return (
      <form action={editAction} className="space-y-2" aria-label="Editing a note">
        <input type="hidden" name="id" value={noteId} />
        <NoteEditor name="body" label="Edit note" teammates={teammates} defaultValue={editState.status === "error" ? editState.values?.body : body} autoFocus />
        <div className="flex items-center gap-2">
          <Button type="submit" disabled={isSaving}>
            Save
          </Button>
          <Button type="button" variant="ghost" onClick={() => setEditing(false)}>
            Cancel
          </Button>
          <p role="status" aria-live="polite" className="text-sm text-red-700">
            {editState.status === "error" ? editState.message : null}
          </p>
        </div>
      </form>
    );
  }
  return (
    <div>
      {children}
      <div className="mt-2 flex items-center gap-2 text-xs">
        <button type="button" onClick={() => setEditing(true)} className="text-gray-700 underline-offset-2 hover:underline">
          Edit
        </button>
        <form
          action={deleteAction}
          onSubmit={(event) => {
            if (!window.confirm("Delete this note?")) event.preventDefault();
          }}
        >
          <input type="hidden" name="id" value={noteId} />
          <button type="submit" disabled={isDeleting} className="text-red-700 underline-offset-2 hover:underline">
            Delete
          </button>
        </form>
        {deleteState.status === "error" ? (
          <span role="alert" className="text-red-700">
            {deleteState.message}
          </span>
        ) : null}
      </div>
    </div>
  );
}
