import { NoteMarkdown } from "@/components/notes/note-markdown";
import { EditableNote, NewNoteForm } from "@/components/notes/note-forms";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { getMentionables, getNotes } from "@/lib/data/notes";
import type { NoteTargetType } from "@/lib/validations/notes";

export type NotesThreadProps = {
  /** A claim id, an article id, or an issue's id or slug. */
  target: { type: NoteTargetType; id: string };
  title?: string;
  /** The reader, when the page knows it without the session (a page served from the page cache); else the session's. */
  user?: CurrentUser;
};

const TIME = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/**
 * The notes on a claim, issue or article, server-rendered (Markdown with raw HTML off), with a form to
 * add one; authors (and admins) edit and delete their own. Mount it on any page of those targets.
 */
export async function NotesThread({ target, title = "Notes", user: reader }: NotesThreadProps) {
  const [user, notes, teammates] = await Promise.all([reader ?? getCurrentUser(), getNotes(target), getMentionables()]);
  const headingId = `notes-${target.type}-${target.id}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg border border-gray-200 bg-white p-4">
      <h2 id={headingId} className="font-semibold">
        {title} <span className="text-sm font-normal text-gray-500">({notes.length})</span>
      </h2>
      {notes.length === 0 ? <p className="text-sm text-gray-600">No notes yet.</p> : null}
      <ol className="space-y-3">
        {notes.map((note) => {
          const canEdit = Boolean(user && (user.id === note.author.id || user.role === "admin"));
          const body = <NoteMarkdown body={note.body} mentionables={teammates} />;
          return (
            <li key={note.id} className="rounded-md border border-gray-100 bg-gray-50 p-3" data-note-id={note.id}>
              <p className="mb-1 text-xs text-gray-600">
                <span className="font-medium text-gray-900">{note.author.name ?? note.author.email}</span> ·{" "}
                <time dateTime={note.createdAt.toISOString()}>{TIME.format(note.createdAt)} UTC</time>
                {note.editedAt ? (
                  <span title={`Edited ${TIME.format(note.editedAt)} UTC`} className="ml-1 italic">
                    (edited)
                  </span>
                ) : null}
              </p>
              {note.earlierVersion !== null ? (
                <p className="mb-1 text-xs text-amber-900">
                  <span className="rounded bg-amber-100 px-1.5 py-0.5 font-medium">On an earlier version (version {note.earlierVersion})</span>
                  {note.earlierClaimText ? <q className="ml-1 italic">{note.earlierClaimText}</q> : null}
                </p>
              ) : null}
              {canEdit ? (
                <EditableNote noteId={note.id} body={note.body} teammates={teammates}>
                  {body}
                </EditableNote>
              ) : (
                body
              )}
            </li>
          );
        })}
      </ol>
      {user ? <NewNoteForm target={target} teammates={teammates} /> : null}
    </section>
  );
}
