import { formatTime } from "@/lib/writes/review";
import { KIND_LABEL, STATUS_LABEL } from "@/lib/validations/claims";

export type AuditEvent = {
  id: string;
  field: string;
  from: unknown;
  to: unknown;
  comment: string | null;
  createdAt: Date;
  actor: { name: string | null; email: string } | null;
  names: Record<string, string>;
};

const FIELD_LABEL: Record<string, string> = {
  status: "Status",
  assignee: "Assignee",
  speakerId: "Speaker",
  kind: "Kind",
  issues: "Issues",
  span: "Span",
  comment: "Comment",
};

function show(field: string, value: unknown, names: Record<string, string>): string {
  if (value === null || value === undefined) return field === "assignee" ? "nobody" : "as derived";
  if (field === "status" && typeof value === "string") return STATUS_LABEL[value as keyof typeof STATUS_LABEL] ?? value;
  if (field === "kind" && typeof value === "string") return KIND_LABEL[value as keyof typeof KIND_LABEL] ?? value;
  if (typeof value === "string") return names[value] ?? value;
  if (Array.isArray(value)) return value.length > 0 ? value.join(", ") : "none";
  if (typeof value === "object") {
    const span = value as { start?: number | null; end?: number | null };
    return `${span.start ?? "…"}–${span.end ?? "…"}`;
  }
  return String(value);
}

export type AuditLogProps = { events: AuditEvent[] };

/** Every change to a claim's review, oldest first: who, when, from, to and the comment. */
export function AuditLog({ events }: AuditLogProps) {
  return (
    <section aria-labelledby="audit-title" className="rounded-lg border border-gray-200 bg-white p-4">
      <h2 id="audit-title" className="font-semibold">
        Audit log
      </h2>
      {events.length === 0 ? (
        <p className="mt-2 text-sm text-gray-600">No changes yet: this is what the pipeline derived.</p>
      ) : (
        <table className="data-table mt-2">
          <caption className="sr-only">Changes to this claim</caption>
          <thead className="uppercase tracking-wide">
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Field</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Comment</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td className="whitespace-nowrap">
                  <time dateTime={event.createdAt.toISOString()}>{formatTime(event.createdAt)}</time>
                </td>
                <td>{event.actor ? (event.actor.name ?? event.actor.email) : "A removed user"}</td>
                <td>{FIELD_LABEL[event.field] ?? event.field}</td>
                <td>{event.field === "comment" ? "" : show(event.field, event.from, event.names)}</td>
                <td>{event.field === "comment" ? "" : show(event.field, event.to, event.names)}</td>
                <td>{event.comment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
