import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extractArticles } from "../lib/nlp";
import { loadIssueLexiconFile } from "../lib/issues-file";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ISSUES_FILE = path.join(ROOT, "seeds", "issues.json");

function readUtf8(file: string): string {
  const bytes = readFileSync(file);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/u, "");
  } catch {
    throw new Error(`${file}: not valid UTF-8`);
  }
}

const USAGE = "usage: npm run extract -- [--issues ISSUES_JSON] FILE...\n";

/** Splits the command line into the issues file (`--issues FILE` or `--issues=FILE`) and the article files. */
function parseArgs(args: readonly string[]): { issuesFile: string; files: string[] } | string {
  let issuesFile = ISSUES_FILE;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--issues" || arg.startsWith("--issues=")) {
      const value = arg === "--issues" ? args[++i] : arg.slice("--issues=".length);
      if (!value) return "--issues needs a file: --issues ISSUES_JSON";
      issuesFile = value;
    } else if (arg === "--") continue;
    else if (arg.startsWith("--")) return `unknown option ${arg}`;
    else files.push(arg);
  }
  return { issuesFile, files };
}

function main(args: string[]): number {
  const parsed = parseArgs(args);
  if (typeof parsed === "string" || !parsed.files.length) {
    process.stderr.write(`${typeof parsed === "string" ? `extract: ${parsed}\n` : ""}${USAGE}`);
    return 2;
  }
  const { files } = parsed;
  let issues: ReturnType<typeof loadIssueLexiconFile>;
  try {
    issues = loadIssueLexiconFile(parsed.issuesFile);
  } catch (error) {
    process.stderr.write(`extract: ${(error as Error).message}\n`);
    return 1;
  }
  const texts: string[] = [];
  for (const file of files) {
    try {
      texts.push(readUtf8(file));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? `${file}: no such file` : (error as Error).message;
      process.stderr.write(`extract: ${reason}\n`);
      return 1;
    }
  }
  const { articles } = extractArticles(texts, { issues });
  articles.forEach((a, i) => {
    if (a.claimsOmitted > 0)
      process.stderr.write(`extract: ${files[i]}: kept ${a.claims.length} claims, the cap per article; ${a.claimsOmitted} more not listed\n`);
  });
  const out = {
    articles: articles.map((a, i) => ({
      file: files[i],
      outlet: a.meta.outlet,
      title: a.meta.title,
      published: a.meta.published,
      byline: a.meta.byline,
      dateline: a.meta.dateline,
      sentences: a.sentences.map((s) => ({ start: s.start, end: s.end, issues: s.issues })),
      claims: a.claims.map((c) => ({
        kind: c.kind,
        text: c.text,
        quote: c.quote,
        partial: c.partial,
        speaker: c.speaker,
        speakerKind: c.speakerKind,
        speakerMention: c.speakerMention,
        verb: c.verb,
        start: c.start,
        end: c.end,
        issues: c.issues,
        figures: c.figures.map((f) => ({
          value: f.high === undefined ? f.value : `${f.value}-${f.high}`,
          unit: f.unit,
          raw: f.raw,
          about: f.about,
          start: f.start,
          end: f.end,
        })),
        confidence: c.confidence,
        method: c.method,
        fingerprint: c.fingerprint,
      })),
    })),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
