// PostgreSQL access for the schema engine: the driver adapter it runs its SQL through
// (@prisma/adapter-pg), shadow databases, and the database-level commands of `schema-engine cli`.

import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";

const CHAR_OID = 18;
const TEXT_OID = 25;

/**
 * Columns of PostgreSQL's internal one-byte `"char"` type (pg_constraint.contype,
 * pg_class.relkind, …) by result: the `rows` array of a pg result → the column indexes.
 * The engine reads such columns when it describes a database and expects them as characters, but
 * adapter-pg refuses OID 18 as an unsupported type. So the pg client below reports them as text
 * (pg has parsed them as strings already), and {@link connect} marks them as characters again in
 * the adapter's result, which keeps pg's `rows` array.
 */
const charColumns = new WeakMap();

function relabelCharColumns(result) {
  for (const { fields, rows } of [result].flat()) {
    const indexes = [];
    fields?.forEach((field, index) => {
      if (field.dataTypeID !== CHAR_OID) return;
      field.dataTypeID = TEXT_OID;
      indexes.push(index);
    });
    if (indexes.length > 0) charColumns.set(rows, indexes);
  }
  return result;
}

/** A pg client whose results report `"char"` columns as text; see {@link charColumns}. */
class Client extends pg.Client {
  query(config, values, callback) {
    if (typeof values === "function") [values, callback] = [undefined, values];
    if (typeof callback === "function") {
      return super.query(config, values, (error, result) => callback(error, error ? result : relabelCharColumns(result)));
    }
    const result = super.query(config, values);
    return typeof result?.then === "function" ? result.then(relabelCharColumns) : result;
  }
}

/** Makes `"char"` columns characters again in the results of `queryable.queryRaw`. */
function restoreCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

/** @param {string} name */
function quoteIdentifier(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The same connection string with another database name. */
function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/**
 * Opens a pool for the adapter. `executeScript` is replaced so that a script is sent to the server
 * whole, as the native engine does: adapter-pg splits it on every `;`, which breaks on semicolons
 * in comments, strings and function bodies.
 */
async function connect(connectionString) {
  const schema = new URL(connectionString).searchParams.get("schema") ?? undefined;
  const pool = new pg.Pool({
    connectionString,
    Client,
    ...(schema && { options: `-c search_path=${quoteIdentifier(schema)}` }),
  });
  const adapter = restoreCharColumns(await new PrismaPg(pool, { schema, disposeExternalPool: true }).connect());
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => restoreCharColumns(await startTransaction(...args));
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

/**
 * Shadow databases this process created and has not dropped yet, by name: the URL of a database on
 * the same server to drop it from, and the pending drop. The engine may dispose of a shadow
 * database without waiting for it, so a drop can still be running when the process wants to exit.
 * @type {Map<string, { url: string, dropping?: Promise<void> }>}
 */
const shadowDatabases = new Map();

/**
 * Creates a shadow database with a unique name on the main database's server. adapter-pg's own
 * `connectToShadowDb` is not used: given a connection string it connected to the main database
 * instead, and it dropped the shadow database while still connected to it.
 */
async function connectToNewShadowDatabase(url) {
  const name = `prisma_migrate_shadow_db_${randomUUID()}`;
  await withClient(url, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
  shadowDatabases.set(name, { url });
  const adapter = await connect(withDatabase(url, name));
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await dropShadowDatabase(name);
  };
  return adapter;
}

function dropShadowDatabase(name) {
  const entry = shadowDatabases.get(name);
  if (entry === undefined) return Promise.resolve();
  entry.dropping ??= withClient(entry.url, async (client) => {
    await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`);
  }).then(
    () => {
      shadowDatabases.delete(name);
    },
    (error) => {
      entry.dropping = undefined;
      throw error;
    },
  );
  return entry.dropping;
}

/** `host:port/database` of a connection string. */
function databaseLocation(url) {
  const { hostname, port } = new URL(url);
  return `${hostname}:${port || 5432}/${databaseName(url)}`;
}

/**
 * The shadow database set with `shadowDatabaseUrl`, emptied first as the native engine does: the
 * WebAssembly engine replays the migration history into it as it finds it.
 */
async function connectToConfiguredShadowDatabase(url, shadowDatabaseUrl) {
  if (databaseLocation(shadowDatabaseUrl) === databaseLocation(url)) {
    throw new Error("The shadow database you configured appears to be the same as the main database. Please specify another shadow database.");
  }
  const schema = quoteIdentifier(new URL(shadowDatabaseUrl).searchParams.get("schema") ?? "public");
  await withClient(shadowDatabaseUrl, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`));
  return connect(shadowDatabaseUrl);
}

/** Drops the shadow databases that are still there, e.g. after a command failed midway. */
export async function dropShadowDatabases() {
  await Promise.all([...shadowDatabases.keys()].map(dropShadowDatabase));
}

/**
 * The driver adapter factory handed to the engine.
 * @param {{ url?: string, shadowDatabaseUrl?: string }} datasource from `--datasource`
 */
export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  return bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => {
      if (!url) throw new Error("The datasource has no URL: set `datasource.url` in prisma.config.ts.");
      return connect(url);
    },
    connectToShadowDb: () => (shadowDatabaseUrl ? connectToConfiguredShadowDatabase(url, shadowDatabaseUrl) : connectToNewShadowDatabase(url)),
  });
}

async function connectClient(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function withConnected(client, run) {
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function withClient(url, run) {
  return withConnected(await connectClient(url), run);
}

/**
 * Runs `run` with a connection to the server's maintenance database, `postgres`, or `template1`
 * where there is none, like the native engine does for creating and dropping databases.
 */
async function withServer(url, run) {
  let client;
  try {
    client = await connectClient(withDatabase(url, "postgres"));
  } catch (error) {
    if (error.code !== "3D000") throw error;
    client = await connectClient(withDatabase(url, "template1"));
  }
  return withConnected(client, run);
}

export async function canConnect(url) {
  await withClient(url, (client) => client.query("SELECT 1"));
}

export async function createDatabase(url) {
  await withServer(url, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(databaseName(url))}`));
}

export async function dropDatabase(url) {
  await withServer(url, (client) => client.query(`DROP DATABASE ${quoteIdentifier(databaseName(url))}`));
}

/**
 * Prisma's error code and message for a failed connection or database command, worded like the
 * native engine's. The CLI reacts to the codes: `migrate dev` creates the database on P1003.
 * @returns {{ code?: string, message: string }}
 */
export function userFacingError(error, url) {
  const { hostname, port, username } = new URL(url);
  const server = `${hostname || "localhost"}:${port || 5432}`;
  const database = databaseName(url);
  switch (error.code) {
    case "28P01":
      return {
        code: "P1000",
        message: `Authentication failed against database server, the provided database credentials for \`${decodeURIComponent(username)}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at the configured address.`,
      };
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
      return {
        code: "P1001",
        message: `Can't reach database server at \`${server}\`\n\nPlease make sure your database server is running at \`${server}\`.`,
      };
    case "3D000":
      return {
        code: "P1003",
        message: `Database \`${database}\` does not exist on the database server at \`${server}\`.`,
      };
    case "42P04":
      return {
        code: "P1009",
        message: `Database \`${database}\` already exists on the database server at \`${server}\``,
      };
    case "28000":
    case "42501":
      return {
        code: "P1010",
        message: `User \`${decodeURIComponent(username)}\` was denied access on the database \`${database}\``,
      };
    default:
      return { message: error.message };
  }
}
