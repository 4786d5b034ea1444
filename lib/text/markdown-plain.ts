import { fromMarkdown } from "mdast-util-from-markdown";

type Node = { type: string; value?: string; alt?: string | null; children?: Node[] };

const BLOCKS = new Set(["paragraph", "heading", "blockquote", "list", "listItem", "code", "table", "tableRow", "tableCell", "thematicBreak"]);

function collect(node: Node, out: string[]): void {
  if (node.type === "html") return;
  if (node.type === "text" || node.type === "inlineCode" || node.type === "code") out.push(node.value ?? "");
  else if (node.type === "image") out.push(node.alt ?? "");
  else if (node.type === "break") out.push(" ");
  for (const child of node.children ?? []) collect(child, out);
  if (BLOCKS.has(node.type)) out.push(" ");
}

/**
 * A Markdown text as the words a reader sees, on one line: emphasis, links, headings, lists and code
 * marks gone, link text and image descriptions kept, raw HTML dropped. For previews (notifications),
 * where the Markdown itself would show as stray asterisks and brackets.
 * @see https://spec.commonmark.org/ (parsed by mdast-util-from-markdown, as the note renderer does)
 */
export function markdownToPlainText(markdown: string): string {
  const out: string[] = [];
  collect(fromMarkdown(markdown) as Node, out);
  return out.join("").replace(/\s+/g, " ").trim();
}
