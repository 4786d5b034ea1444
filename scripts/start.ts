/**
 * `npm start`: builds if needed, starts the embedded PostgreSQL unless DATABASE_URL is set, migrates,
 * installs the job queue, loads the seeds once, creates the first admin on an empty database, then serves
 * the app with a job worker in the same process (BRIEFING_WORKER=off leaves the jobs to `npm run worker`).
 */
import { describeEnvErrors, envSchema } from "@/lib/env";
import { acquireAppLock } from "@/lib/server/app-lock";
import { buildIfNeeded } from "@/lib/server/build";
import { dataDir } from "@/lib/server/data-dir";
import { startEmbedded, type RunningDatabase } from "@/lib/server/embedded";
import { startHttpServer } from "@/lib/server/http";
import { applyMigrations } from "@/lib/server/migrate";
import { runPreparation, type PreparedApp } from "@/lib/server/prepare";
import { persistentSecret } from "@/lib/server/secret";
import { closeAppJobs, Jobs, noteProcessStopping } from "@/lib/jobs/queue";
import { startWorker } from "@/lib/jobs/worker";

const isDev = process.argv.includes("--dev");
const log = (line: string) => console.log(`[briefing] ${line}`);

async function main() {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${describeEnvErrors(parsed.error)}\nSee .env.example for what each variable means.`);
  }
  const env = parsed.data;
  const cleanups: (() => Promise<void> | void)[] = [];
  let isStopping = false;
  const stop = async (code: number) => {
    if (isStopping) return;
    isStopping = true;
    noteProcessStopping();
    for (const cleanup of cleanups.reverse()) await cleanup();
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (isStopping) {
        log("Stopping now.");
        process.exit(130);
      }
      log("Stopping …");
      // Requests in flight get a few seconds; whatever still hangs after ten is cut off.
      setTimeout(() => process.exit(1), 10_000).unref();
      void stop(0);
    });
  }

  try {
    let database: RunningDatabase;
    if (env.DATABASE_URL) {
      if (!env.AUTH_SECRET) {
        throw new Error("AUTH_SECRET is required with DATABASE_URL (every app instance must share it). Generate one: openssl rand -base64 32");
      }
      database = { url: env.DATABASE_URL, isOwned: false, stop: async () => undefined };
    } else {
      const dir = dataDir();
      cleanups.push(acquireAppLock(dir));
      process.env.AUTH_SECRET ??= persistentSecret(dir);
      database = await startEmbedded({ dir, log });
      if (!database.isOwned) {
        throw new Error("The embedded database is already in use by another Briefing process. Stop it first.");
      }
      cleanups.push(() => database.stop());
      log(`Embedded PostgreSQL is running (data in ${dir}).`);
      process.env.DATABASE_URL = database.url;
    }
    process.env.AUTH_TRUST_HOST ??= "true";

    if (!isDev) buildIfNeeded(process.env.NEXT_DIST_DIR || ".next", log);

    for (const name of await applyMigrations(database.url, log)) log(`Migrated: ${name}`);
    if (env.BRIEFING_WORKER) {
      const worker = await startWorker({ databaseUrl: database.url, log });
      cleanups.push(() => worker.stop());
      log("A job worker runs in this process (BRIEFING_WORKER=off to leave jobs to `npm run worker`).");
    } else {
      // The queue's tables exist before the first request reads or queues a job.
      await (await Jobs.open({ databaseUrl: database.url })).stop();
    }
    // Seeds and the first admin are prepared in a process of its own (lib/server/prepare.ts).
    const prepared = await runPreparation<PreparedApp>("scripts/prepare.ts", database.url, log);
    if (prepared.articles > 0) log(`Loaded ${prepared.articles} seed articles.`);
    const { admin } = prepared;
    const url = env.APP_URL ?? `http://localhost:${env.PORT}`;
    const server = await startHttpServer({
      port: env.PORT,
      hostname: env.HOST,
      isDev,
      databaseUrl: database.url,
      onDatabaseDown: async () => {
        if (!isStopping) await database.restartIfDead?.();
      },
      maxConcurrentRequests: env.MAX_CONCURRENT_REQUESTS,
      maxQueuedRequests: env.MAX_QUEUED_REQUESTS,
      log,
    });
    // At a stop: the server stops taking requests, then the queue its pages opened is closed, then the
    // worker and the database stop (cleanups run last first).
    cleanups.push(() => closeAppJobs());
    cleanups.push(() => server.close());
    log(`Briefing is ready at ${url}`);
    if (admin) {
      log("First start: an admin account was created. Log in with");
      log(`    email:    ${admin.email}`);
      log(`    password: ${admin.password}`);
      log("This password is shown only now. Add teammates with: npm run user -- add EMAIL --role editor");
    } else {
      log("Log in with your account. Add one with: npm run user -- add EMAIL --role editor");
    }
  } catch (error) {
    console.error(`[briefing] ${(error as Error).message}`);
    await stop(1);
  }
}

void main();
