import type { Span } from "./types";

/**
 * A double-quoted segment of one paragraph of the cleaned text. `start`/`end` include the quote
 * marks; `innerStart`/`innerEnd` are the quoted words. An unclosed segment runs to the end of its
 * paragraph; `continues` marks a paragraph that reopens a quotation left unclosed by the previous one.
 */
export type QuoteSpan = Span & {
  innerStart: number;
  innerEnd: number;
  paragraph: number;
  closed: boolean;
  continues: boolean;
};

type MarkClass = "curly" | "straight" | "guillemet";

const MARKS = /["“”„‟«»＂]/gu;
const OPEN_SIDE = /[\s([{—–\-/'‘]/u;
const CLOSE_SIDE = /[\s.,;:!?)\]}—–\-…'’]/u;

function markClass(ch: string): MarkClass {
  if (ch === "«" || ch === "»") return "guillemet";
  if (ch === '"' || ch === "＂") return "straight";
  return "curly";
}

type Flank = { left: boolean; right: boolean };

function flank(text: string, at: number, start: number, end: number): Flank {
  const prev = at > start ? (text[at - 1] as string) : " ";
  const next = at + 1 < end ? (text[at + 1] as string) : " ";
  const nextIsSpace = /\s/u.test(next);
  const prevIsSpace = /\s/u.test(prev);
  return {
    left: !nextIsSpace && (OPEN_SIDE.test(prev) || (/[.!?,;:]/u.test(prev) && /[\p{L}\p{N}]/u.test(next))),
    right: !prevIsSpace && CLOSE_SIDE.test(next),
  };
}

function canOpen(ch: string, f: Flank): boolean {
  if (ch === "«" || ch === "“" || ch === "„" || ch === "‟") return !(f.right && !f.left);
  if (ch === "»") return f.left && !f.right;
  if (ch === "”") return f.left && !f.right;
  return !(f.right && !f.left);
}

function canClose(ch: string, opener: string, f: Flank): boolean {
  if (ch === "»") return opener !== "»";
  if (ch === "«") return opener === "»";
  if (ch === "”") return true;
  if (ch === "“") return f.right && !f.left;
  return !(f.left && !f.right);
}

function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/u.test(text[end - 1] as string)) end--;
  return end;
}

/**
 * Finds the double-quoted segments of each paragraph: straight, curly and mismatched marks
 * (`”…"`), guillemets (either direction), quotes nested in another mark class, and quotations that
 * run on across paragraphs (each paragraph reopens with a mark; only the last one closes).
 * Single quotes are treated as text: they are quotes within quotes or headline style.
 */
export function findQuotes(text: string, paragraphs: readonly Span[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let previousUnclosed = false;
  paragraphs.forEach((para, paragraph) => {
    let open: { at: number; ch: string; cls: MarkClass } | null = null;
    let nested: MarkClass | null = null;
    let lastUnclosed = false;
    const firstMark = text.slice(para.start, para.end).search(/\S/u) + para.start;
    MARKS.lastIndex = para.start;
    for (let m = MARKS.exec(text); m && m.index < para.end; m = MARKS.exec(text)) {
      const at = m.index;
      const ch = m[0];
      const f = flank(text, at, para.start, para.end);
      if (!open) {
        if (canOpen(ch, f)) open = { at, ch, cls: markClass(ch) };
        continue;
      }
      const cls = markClass(ch);
      const leftOnly = f.left && !f.right;
      if (nested) {
        if (cls === nested && !leftOnly) nested = null;
        continue;
      }
      const compatible = open.cls === "guillemet" ? cls === "guillemet" : cls !== "guillemet";
      if (compatible && !leftOnly && canClose(ch, open.ch, f)) {
        if (at > open.at + 1) {
          out.push({
            start: open.at,
            end: at + 1,
            innerStart: open.at + 1,
            innerEnd: at,
            paragraph,
            closed: true,
            continues: previousUnclosed && open.at === firstMark,
          });
        }
        open = null;
      } else if (leftOnly) {
        nested = cls;
      }
    }
    if (open) {
      const end = trimmedEnd(text, open.at + 1, para.end);
      if (end > open.at + 1) {
        out.push({
          start: open.at,
          end,
          innerStart: open.at + 1,
          innerEnd: end,
          paragraph,
          closed: false,
          continues: previousUnclosed && open.at === firstMark,
        });
        lastUnclosed = true;
      }
    }
    previousUnclosed = lastUnclosed;
  });
  return out;
}
