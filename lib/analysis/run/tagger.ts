import type { Db } from "@/lib/db";
import { lexiconHash, taggerDocument, trainIssueTagger, TAGGER_VERSION, type IssueLexicon, type IssueTaggerModel } from "@/lib/nlp";

const TAGGER_ID = "story";
/** The most recent articles the tagger learns from: enough for the story's vocabulary, bounded in time. */
export const TAGGER_ARTICLES = 400;

/** The stored tagger, if it was trained on exactly these lexicons by this version of the pipeline. */
export async function loadIssueTagger(db: Db, lexicons: readonly IssueLexicon[]): Promise<IssueTaggerModel | null> {
  const row = await db.issueTagger.findUnique({ where: { id: TAGGER_ID }, select: { lexiconHash: true, version: true, model: true } });
  if (!row || row.version !== TAGGER_VERSION || row.lexiconHash !== lexiconHash(lexicons)) return null;
  return row.model as unknown as IssueTaggerModel;
}

/**
 * Trains the story's issue tagger on the stored articles (the most recent `TAGGER_ARTICLES`, their
 * stored sentences matched against `lexicons`) and stores it, replacing the one before. Call it when
 * articles arrive or a lexicon changes.
 */
export async function retrainIssueTagger(db: Db, lexicons: readonly IssueLexicon[]): Promise<IssueTaggerModel> {
  const articles = await db.article.findMany({
    orderBy: [{ ingestedAt: "desc" }, { id: "asc" }],
    take: TAGGER_ARTICLES,
    select: { originalText: true, sentences: { orderBy: { index: "asc" }, select: { start: true, end: true, paragraph: true } } },
  });
  const model = trainIssueTagger(
    articles.map((article) => taggerDocument(article.originalText, article.sentences, lexicons)),
    lexicons,
  );
  // One statement, so that two ingests retraining at once cannot both try to create the row.
  await db.$executeRaw`
    INSERT INTO "IssueTagger" (id, "lexiconHash", version, sentences, articles, model, "trainedAt")
    VALUES (${TAGGER_ID}, ${model.lexiconHash}, ${model.version}, ${model.sentences}, ${articles.length}, ${JSON.stringify(model)}::jsonb, now())
    ON CONFLICT (id) DO UPDATE SET "lexiconHash" = EXCLUDED."lexiconHash", version = EXCLUDED.version, sentences = EXCLUDED.sentences,
      articles = EXCLUDED.articles, model = EXCLUDED.model, "trainedAt" = EXCLUDED."trainedAt"`;
  return model;
}
