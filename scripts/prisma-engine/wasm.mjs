// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm).

import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

const require = createRequire(import.meta.url);

/** The engine module published with the JS bindings we import. */
const packagedWasm = path.join(path.dirname(fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"))), "schema_engine_bg.wasm");

/**
 * The prisma CLI package ships the WebAssembly build of the exact engine commit it was released
 * with (the hash in `@prisma/engines-version`), but without its JS bindings, and that build is not
 * always published on npm on its own.
 */
const cliWasm = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "schema_engine_bg.wasm");

/**
 * The names and kinds of a module's imports and exports. wasm-bindgen derives these names from the
 * Rust signatures (with hashes), so two builds with the same interface work with the same bindings.
 * @param {WebAssembly.Module} module
 */
function bindingInterface(module) {
  const imports = WebAssembly.Module.imports(module).map((i) => `${i.module}:${i.name}:${i.kind}`);
  const exports = WebAssembly.Module.exports(module).map((e) => `${e.name}:${e.kind}`);
  return JSON.stringify([imports.sort(), exports.sort()]);
}

/**
 * Instantiates the engine and returns its bindings (`SchemaEngine`, `version`). Prefers the CLI's
 * own build when the bindings fit it, so the engine is the very commit the CLI expects; otherwise
 * uses the build from the npm package.
 *
 * @param {(message: string) => void} onPanic receives the message of a Rust panic, which the
 *   engine reports through this global hook before the call fails with a bare "unreachable".
 */
export async function loadSchemaEngine(onPanic) {
  globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: onPanic };

  let engineModule = await WebAssembly.compile(readFileSync(packagedWasm));
  if (existsSync(cliWasm)) {
    const cliModule = await WebAssembly.compile(readFileSync(cliWasm));
    if (bindingInterface(cliModule) === bindingInterface(engineModule)) engineModule = cliModule;
  }

  const instance = await WebAssembly.instantiate(engineModule, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bindings;
}
