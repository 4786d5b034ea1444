import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { readJsonLines } from "./child-lines";

describe("readJsonLines", () => {
  it("hands over each JSON line whole, however the output is cut, and the other lines apart", async () => {
    const stream = new PassThrough();
    const messages: unknown[] = [];
    const others: string[] = [];
    readJsonLines(
      stream,
      (message) => messages.push(message),
      (text) => others.push(text),
    );
    stream.write('{"progress":0.');
    stream.write('5}\nwarning: something\n\n{"report":{"ok":true}}\n{"unfinished"');
    stream.end();
    await new Promise((resolve) => stream.on("end", resolve));
    expect(messages).toEqual([{ progress: 0.5 }, { report: { ok: true } }]);
    expect(others).toEqual(["warning: something"]);
  });
});
