import { spawn } from "node:child_process";
import path from "node:path";
import { readJsonLines } from "@/lib/server/child-lines";
import { PROJECT_ROOT } from "@/lib/server/data-dir";
import { childProcessEnv } from "@/lib/env";

/** What `scripts/prepare.ts` answers: the seed articles it stored, and the first admin it created (on an empty database). */
export type PreparedApp = { articles: number; admin?: { email: string; password: string } };

/** What a preparation script prints on stdout, one JSON object per line: progress lines, then its result. */
export type PreparationLine = { log: string } | { result: unknown };

/** Prints a line of a preparation script's output (see {@link runPreparation}). */
export function reportPreparation(line: PreparationLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/**
 * Runs a script that prepares the database (seeds, first accounts) in a process of its own and answers
 * the result it reports. The server's process then never loads what only that work needs: a Prisma
 * client and its query compiler outside Next's bundle, the pipeline the seeds are extracted with. That
 * is about 80 MB the server would otherwise keep resident for its whole life, and some 20 MB of its
 * peak under load (measured at 10,050 articles). Its progress lines go to `log`.
 */
export function runPreparation<T>(script: string, databaseUrl: string, log: (line: string) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, script)], {
      cwd: PROJECT_ROOT,
      env: childProcessEnv({ DATABASE_URL: databaseUrl }),
      stdio: ["ignore", "pipe", "inherit"],
    });
    let result: { value: T } | undefined;
    readJsonLines(
      child.stdout,
      (message) => {
        if (typeof message !== "object" || message === null) return log(JSON.stringify(message));
        const line = message as PreparationLine;
        if ("log" in line) log(line.log);
        else result = { value: line.result as T };
      },
      log,
    );
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0 && result) resolve(result.value);
      else reject(new Error(`Preparing the database failed (${script} ${signal ? `was killed by ${signal}` : `exited with code ${code}`}; see above).`));
    });
  });
}
