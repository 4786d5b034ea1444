/**
 * `npm run ingest -- [--force] [--outlet NAME] FILE...`: stores article files (.txt, .md, .html) through
 * the same validation and ingest as every other door. One line per file on stdout (stored, duplicate,
 * near-duplicate, error and why), a progress bar on stderr when it is a terminal, exit status 1 if any
 * file failed.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db";
import { decodeArticleFile, ImportError } from "@/lib/import/files";
import { openDatabase } from "@/lib/server/database";
import { refreshAnalysis } from "@/lib/services/analysis";
import { IngestValidationError, ingestArticle, loadIssueLexicons, loadSpeakerRegistry } from "@/lib/services/ingest";

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
  const database = await openDatabase();
  const db = createPrismaClient(database.url);
  let failed = 0;
  let stored = 0;
  try {
    const issues = await loadIssueLexicons(db);
    const speakers = await loadSpeakerRegistry(db);
    drawProgress(0, files.length);
    for (const [index, file] of files.entries()) {
      try {
        const imported = decodeArticleFile(file, fs.readFileSync(file));
        const outcome = await ingestArticle(
          db,
          { ...imported, outlet: values.outlet ?? imported.outlet, force: values.force },
          { source: "cli", sourceFile: file, issues, speakers },
        );
        if (outcome.status === "stored") stored += 1;
        if (outcome.status === "stored") say(`stored     ${file} → article ${outcome.id} (${outcome.claims} claims)`);
        else if (outcome.status === "duplicate") say(`duplicate  ${file} → already stored as article ${outcome.existingId}`);
        else {
          say(`near-dup   ${file} → ${Math.round(outcome.similarity * 100)}% like article ${outcome.existingId}; not stored (use --force to store it anyway)`);
        }
      } catch (error) {
        failed += 1;
        const reason =
          error instanceof ImportError || error instanceof IngestValidationError
            ? error.message
            : (error as NodeJS.ErrnoException).code === "ENOENT"
              ? "no such file"
              : (error as Error).message;
        say(`error      ${file}: ${reason.replace(`${file}: `, "")}`);
      }
      drawProgress(index + 1, files.length);
    }
    if (stored > 0) await refreshAnalysis(db);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
