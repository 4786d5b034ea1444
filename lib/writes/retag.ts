import type { Db } from "@/lib/db";
import { extractArticle, type IssueLexicon, type IssueTaggerModel } from "@/lib/nlp";
import { compileIssues, matchIssues } from "@/lib/nlp/issues";
import { refreshAnalysis } from "@/lib/analysis/run/refresh";
import { retrainIssueTagger } from "@/lib/analysis/run/tagger";

const ARTICLE_BATCH = 100;

export type RetagResult = { articles: number; sentencesChanged: number; claimsChanged: number };

type SentenceRow = { id: string; articleId: string; start: number; end: number; issues: string[] };
type ClaimRow = { id: string; articleId: string; kind: string; start: number; end: number; corrections: unknown };

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function groupByArticle<T extends { articleId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.articleId);
    if (group) group.push(row);
    else groups.set(row.articleId, [row]);
  }
  return groups;
}

function hasIssueCorrection(corrections: unknown): boolean {
  return Boolean(corrections && typeof corrections === "object" && "issues" in corrections);
}

/**
 * Re-derives which issues every stored article's sentences and claims bear on, from the stored text and
 * the current lexicons of all issues (open and resolved, so a resolved issue keeps its history), with
 * the same pipeline as ingest and the story's issue tagger, retrained first on the new lexicons; then
 * recomputes the cross-article analysis. Call it after an issue's lexicon changes or an issue is added.
 *
 * `changed` (issue slugs) limits the work to articles that can be affected: those with a sentence
 * tagged with one of them, or whose text matches one of their phrases or the phrase words the tagger
 * lets count alone. Claims whose issues an
 * editor corrected keep them. Sentences keep their rows; only changed tags are written, a batch of
 * articles per transaction. `refresh` recomputes the analysis afterwards: in this process by default;
 * the app hands it to a process of its own.
 */
