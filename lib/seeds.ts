import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { loadIssueLexiconFile } from "@/lib/issues-file";
import { PROJECT_ROOT } from "@/lib/server/data-dir";
import { refreshAnalysis } from "@/lib/analysis/run/refresh";
import { retrainIssueTagger } from "@/lib/analysis/run/tagger";
import { ingestArticle, loadSpeakerRegistry, readIssueLexicons } from "@/lib/writes/ingest";

export const SEEDS_DIR = path.join(PROJECT_ROOT, "seeds");
const SEEDS_SETTING = "seeds";

const manifestSchema = z.object({
  articles: z.array(
    z.object({
      file: z.string(),
      outlet: z.string().nullable(),
      title: z.string().nullable(),
      publishedAt: z.string().nullable(),
      byline: z.string().nullable(),
    }),
  ),
});

/**
 * Loads the default data once per database: the issues of `seeds/issues.json` (missing ones only, so
 * editors' changes stay) and, the first time only, the articles of `seeds/manifest.json`. Safe to run on
 * every start and from several instances at once.
 */
export async function loadSeeds(db: Db, log: (line: string) => void = () => undefined): Promise<{ issues: number; articles: number }> {
  const lexicons = loadIssueLexiconFile(path.join(SEEDS_DIR, "issues.json"));
  const created = await db.issue.createMany({
    data: lexicons.map((issue, position) => ({ ...issue, position })),
    skipDuplicates: true,
  });
  if (await db.appSetting.findUnique({ where: { key: SEEDS_SETTING } })) return { issues: created.count, articles: 0 };

  const manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, "manifest.json"), "utf8")));
  const issues = await readIssueLexicons(db);
  const speakers = await loadSpeakerRegistry(db);
  let stored = 0;
  for (const entry of manifest.articles) {
    const body = fs.readFileSync(path.join(SEEDS_DIR, entry.file), "utf8");
    const outcome = await ingestArticle(
      db,
      { body, outlet: entry.outlet, title: entry.title, publishedAt: entry.publishedAt, byline: entry.byline, force: true },
      { source: "seed", sourceFile: entry.file, issues, speakers },
    );
    // Each seed is read with the tagger trained on the ones before it, as when they arrived one by one.
    if (outcome.status === "stored") {
      stored += 1;
      await retrainIssueTagger(db, issues);
    } else log(`Seed ${entry.file} is already stored.`);
  }
  if (stored > 0) await refreshAnalysis(db);
  await db.appSetting.upsert({
    where: { key: SEEDS_SETTING },
    create: { key: SEEDS_SETTING, value: { loadedAt: new Date().toISOString(), files: manifest.articles.map((entry) => entry.file) } },
    update: {},
  });
  return { issues: created.count, articles: stored };
}
