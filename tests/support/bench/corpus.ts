import type { Db } from "@/lib/db";

/** A small deterministic PRNG (mulberry32), so every bench run builds the same corpus. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Builds `count` synthetic articles by recombining the paragraphs of `sources` (each article 12–24
 * paragraphs drawn at random, in random order), so the pipeline sees realistic sentences in new
 * contexts and no two articles are near-duplicates.
 */
export function recombineArticles(sources: string[], count: number, seed = 42): string[] {
  const paragraphs = sources.flatMap((text) =>
    text
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.length > 40),
  );
  if (paragraphs.length === 0) throw new Error("No paragraphs to recombine.");
  const random = createRandom(seed);
  const articles: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const length = 12 + Math.floor(random() * 13);
    const picked: string[] = [];
    for (let line = 0; line < length; line += 1) picked.push(paragraphs[Math.floor(random() * paragraphs.length)]!);
    articles.push(`${picked.join("\n")}\nReport ${index + 1} of the synthetic corpus.`);
  }
  return articles;
}

/** The tables the copies fill, parents first. */
const CORPUS_TABLES = ["Article", "Sentence", "Claim", "ClaimIssue", "ClaimFigure"];

/**
 * Grows the corpus to `target` articles in bulk SQL, from the articles the pipeline stored: each copy is
 * a multi-row `INSERT … SELECT` per table, with new ids and hashes, carried by another outlet (the
 * next of `outletIds` in turn) and published a few days later, so the copies spread over outlets and a
 * year as a long-running story would; their sentences, claims, figures and issue links are the
 * originals'. Secondary indexes are dropped while copying and built again once at the end (as a bulk
 * load does), and the copies go in rounds of at most `perRound` articles, one transaction each.
 * @returns the number of articles afterwards.
 */
export async function growCorpus(db: Db, target: number, outletIds: readonly string[], progress: (line: string) => void, perRound = 20_000): Promise<number> {
  const count = await db.article.count();
  const copies = Math.max(0, Math.ceil(target / count) - 1);
  if (copies === 0) return count;
  const indexes = await db.$queryRawUnsafe<{ name: string; definition: string }[]>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    CORPUS_TABLES,
  );
  progress(`copying ${count} articles ${copies} times in SQL (${indexes.length} indexes set aside)`);
  for (const index of indexes) await db.$executeRawUnsafe(`DROP INDEX "${index.name}"`);
  const outlets = `(ARRAY[${outletIds.map((id) => `'${id.replaceAll("'", "''")}'`).join(",")}]::text[])`;
  const perCopy = Math.max(1, Math.floor(perRound / count));
  try {
    for (let first = 1; first <= copies; first += perCopy) {
      const last = Math.min(copies, first + perCopy - 1);
      const series = `generate_series(${first}, ${last}) AS n`;
      const statements = [
        `CREATE TEMP TABLE copy_source ON COMMIT DROP AS SELECT id FROM "Article" WHERE position('_c' in id) = 0`,
        `INSERT INTO "Article" (id, "outletId", title, url, "publishedAt", byline, "originalText", "cleanedText", "contentHash", minhash, "lshBands", source, "sourceFile", "charCount", "ingestedAt", "derivedAt", "pipelineVersion", "updatedAt")
         SELECT a.id || '_c' || n, ${outlets}[1 + ((hashtext(a.id) & 2147483647) + n) % ${outletIds.length}], a.title, a.url, a."publishedAt" + n * interval '3 days', a.byline, a."originalText", a."cleanedText",
           a."contentHash" || '_c' || n, a.minhash, '{}', a.source, a."sourceFile", a."charCount", now(), now(), a."pipelineVersion", now()
         FROM "Article" a JOIN copy_source USING (id) CROSS JOIN ${series}`,
        `INSERT INTO "Sentence" (id, "articleId", index, paragraph, start, "end", issues)
         SELECT s.id || '_c' || n, s."articleId" || '_c' || n, s.index, s.paragraph, s.start, s."end", s.issues
         FROM "Sentence" s JOIN copy_source c ON c.id = s."articleId" CROSS JOIN ${series}`,
        `INSERT INTO "Claim" (id, "articleId", kind, start, "end", text, quote, "isPartial", "speakerId", "speakerText", "speakerMentionStart", "speakerMentionEnd", "attributionReason", verb, confidence, fingerprint, status, version, "createdAt", "updatedAt",
           "pipelineKind", "pipelineStart", "pipelineEnd", "pipelineText", "pipelineQuote", "pipelineSpeakerId")
         SELECT x.id || '_c' || n, x."articleId" || '_c' || n, x.kind, x.start, x."end", x.text, x.quote, x."isPartial", x."speakerId", x."speakerText", x."speakerMentionStart", x."speakerMentionEnd", x."attributionReason", x.verb, x.confidence, x.fingerprint, x.status, 1, now(), now(),
           x."pipelineKind", x."pipelineStart", x."pipelineEnd", x."pipelineText", x."pipelineQuote", x."pipelineSpeakerId"
         FROM "Claim" x JOIN copy_source c ON c.id = x."articleId" CROSS JOIN ${series}`,
        `INSERT INTO "ClaimIssue" ("claimId", "issueId")
         SELECT ci."claimId" || '_c' || n, ci."issueId" FROM "ClaimIssue" ci JOIN "Claim" x ON x.id = ci."claimId" JOIN copy_source c ON c.id = x."articleId" CROSS JOIN ${series}`,
        `INSERT INTO "ClaimFigure" (id, "claimId", raw, value, high, unit, about, start, "end")
         SELECT f.id || '_c' || n, f."claimId" || '_c' || n, f.raw, f.value, f.high, f.unit, f.about, f.start, f."end"
         FROM "ClaimFigure" f JOIN "Claim" x ON x.id = f."claimId" JOIN copy_source c ON c.id = x."articleId" CROSS JOIN ${series}`,
      ];
      await db.$transaction(
        async (tx) => {
          for (const statement of statements) await tx.$executeRawUnsafe(statement);
        },
        { timeout: 3_600_000 },
      );
      progress(`copies ${first}–${last} of ${copies} stored`);
    }
  } finally {
    progress(`building ${indexes.length} indexes`);
    for (const index of indexes) await db.$executeRawUnsafe(index.definition);
  }
  await db.$executeRawUnsafe(`ANALYZE`);
  return db.article.count();
}