export async function retagArticles(
  db: Db,
  { changed, refresh = () => refreshAnalysis(db) }: { changed?: string[]; refresh?: () => Promise<unknown> } = {},
): Promise<RetagResult> {
  const issues = await db.issue.findMany({
    orderBy: { position: "asc" },
    select: { id: true, slug: true, title: true, description: true, phrases: true, exclusions: true },
  });
  const lexicons: IssueLexicon[] = issues.map(({ slug, title, description, phrases, exclusions }) => ({ slug, title, description, phrases, exclusions }));
  const issueIds = new Map(issues.map((issue) => [issue.slug, issue.id]));
  const watched = changed ? compileIssues(lexicons.filter((lexicon) => changed.includes(lexicon.slug))) : [];
  const tagger = await retrainIssueTagger(db, lexicons);
  const cueWords = changed ? cuePattern(tagger, changed) : null;
  const result: RetagResult = { articles: 0, sentencesChanged: 0, claimsChanged: 0 };

  let cursor = "";
  for (;;) {
    const articles = await db.article.findMany({
      where: { id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: ARTICLE_BATCH,
      select: { id: true, originalText: true },
    });
    if (articles.length === 0) break;
    cursor = articles.at(-1)!.id;
    let candidates = articles;
    if (changed) {
      const tagged = await db.$queryRaw<{ articleId: string }[]>`
        SELECT DISTINCT "articleId" FROM "Sentence"
        WHERE "articleId" = ANY(${articles.map((article) => article.id)}::text[]) AND issues && ${changed}::text[]`;
      const taggedIds = new Set(tagged.map((row) => row.articleId));
      candidates = articles.filter(
        (article) =>
          taggedIds.has(article.id) ||
          matchIssues(article.originalText, 0, article.originalText.length, watched).length > 0 ||
          Boolean(cueWords?.test(article.originalText)),
      );
    }
    if (candidates.length > 0) await retagBatch(db, candidates, { lexicons, tagger }, issueIds, result);
  }
  await refresh();
  return result;
}

/** Words the tagger lets count alone for the `changed` issues, as one expression (null when there are none). */
function cuePattern(tagger: IssueTaggerModel, changed: readonly string[]): RegExp | null {
  const words = tagger.issues.filter((issue) => changed.includes(issue.slug)).flatMap((issue) => [...issue.cues, ...issue.modifiers]);
  if (words.length === 0) return null;
  return new RegExp(`(?<![\\p{L}])(?:${words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")).join("|")})`, "iu");
}

async function retagBatch(
  db: Db,
  articles: { id: string; originalText: string }[],
  { lexicons, tagger }: { lexicons: IssueLexicon[]; tagger: IssueTaggerModel },
  issueIds: Map<string, string>,
  result: RetagResult,
) {
  const ids = articles.map((article) => article.id);
  const [sentences, claims, links] = await Promise.all([
    db.sentence.findMany({ where: { articleId: { in: ids } }, select: { id: true, articleId: true, start: true, end: true, issues: true } }),
    db.claim.findMany({ where: { articleId: { in: ids } }, select: { id: true, articleId: true, kind: true, start: true, end: true, corrections: true } }),
    db.claimIssue.findMany({ where: { claim: { articleId: { in: ids } } }, select: { claimId: true, issueId: true } }),
  ]);
  const sentencesOf = groupByArticle<SentenceRow>(sentences);
  const claimsOf = groupByArticle<ClaimRow>(claims);
  const current = new Map<string, Set<string>>();
  for (const link of links) current.set(link.claimId, (current.get(link.claimId) ?? new Set()).add(link.issueId));

  const sentenceUpdates: { id: string; issues: string[] }[] = [];
  const removed: { claimId: string; issueId: string }[] = [];
  const added: { claimId: string; issueId: string }[] = [];
  for (const article of articles) {
    const extraction = extractArticle(article.originalText, { issues: lexicons, tagger });
    const derivedSentences = new Map(extraction.sentences.map((sentence) => [`${sentence.start}:${sentence.end}`, sentence.issues]));
    const stored = sentencesOf.get(article.id) ?? [];
    const tagsOf = new Map<string, string[]>();
    for (const sentence of stored) {
      const exact = derivedSentences.get(`${sentence.start}:${sentence.end}`);
      const issues = exact ?? [...new Set(extraction.sentences.filter((derived) => overlaps(derived, sentence)).flatMap((derived) => derived.issues))];
      tagsOf.set(sentence.id, issues);
      if (!sameSet(issues, sentence.issues)) sentenceUpdates.push({ id: sentence.id, issues: [...issues].sort() });
    }
    const derivedClaims = new Map(extraction.claims.map((claim) => [`${claim.kind}:${claim.start}:${claim.end}`, claim.issues]));
    for (const claim of claimsOf.get(article.id) ?? []) {
      if (hasIssueCorrection(claim.corrections)) continue;
      const slugs = derivedClaims.get(`${claim.kind}:${claim.start}:${claim.end}`) ?? [
        ...new Set(stored.filter((sentence) => overlaps(sentence, claim)).flatMap((sentence) => tagsOf.get(sentence.id) ?? [])),
      ];
      const desired = new Set(slugs.flatMap((slug) => (issueIds.has(slug) ? [issueIds.get(slug)!] : [])));
      const have = current.get(claim.id) ?? new Set<string>();
      const before = removed.length + added.length;
      for (const issueId of have) if (!desired.has(issueId)) removed.push({ claimId: claim.id, issueId });
      for (const issueId of desired) if (!have.has(issueId)) added.push({ claimId: claim.id, issueId });
      if (removed.length + added.length > before) result.claimsChanged += 1;
    }
  }
  result.articles += articles.length;
  result.sentencesChanged += sentenceUpdates.length;
  if (sentenceUpdates.length === 0 && removed.length === 0 && added.length === 0) return;
  await db.$transaction(async (tx) => {
    if (sentenceUpdates.length > 0) {
      await tx.$executeRaw`
        UPDATE "Sentence" AS s SET issues = v.issues
        FROM jsonb_to_recordset(${JSON.stringify(sentenceUpdates)}::jsonb) AS v(id text, issues text[])
        WHERE s.id = v.id`;
    }
    if (removed.length > 0) {
      await tx.$executeRaw`
        DELETE FROM "ClaimIssue" AS ci
        USING unnest(${removed.map((link) => link.claimId)}::text[], ${removed.map((link) => link.issueId)}::text[]) AS v("claimId", "issueId")
        WHERE ci."claimId" = v."claimId" AND ci."issueId" = v."issueId"`;
    }
    if (added.length > 0) await tx.claimIssue.createMany({ data: added, skipDuplicates: true });
  });
}
