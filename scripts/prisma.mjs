#!/usr/bin/env node
// Runs the Prisma CLI: `node scripts/prisma.mjs <args>` is `prisma <args>`.
//
// Prisma's CLI downloads its native schema engine on first use. Where that binary is missing (no
// access to Prisma's download host), the CLI is pointed at scripts/prisma-engine/schema-engine,
// which runs Prisma's WebAssembly build of the same engine. Where the native engine is installed,
// or PRISMA_SCHEMA_ENGINE_BINARY is set, nothing changes.

import { accessSync, chmodSync, constants, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const prismaPackage = require.resolve("prisma/package.json");

/** Where `@prisma/engines` installs the native engine: `schema-engine-<platform>`. */
function nativeEngineInstalled() {
  const enginesDir = path.dirname(createRequire(prismaPackage).resolve("@prisma/engines/package.json"));
  // Downloads are written to `<name>.tmp<pid>` and renamed when complete.
  return readdirSync(enginesDir).some((name) => /^schema-engine-[\w.-]+$/.test(name) && !/\.tmp\d+$/.test(name));
}

/** Restores the executable bit if the checkout lost it (e.g. an archive without file modes). */
function ensureExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
  } catch {
    chmodSync(file, 0o755);
  }
}

const engineConfigured = process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.env.PRISMA_MIGRATION_ENGINE_BINARY;
if (!engineConfigured && !nativeEngineInstalled()) {
  const engineDir = fileURLToPath(new URL("./prisma-engine/", import.meta.url));
  const engine = path.join(engineDir, "schema-engine");
  ensureExecutable(engine);
  ensureExecutable(path.join(engineDir, "schema-engine.mjs"));
  // Setting the variable is enough for the CLI to skip its download.
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = engine;
  process.env.SCHEMA_ENGINE_NODE = process.execPath;
  process.stderr.write("prisma: native schema engine not found, using the WebAssembly schema engine\n");
}

// The CLI reads its arguments from process.argv.slice(2), which are ours, and sets the exit code.
require(path.join(path.dirname(prismaPackage), "build", "index.js"));
