#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, for machines that cannot download it.
// The Prisma CLI runs it through PRISMA_SCHEMA_ENGINE_BINARY (see scripts/prisma.mjs) exactly like
// the native binary:
//
//   schema-engine --version
//   schema-engine --datasource '<json>' cli can-connect-to-database | create-database | drop-database
//   schema-engine [--datasource '<json>'] [--datamodels <schema file>]...   (JSON-RPC over stdio)
//
// The migration logic is Prisma's own engine compiled to WebAssembly (@prisma/schema-engine-wasm),
// which reaches PostgreSQL through the @prisma/adapter-pg driver adapter. Only PostgreSQL is supported.

import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import * as postgres from "./postgres.mjs";
import { loadSchemaEngine } from "./wasm.mjs";

const { values: args, positionals } = parseArgs({
  options: {
    version: { type: "boolean" },
    datasource: { type: "string" },
    datamodels: { type: "string", multiple: true },
    // Accepted for compatibility; the WebAssembly engine takes neither.
    "enabled-preview-features": { type: "string" },
    "extension-types": { type: "string" },
  },
  allowPositionals: true,
});

/** `{ url, shadowDatabaseUrl }` from the Prisma config. */
const datasource = args.datasource ? JSON.parse(args.datasource) : {};

/**
 * Writes a log record to stderr in the native engine's format, one JSON object per line. The CLI
 * keeps the messages and shows them if the engine exits unexpectedly; for the `cli` subcommands it
 * reads the error code of the ERROR record.
 */
function log(level, fields) {
  const record = { timestamp: new Date().toISOString(), level, fields, target: "schema_engine::logger" };
  process.stderr.write(`${JSON.stringify(record)}\n`);
}

/** The message of the last Rust panic inside the engine, if any. */
let panicMessage;
const schemaEngine = await loadSchemaEngine((message) => {
  panicMessage = message;
});

if (args.version) {
  process.stdout.write(`schema-engine-cli ${schemaEngine.version()}\n`);
} else if (positionals[0] === "cli") {
  await runCliCommand(positionals[1]);
} else if (positionals.length > 0) {
  throw new Error(`Unknown arguments: ${positionals.join(" ")}`);
} else {
  serveJsonRpc();
}

/**
 * Database-level commands. They answer `{"result":"ok"}` on stdout; on failure they exit with 1
 * after an ERROR record carrying Prisma's error code. The CLI ignores the first stderr line, where
 * the native engine logs its start.
 */
async function runCliCommand(command) {
  const commands = {
    "can-connect-to-database": postgres.canConnect,
    "create-database": postgres.createDatabase,
    "drop-database": postgres.dropDatabase,
  };
  log("INFO", { message: "Starting schema engine CLI", git_hash: schemaEngine.version() });
  if (!Object.hasOwn(commands, command)) {
    log("ERROR", { is_panic: false, message: `Unknown command: cli ${command}` });
    process.exit(1);
  }
  try {
    await commands[command](datasource.url);
    process.stdout.write(`${JSON.stringify({ result: "ok" })}\n`);
  } catch (error) {
    const { code, message } = postgres.userFacingError(error, datasource.url);
    log("ERROR", { is_panic: false, error_code: code, message });
    process.exit(1);
  }
}

/** JSON-RPC methods passed to the engine as they are: the engine's methods carry the RPC names. */
const ENGINE_METHODS = new Set([
  "applyMigrations",
  "dbExecute",
  "debugPanic",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "ensureConnectionValidity",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
]);

/**
 * Answers JSON-RPC 2.0 requests, one JSON object per line on stdin, one response per line on
 * stdout, one request at a time. The engine itself may send a request back: `print`, see
 * {@link diff}.
 */
