import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/** A switch that is on unless set to off (`on`/`off`, `true`/`false`, `1`/`0`). */
const onByDefault = z
  .enum(["on", "off", "true", "false", "1", "0"], { message: "must be on or off" })
  .default("on")
  .transform((value) => value === "on" || value === "true" || value === "1");

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgresql:// connection string");

/**
 * Every environment variable Briefing reads, validated once. A bad value fails fast with the
 * variable's name and what is expected; `.env.example` documents each one.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** The interface to listen on. Not HOSTNAME: container platforms set that to the container's name. */
    HOST: optionalString.transform((value) => value ?? "127.0.0.1"),
    APP_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    DATABASE_URL: optionalString.pipe(postgresUrl.optional()),
    MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(1000).default(8),
    MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).max(100_000).default(200),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /**
     * Whether the app server names its statements, so that PostgreSQL parses each once per connection and
     * can reuse its plan (`statementNames` in lib/db.ts).
     */
    DATABASE_PREPARED_STATEMENTS: onByDefault,
    BRIEFING_DATA_DIR: optionalString,
    AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
    AUTH_OIDC_ISSUER: optionalString.pipe(z.url().optional()),
    AUTH_OIDC_ID: optionalString,
    AUTH_OIDC_SECRET: optionalString,
    AUTH_OIDC_NAME: optionalString,
    TRUSTED_PROXIES: optionalString,
    URL_IMPORT_ALLOWLIST: optionalString,
    URL_IMPORT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    BRIEFING_PASSWORD: optionalString,
    BRIEFING_ORGANIZATION: optionalString.pipe(z.string().max(200).optional()),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    LOG_FILE: optionalString,
    /** Whether `npm start` runs a job worker in its own process (the analysis, tagger training, re-tagging). */
    BRIEFING_WORKER: onByDefault,
    /** The PostgreSQL schema the job queue (pg-boss) keeps its tables in. */
    JOBS_SCHEMA: z
      .string()
      .trim()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be a lower-case PostgreSQL identifier (letters, digits, _)")
      .default("pgboss"),
    PLAYWRIGHT_CHROMIUM_EXECUTABLE: optionalString,
    EXTRACTION_THREADS: optionalString.pipe(z.coerce.number<string | undefined>().int().min(0).max(64).optional()),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_ID, env.AUTH_OIDC_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_OIDC_ISSUER"],
        message: "AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET must be set together (or none of them)",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Formats validation problems as one line per variable: `PORT: expected a number`. */
export function describeEnvErrors(error: z.ZodError): string {
  return error.issues.map((issue) => `  ${issue.path.join(".") || "environment"}: ${issue.message}`).join("\n");
}

/** Parses `source` (default `process.env`) or throws an Error that names every bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new Error(`Invalid environment:\n${describeEnvErrors(result.error)}\nSee .env.example for what each variable means.`);
  }
  return result.data;
}

const ENV_KEYS = Object.keys(envSchema.shape) as (keyof Env)[];

let cached: { key: string; env: Env } | undefined;

/**
 * The validated environment of this process, read at run time: every module reads its variables here,
 * never from `process.env` (a lint rule keeps it so). It is parsed again only when one of the variables
 * changed since the last call, so a test or a start script that sets `process.env` before calling is seen,
 * and a bad value fails with the variable's name wherever it is first read.
 */
export function env(): Env {
  const key = ENV_KEYS.map((name) => process.env[name] ?? "\u0000").join("\u0001");
  if (cached?.key !== key) cached = { key, env: parseEnv() };
  return cached.env;
}

/**
 * The environment a child process of the app starts with: this process's own, plus `extra`. The one
 * place outside scripts and tests that hands the raw environment on.
 */
export function childProcessEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
