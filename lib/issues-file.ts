import fs from "node:fs";
import { ZodError } from "zod";
import { loadIssueLexicons, type IssueLexicon } from "./nlp";

/**
 * Reads and validates an issues file (`seeds/issues.json`), naming the file and the problem when it is
 * wrong: unreadable, not UTF-8 JSON, or not in the shape `{"issues":[{slug,title,phrases[],…}]}`.
 */
export function loadIssueLexiconFile(file: string): IssueLexicon[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/u, "");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory, not an issues file"
          : code === "EACCES"
            ? "permission denied"
            : (error as Error).message;
    throw new Error(`${file}: cannot read the issues file: ${why}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: the issues file is not valid JSON (${(error as Error).message})`);
  }
  try {
    return loadIssueLexicons(json);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const issue = error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "the file";
    throw new Error(`${file}: not an issues file like seeds/issues.json: ${where}: ${issue?.message}`);
  }
}