function serveJsonRpc() {
  const datamodels = args.datamodels?.map((file) => [file, readFileSync(file, "utf8")]);
  const adapterFactory = postgres.createAdapterFactory(datasource);

  /**
   * The engine connects to the database as soon as it is created, so it is created on the first
   * request: the CLI starts the engine before it knows whether a command needs a database, and a
   * failed connection is then reported as that request's error.
   */
  let enginePromise;
  const logRecord = (record) => process.stderr.write(`${record.trim()}\n`);
  const engine = () =>
    (enginePromise ??= schemaEngine.SchemaEngine.new({ datamodels }, logRecord, adapterFactory).catch((error) => {
      enginePromise = undefined;
      throw error;
    }));

  /** Requests this process sent to the CLI, by id, waiting for the response. */
  const pendingRequests = new Map();
  let lastRequestId = 0;
  const send = (message) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
  const requestFromCli = (method, params) =>
    new Promise((resolve) => {
      const id = ++lastRequestId;
      pendingRequests.set(id, resolve);
      send({ id, method, params });
    });

  /**
   * The native engine does not return the output of `migrate diff`: it sends it to the CLI in a
   * `print` request, and the CLI writes it to stdout or to the `--output` file. The WebAssembly
   * engine returns it in `stdout` instead, so it is forwarded the native way.
   */
  async function diff(params) {
    const { exitCode, stdout } = await (await engine()).diff(params);
    if (stdout != null) await requestFromCli("print", { content: stdout });
    return { exitCode };
  }

  /**
   * `evaluateDataLoss` and `createMigration` take the schema the migration history produces from a
   * cache. Only `devDiagnostic` and `diagnoseMigrationHistory` fill it, replaying the history in a
   * shadow database from the adapter factory; on a miss these two fail with "PostgreSQL shadow DB
   * must be provided through an external factory", e.g. in `migrate dev` right after it applied
   * pending migrations to a new database. Fill the cache the supported way and retry once.
   */
  async function withMigrationSchema(method, params) {
    const e = await engine();
    try {
      return await e[method](params);
    } catch (error) {
      if (!error.message.includes("shadow DB must be provided through an external factory")) throw error;
      const { migrationsList, filters } = params;
      await e.diagnoseMigrationHistory({ migrationsList, filters, optInToShadowDatabase: true });
      return e[method](params);
    }
  }

  async function call(method, params) {
    if (method === "diff") return diff(params);
    if (method === "evaluateDataLoss" || method === "createMigration") return withMigrationSchema(method, params);
    // The native engine's name for it; the WebAssembly engine calls it `version`.
    if (method === "getDatabaseVersion") return (await engine()).version(params);
    if (ENGINE_METHODS.has(method)) return (await engine())[method](params);
    throw Object.assign(new Error(`The WebAssembly schema engine does not support \`${method}\`.`), { rpcCode: -32601 });
  }

  /**
   * A JS error thrown inside the adapter reaches the engine as an id in the adapter's error
   * registry, and the engine reports "External error id#<id>": show the error itself instead.
   */
  const describe = (message) =>
    message.replace(/External error id#(\d+)/g, (text, id) => adapterFactory.errorRegistry.consumeError(Number(id))?.error.message ?? text);

  /** The CLI shows `data.message`, or `message` for a panic. */
  function errorResponse(id, error) {
    const message = panicMessage ?? describe(error.message);
    return {
      id,
      error: {
        code: error.rpcCode ?? 4466,
        message,
        data: { is_panic: panicMessage !== undefined, message, meta: null, error_code: null },
      },
    };
  }

  /** The id of the request being handled. */
  let currentId;

  async function handle({ id, method, params }) {
    currentId = id;
    panicMessage = undefined;
    let response;
    try {
      response = { id, result: (await call(method, params ?? {})) ?? null };
    } catch (error) {
      response = errorResponse(id, error);
    }
    // Before answering: the CLI stops the engine as soon as it has the last answer it needs.
    await dropShadowDatabases();
    send(response);
    currentId = undefined;
    // Like the native engine, do not go on after a panic: the engine's state is unknown.
    if (panicMessage !== undefined) process.exit(101);
  }

  // A panic in a task the engine runs in the background is thrown from a callback, outside the
  // call's promise, which then never settles: answer the request with it and exit.
  process.on("uncaughtException", async (error) => {
    if (currentId !== undefined) {
      await dropShadowDatabases();
      send(errorResponse(currentId, error));
    } else {
      log("ERROR", { is_panic: panicMessage !== undefined, message: panicMessage ?? error.stack });
    }
    process.exit(101);
  });

  let queue = Promise.resolve();
  createInterface({ input: process.stdin, crlfDelay: Infinity })
    .on("line", (line) => {
      if (!line.trim()) return;
      const message = JSON.parse(line);
      if (message.method === undefined) {
        pendingRequests.get(message.id)?.(message);
        pendingRequests.delete(message.id);
      } else {
        queue = queue.then(() => handle(message));
      }
    })
    .on("close", () => queue.then(() => shutdown(0)));

  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => shutdown(0));
}

/** Drops the shadow databases left behind; a failure is logged and reported as `false`. */
async function dropShadowDatabases() {
  try {
    await postgres.dropShadowDatabases();
    return true;
  } catch (error) {
    log("ERROR", { is_panic: false, message: `Could not drop a shadow database: ${error.message}` });
    return false;
  }
}

/** Exits once no shadow database is left behind (the engine's connection pools would keep the process alive). */
async function shutdown(code) {
  process.exit((await dropShadowDatabases()) ? code : 1);
}
