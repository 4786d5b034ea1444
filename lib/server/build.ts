import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/server/data-dir";
import { childProcessEnv } from "@/lib/env";

const SOURCES = ["app", "components", "lib", "public", "auth.ts", "proxy.ts", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
const IGNORED = new Set(["generated", "node_modules"]);

function collect(entry: string, hash: crypto.Hash) {
  const full = path.join(PROJECT_ROOT, entry);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    for (const child of fs.readdirSync(full).sort()) {
      if (!IGNORED.has(child)) collect(path.join(entry, child), hash);
    }
  } else {
    hash.update(`${entry}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
}

/** A fingerprint of everything a production build depends on (paths, sizes, modification times). */
export function sourceFingerprint(): string {
  const hash = crypto.createHash("sha256");
  for (const entry of SOURCES) collect(entry, hash);
  return hash.digest("hex");
}

/** Runs `next build` into `distDir` unless a build of the current sources is already there. */
export function buildIfNeeded(distDir: string, log: (line: string) => void): void {
  const stampFile = path.join(PROJECT_ROOT, distDir, "briefing-build-stamp");
  const fingerprint = sourceFingerprint();
  const isCurrent =
    fs.existsSync(path.join(PROJECT_ROOT, distDir, "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === fingerprint;
  if (isCurrent) return;
  log("Building the app (first start, or the code changed) …");
  const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: PROJECT_ROOT,
    // The build's chatter goes to stderr, so commands whose stdout is data (the bench) stay clean.
    stdio: ["ignore", 2, 2],
    env: childProcessEnv({ NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" }),
  });
  if (result.status !== 0) throw new Error("The build failed (see above).");
  fs.writeFileSync(stampFile, fingerprint);
}
