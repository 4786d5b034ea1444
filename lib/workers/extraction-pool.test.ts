import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { extractArticle, loadIssueLexicons, SpeakerRegistry } from "@/lib/nlp";
import { ExtractionCrashError, ExtractionPool, ExtractionThreadsUnavailableError, ThreadExtractionError } from "./extraction-pool";

const SEEDS = path.join(process.cwd(), "seeds");
const issues = loadIssueLexicons(JSON.parse(fs.readFileSync(path.join(SEEDS, "issues.json"), "utf8")));
const texts = fs
  .readdirSync(SEEDS)
  .filter((file) => file.endsWith(".txt"))
  .sort()
  .map((file) => fs.readFileSync(path.join(SEEDS, file), "utf8"));

const inThread = (text: string, registry = new SpeakerRegistry()) => {
  const { speakers, ...extraction } = extractArticle(text, { issues, speakers: registry });
  return { extraction, speakers };
};

let pool: ExtractionPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe("the extraction pool", { timeout: 120_000 }, () => {
  it("gives each article exactly what extraction on the calling thread gives", async () => {
    pool = new ExtractionPool({ size: 2 });
    // One session per article: each starts from the same (empty) registry, as in-thread calls below do.
    const fromPool = await Promise.all(
      texts.map(async (text) => {
        const session = pool!.openSession({ issues, tagger: null, speakers: new SpeakerRegistry().toJSON() });
        try {
          return await session.extract(text);
        } finally {
          session.end();
        }
      }),
    );
    expect(fromPool.length).toBeGreaterThan(1);
    fromPool.forEach((extraction, index) => expect(extraction).toEqual(inThread(texts[index]!).extraction));
  });

  it("carries the speakers one thread learned from an article to its next, as extracting them in a row does", async () => {
    pool = new ExtractionPool({ size: 1 });
    const session = pool.openSession({ issues, tagger: null, speakers: new SpeakerRegistry().toJSON() });
    const fromPool = [];
    for (const text of texts) fromPool.push(await session.extract(text));
    session.end();
    let registry = new SpeakerRegistry();
    const expected = texts.map((text) => {
      const result = inThread(text, registry);
      registry = result.speakers;
      return result.extraction;
    });
    expect(fromPool).toEqual(expected);
  });

  it("fails only the article whose thread died, with a clear error, and carries on with new threads", async () => {
    pool = new ExtractionPool({ size: 2, threadFile: path.join(process.cwd(), "tests", "support", "threads", "crashing-extraction-thread.mjs") });
    const session = pool.openSession({ issues, tagger: null, speakers: new SpeakerRegistry().toJSON() });
    const results = await Promise.allSettled([session.extract(texts[0]!), session.extract("CRASH THIS THREAD, said nobody."), session.extract(texts[1]!)]);
    expect(results[0]!.status).toBe("fulfilled");
    expect(results[2]!.status).toBe("fulfilled");
    const failed = results[1] as PromiseRejectedResult;
    expect(failed.status).toBe("rejected");
    expect(failed.reason).toBeInstanceOf(ExtractionCrashError);
    expect(failed.reason.message).toMatch(/stopped its worker thread \(exit code 7\); nothing was stored for it/);
    // The pool replaced the thread: more work, including another crash, goes on.
    await expect(session.extract("CRASH THIS THREAD again")).rejects.toBeInstanceOf(ExtractionCrashError);
    const after = await Promise.all(texts.slice(2).map((text) => session.extract(text)));
    expect(after.map((each) => each.claims.length)).toEqual(texts.slice(2).map((text) => inThread(text).extraction.claims.length));
    session.end();
  });

  it("hands the article a dead thread held after the one it died on to another thread", async () => {
    pool = new ExtractionPool({ size: 1, threadFile: path.join(process.cwd(), "tests", "support", "threads", "crashing-extraction-thread.mjs") });
    const session = pool.openSession({ issues, tagger: null, speakers: new SpeakerRegistry().toJSON() });
    // One thread: it holds both articles when the first kills it.
    const [crashed, next] = await Promise.allSettled([session.extract("CRASH THIS THREAD, said nobody."), session.extract(texts[0]!)]);
    expect(crashed.status).toBe("rejected");
    expect((crashed as PromiseRejectedResult).reason).toBeInstanceOf(ExtractionCrashError);
    expect(next).toEqual({ status: "fulfilled", value: inThread(texts[0]!).extraction });
    session.end();
  });

  it("reports the pipeline's own refusals with their name and fields", async () => {
    pool = new ExtractionPool({ size: 1 });
    const session = pool.openSession({ issues, tagger: null, speakers: new SpeakerRegistry().toJSON(), maxSentences: 3 });
    const error = await session.extract(texts[0]!).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ThreadExtractionError);
    expect(error).toMatchObject({ name: "ArticleTooLongError", limit: 3 });
    expect((error as Error).message).toMatch(/over the size limit of 3 sentences per article/);
    session.end();
  });

  it("says so when its threads cannot start at all", async () => {
    pool = new ExtractionPool({ size: 1, threadFile: path.join(process.cwd(), "tests", "support", "threads", "missing-thread.mjs") });
    const session = pool.openSession({ issues, tagger: null, speakers: new SpeakerRegistry().toJSON() });
    await expect(session.extract(texts[0]!)).rejects.toBeInstanceOf(ExtractionThreadsUnavailableError);
    session.end();
  });
});
