import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { requestAnalysis } from "@/lib/analysis/run/job";
import { ANALYSIS_SETTING, type AnalysisSummary } from "@/lib/analysis/run/refresh";
import { ingestArticle } from "@/lib/writes/ingest";
import { connectTestDb, resetDatabase } from "./helpers";

let db: Db;

const TEXT = `The harbour board said on Tuesday that the new ferry pier would open in March.

"We expect the pier to carry 40% more passengers," said Maren Holt, the board's chair.`;

beforeAll(async () => {
  db = connectTestDb();
  await resetDatabase(db);
});
afterAll(async () => db.$disconnect());

async function summary(): Promise<AnalysisSummary | null> {
  const row = await db.appSetting.findUnique({ where: { key: ANALYSIS_SETTING } });
  return (row?.value as AnalysisSummary | undefined) ?? null;
}

describe("requestAnalysis", () => {
  it("recomputes the stored analysis in a process of its own", async () => {
    const outcome = await ingestArticle(db, { body: TEXT, outlet: "Harbour Gazette" }, { source: "api" });
    expect(outcome.status).toBe("stored");
    expect(await summary()).toBeNull();
    await requestAnalysis();
    expect((await summary())?.counts.articles).toBe(1);
  });

  it("lets calls that arrive together share runs, and the last caller sees its own change", async () => {
    const first = requestAnalysis();
    await ingestArticle(db, { body: TEXT.replace("Tuesday", "Wednesday").replace("40%", "45%"), outlet: "Pier Weekly" }, { source: "api" });
    // The first run may have read the corpus before that article; these wait for it and run once more.
    const second = requestAnalysis();
    const third = requestAnalysis();
    expect(third).toBe(second);
    expect(second).not.toBe(first);
    await Promise.all([first, second]);
    expect((await summary())?.counts.articles).toBe(2);
  });

  it("says why when the analysis process fails", async () => {
    const url = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:1/nowhere";
    try {
      await expect(requestAnalysis()).rejects.toThrow(/The analysis process failed \(exit 1\): .+/);
    } finally {
      process.env.DATABASE_URL = url;
    }
    await requestAnalysis();
  });
});
