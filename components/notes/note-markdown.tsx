import Markdown from "react-markdown";
import { MENTION_PATTERN } from "@/lib/validations/notes";

const SAFE_PROTOCOL = /^(https?:|mailto:)/i;

/** Only http(s) and mailto links survive; anything else (javascript:, data:, relative) becomes plain text. */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  return SAFE_PROTOCOL.test(trimmed) ? trimmed : "";
}

/** A teammate who can be mentioned: `@handle` in a note stands for them. */
export type Mentionable = { handle: string; name: string };

export type NoteMarkdownProps = { body: string; mentionables?: readonly Mentionable[] };

/** The few fields of a Markdown syntax tree node that the mention pass reads and writes. */
type MdNode = { type: string; value?: string; children?: MdNode[]; data?: { hName: string; hProperties: Record<string, unknown> } };

/** Splits a text node's value into text and a `mention` node (rendered as `<span class="mention">`) per known `@handle`. */
function splitMentions(value: string, names: ReadonlyMap<string, string>): MdNode[] {
  const nodes: MdNode[] = [];
  let last = 0;
  for (const match of value.matchAll(MENTION_PATTERN)) {
    const handle = match[2]!;
    const name = names.get(handle.toLowerCase());
    if (!name) continue;
    const start = match.index + match[1]!.length;
    if (start > last) nodes.push({ type: "text", value: value.slice(last, start) });
    nodes.push({
      type: "mention",
      data: { hName: "span", hProperties: { className: ["mention"], title: name } },
      children: [{ type: "text", value: `@${handle}` }],
    });
    last = start + 1 + handle.length;
  }
  if (nodes.length === 0) return [{ type: "text", value }];
  if (last < value.length) nodes.push({ type: "text", value: value.slice(last) });
  return nodes;
}

/** A remark plugin marking the `@handle`s of teammates in the note's text (not in code, nor inside a link's text). */
function remarkMentions(names: ReadonlyMap<string, string>) {
  const mark = (node: MdNode) => {
    if (!node.children || node.type === "link" || node.type === "linkReference") return;
    node.children = node.children.flatMap((child) => {
      if (child.type === "text" && child.value) return splitMentions(child.value, names);
      mark(child);
      return [child];
    });
  };
  return () => mark;
}

/**
 * A note's Markdown, rendered with raw HTML off: HTML in a note shows as the text it is, links are
 * limited to http(s) and mailto, and images show as their alt text (no remote loads from a note).
 * Mentions of `mentionables` are marked, with the teammate's name as their title.
 */
export function NoteMarkdown({ body, mentionables = [] }: NoteMarkdownProps) {
  const names = new Map(mentionables.map((person) => [person.handle.toLowerCase(), person.name]));
  return (
    <div className="note-body space-y-2 text-sm leading-relaxed [&_a]:text-accent [&_a]:underline [&_code]:rounded [&_code]:bg-gray-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5 [&_blockquote]:border-l-2 [&_blockquote]:pl-3 [&_blockquote]:text-gray-600 [&_.mention]:rounded [&_.mention]:bg-blue-50 [&_.mention]:px-0.5 [&_.mention]:font-medium [&_.mention]:text-blue-800">
      <Markdown
        urlTransform={safeUrl}
        remarkPlugins={names.size > 0 ? [remarkMentions(names)] : []}
        components={{
          a: ({ href, children }) =>
            href ? (
              <a href={href} rel="nofollow noopener noreferrer" target="_blank">
                {children}
              </a>
            ) : (
              <span>{children}</span>
            ),
          img: ({ alt }) => <span className="text-gray-600">[image{alt ? `: ${alt}` : ""}]</span>,
        }}
      >
        {body}
      </Markdown>
    </div>
  );
}
