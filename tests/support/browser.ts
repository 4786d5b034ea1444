import fs from "node:fs";
import { env } from "@/lib/env";

const SYSTEM_CHROMIUMS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

/**
 * The Chromium the end-to-end tests drive, without downloading one: PLAYWRIGHT_CHROMIUM_EXECUTABLE, else a
 * system Chromium, else the build shipped inside the `@sparticuz/chromium` npm package (unpacked to /tmp).
 */
export async function resolveChromium(): Promise<string> {
  const configured = env().PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (configured) {
    if (!fs.existsSync(configured)) throw new Error(`PLAYWRIGHT_CHROMIUM_EXECUTABLE points to ${configured}, which does not exist.`);
    return configured;
  }
  const system = SYSTEM_CHROMIUMS.find((candidate) => fs.existsSync(candidate));
  if (system) return system;
  const { default: chromium } = await import("@sparticuz/chromium");
  return chromium.executablePath();
}
