import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

/** The project root, where package.json and `.data/` live: npm runs every script from there. */
export const PROJECT_ROOT = process.cwd();

/** Where the embedded database, its credentials and the generated secret are kept. */
export function dataDir(): string {
  const configured = env().BRIEFING_DATA_DIR;
  return configured ? path.resolve(configured) : path.join(PROJECT_ROOT, ".data");
}

export type EmbeddedConfig = {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
};

export const EMBEDDED_CONFIG_FILE = "postgres.json";

/** Reads the embedded server's connection details, or undefined before the first start. */
export function readEmbeddedConfig(dir = dataDir()): EmbeddedConfig | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, EMBEDDED_CONFIG_FILE), "utf8")) as EmbeddedConfig;
  } catch {
    return undefined;
  }
}

export function embeddedUrl(config: EmbeddedConfig, database = config.database): string {
  const user = encodeURIComponent(config.user);
  const password = encodeURIComponent(config.password);
  return `postgresql://${user}:${password}@${config.host}:${config.port}/${encodeURIComponent(database)}`;
}
