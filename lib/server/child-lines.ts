import type { Readable } from "node:stream";

/**
 * Reads what a child process of ours writes on `stream`, one JSON value per line: `onMessage` gets each
 * line that parses, `onOther` each other non-empty line (a library's stray output), in order. A line may
 * arrive in several chunks, or several lines in one.
 */
export function readJsonLines(stream: Readable, onMessage: (message: unknown) => void, onOther: (text: string) => void = () => {}): void {
  let pending = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const text of lines) {
      if (!text.trim()) continue;
      let message: unknown;
      try {
        message = JSON.parse(text);
      } catch {
        onOther(text);
        continue;
      }
      onMessage(message);
    }
  });
}
