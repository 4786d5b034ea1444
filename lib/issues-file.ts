import fs from "node:fs";
import { ZodError } from "zod";
import { loadIssueLexicons, type IssueLexicon } from "@/lib/nlp";

/** Reads and validates an issues file (`seeds/issues.json`), naming the file and the problem when it is wrong. */
export function loadIssueLexiconFile(file: string): IssueLexicon[] {
  try {
    return loadIssueLexicons(JSON.parse(fs.readFileSync(file, "utf8")));
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const issue = error.issues[0];
    throw new Error(`${file}: ${issue?.path.join(".")}: ${issue?.message}`);
  }
}
