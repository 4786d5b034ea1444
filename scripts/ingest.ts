/**
 * `npm run ingest -- [--force] [--outlet NAME] FILE...`: stores article files (.txt, .md, .html) through
 * the same validation and ingest as every other door. One line per file on stdout (stored, duplicate,
 * near-duplicate, error and why), a progress bar on stderr when it is a terminal, exit status 1 if any
 * file failed.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { decodeArticleFile, ImportError } from "@/lib/import/files";
import { runCommand, withDatabase } from "@/lib/server/database";
import { refreshAnalysis } from "@/lib/analysis/run/refresh";
import { retrainIssueTagger } from "@/lib/analysis/run/tagger";
import { MAX_ARTICLE_CLAIMS } from "@/lib/nlp/limits";
import { IngestValidationError, ingestMany, readIssueLexicons, type IngestItem } from "@/lib/writes/ingest";

const USAGE = "Usage: npm run ingest -- [--force] [--outlet NAME] FILE...";

function drawProgress(done: number, total: number) {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
  if (done === total) process.stderr.write("\n");
}

function say(line: string) {
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
  console.log(line);
}

async function main(): Promise<number> {
  const { positionals: files, values } = parseArgs({
    allowPositionals: true,
    options: { force: { type: "boolean" }, outlet: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help || files.length === 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const lines: (string | undefined)[] = new Array(files.length);
  let printed = 0;
  let done = 0;
  let failed = 0;
  let stored = 0;
  /** Prints finished lines in the order the files were given. */
  const settle = (index: number, line: string, isFailure = false) => {
    lines[index] = line;
    done += 1;
    if (isFailure) failed += 1;
    while (printed < files.length && lines[printed] !== undefined) say(lines[printed++]!);
    drawProgress(done, files.length);
  };
  const reason = (file: string, error: unknown) =>
    error instanceof ImportError || error instanceof IngestValidationError
      ? error.message.replace(`${file}: `, "")
      : (error as NodeJS.ErrnoException).code === "ENOENT"
        ? "no such file"
        : (error as Error).message;
  await withDatabase(async (db) => {
    drawProgress(0, files.length);
    const items: (IngestItem & { index: number })[] = [];
    for (const [index, file] of files.entries()) {
      try {
        const imported = decodeArticleFile(file, fs.readFileSync(file));
        items.push({ index, sourceFile: file, input: { ...imported, outlet: values.outlet ?? imported.outlet, force: values.force } });
      } catch (error) {
        settle(index, `error      ${file}: ${reason(file, error)}`, true);
      }
    }
    await ingestMany(db, items, { source: "cli" }, (position, { outcome, error }) => {
      const { index, sourceFile: file = "" } = items[position]!;
      if (error || !outcome) return settle(index, `error      ${file}: ${reason(file, error)}`, true);
      if (outcome.status === "stored") {
        stored += 1;
        const omitted =
          outcome.claimsOmitted > 0
            ? `; ${outcome.claimsOmitted} more over the cap of ${MAX_ARTICLE_CLAIMS.toLocaleString("en-US")} claims per article not kept`
            : "";
        settle(index, `stored     ${file} → article ${outcome.id} (${outcome.claims} claims${omitted})`);
      } else if (outcome.status === "duplicate") {
        settle(index, `duplicate  ${file} → already stored as article ${outcome.existingId}`);
      } else {
        settle(
          index,
          `near-dup   ${file} → ${Math.round(outcome.similarity * 100)}% like article ${outcome.existingId}; not stored (use --force to store it anyway)`,
        );
      }
    });
    if (stored > 0) {
      await retrainIssueTagger(db, await readIssueLexicons(db));
      await refreshAnalysis(db);
    }
  });
  return failed > 0 ? 1 : 0;
}

runCommand(main);
