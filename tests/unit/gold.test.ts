import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  SpeakerRegistry,
  extractArticle,
  extractArticles,
  loadIssueLexicons,
  withCanonicalSpeakers,
  type ArticleExtraction,
  type IssueLexicon,
} from "@/lib/nlp";

type GoldQuote = { start: number; end: number; text: string; speaker: string | null; partial: boolean };
type GoldFigure = { start: number; end: number; raw: string; value: number; unit: string; about: string | null; speaker: string | null };
type GoldSentence = { start: number; end: number; text: string; issues: string[] };
type GoldMeta = { outlet: string | null; title: string | null; published: string | null; byline: string | null };
type GoldArticle = {
  file: string;
  meta?: GoldMeta;
  storyIssues?: string[];
  quotes: GoldQuote[];
  figures: GoldFigure[];
  issueSentences: GoldSentence[];
};
type GoldSet = { articles: GoldArticle[] };

const ROOT = path.resolve(import.meta.dirname, "..", "..");

type Span = { start: number; end: number };

function spanMatch(a: Span, b: Span): boolean {
  if (a.start === b.start && a.end === b.end) return true;
  const shared = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return shared / Math.max(a.end - a.start, b.end - b.start) >= 0.9;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

type Scores = {
  quotePrecision: number;
  quoteRecall: number;
  speakerAccuracy: number;
  partialAccuracy: number;
  issueF1: number;
  issuePrecision: number;
  issueRecall: number;
  figureRecall: number;
  figureSpeakerAccuracy: number;
  misses: string[];
};

/**
 * Derives the articles in file order with one shared registry, each with its own story's lexicons and
 * that story's issue tagger, trained on the story's articles as `extract` trains it.
 */
function extractInOrder(gold: GoldSet, dir: string, issues: IssueLexicon[]): ArticleExtraction[] {
  let registry = new SpeakerRegistry();
  const ownIssues = (a: GoldArticle) => (a.storyIssues ? issues.filter((i) => a.storyIssues?.includes(i.slug)) : issues);
  const stories = new Map<string, { own: IssueLexicon[]; texts: string[] }>();
  for (const a of gold.articles) {
    const own = ownIssues(a);
    const key = own.map((i) => i.slug).join(",");
    const story = stories.get(key) ?? { own, texts: [] };
    story.texts.push(readFileSync(path.join(dir, a.file), "utf8"));
    stories.set(key, story);
  }
  const taggers = new Map([...stories].map(([key, story]) => [key, extractArticles(story.texts, { issues: story.own }).tagger]));
  const raw = gold.articles.map((a) => {
    const own = ownIssues(a);
    const tagger = taggers.get(own.map((i) => i.slug).join(","));
    const result = extractArticle(readFileSync(path.join(dir, a.file), "utf8"), { issues: own, speakers: registry, tagger });
    registry = result.speakers;
    return result;
  });
  return raw.map((r) => withCanonicalSpeakers(r, registry));
}

function score(gold: GoldSet, dir: string, issuesFile: string): Scores {
  const issues = loadIssueLexicons(JSON.parse(readFileSync(issuesFile, "utf8")));
  const articles = extractInOrder(gold, dir, issues);
  let quoteTp = 0;
  let predicted = 0;
  let goldQuotes = 0;
  let speakerOk = 0;
  let partialOk = 0;
  let issueTp = 0;
  let issuePred = 0;
  let issueGold = 0;
  let figureFound = 0;
  let figureSpeakerOk = 0;
  let figureGold = 0;
  const misses: string[] = [];
  gold.articles.forEach((g, i) => {
    const out = articles[i] as ArticleExtraction;
    const quotes = out.claims.filter((c) => c.kind === "quote");
    predicted += quotes.length;
    goldQuotes += g.quotes.length;
    const used = new Set<number>();
    for (const q of g.quotes) {
      const k = quotes.findIndex((c, j) => !used.has(j) && spanMatch(c, q));
      if (k < 0) {
        misses.push(`${g.file} missed quote ${q.text}`);
        continue;
      }
      used.add(k);
      quoteTp++;
      const c = quotes[k] as (typeof quotes)[number];
      if (c.speaker === q.speaker) speakerOk++;
      else misses.push(`${g.file} speaker ${JSON.stringify(c.speaker)} ≠ ${JSON.stringify(q.speaker)} for ${q.text.slice(0, 50)}`);
      if (c.partial === q.partial) partialOk++;
      else misses.push(`${g.file} partial ${c.partial} ≠ ${q.partial} for ${q.text.slice(0, 50)}`);
    }
    quotes.forEach((c, j) => {
      if (!used.has(j)) misses.push(`${g.file} extra quote ${c.text.slice(0, 60)}`);
    });

    const goldPairs = new Set<string>();
    for (const s of g.issueSentences) for (const slug of s.issues) goldPairs.add(`${s.start}:${slug}`);
    issueGold += goldPairs.size;
    for (const s of out.sentences) {
      const match = g.issueSentences.find((gs) => spanMatch(gs, s));
      for (const slug of s.issues) {
        issuePred++;
        if (match && match.issues.includes(slug)) issueTp++;
        else misses.push(`${g.file} extra issue ${slug} @${s.start}`);
      }
    }
    for (const gs of g.issueSentences) {
      const s = out.sentences.find((x) => spanMatch(gs, x));
      for (const slug of gs.issues) if (!s?.issues.includes(slug)) misses.push(`${g.file} missed issue ${slug}: ${gs.text.slice(0, 60)}`);
    }

    for (const gf of g.figures) {
      figureGold++;
      const holders = out.claims.filter((c) => c.figures.some((f) => f.start <= gf.start && f.end >= gf.start + 1 && f.value === gf.value));
      if (!holders.length) {
        misses.push(`${g.file} missed figure ${gf.raw}`);
        continue;
      }
      figureFound++;
      const order = { quote: 0, reported: 1, narration: 2 } as const;
      const owner = [...holders].sort((a, b) => order[a.kind] - order[b.kind])[0];
      if (owner?.speaker === gf.speaker) figureSpeakerOk++;
      else misses.push(`${g.file} figure ${gf.raw} speaker ${JSON.stringify(owner?.speaker)} ≠ ${JSON.stringify(gf.speaker)}`);
    }
  });
  const issuePrecision = issuePred ? issueTp / issuePred : 1;
  const issueRecall = issueGold ? issueTp / issueGold : 1;
  return {
    quotePrecision: predicted ? quoteTp / predicted : 1,
    quoteRecall: goldQuotes ? quoteTp / goldQuotes : 1,
    speakerAccuracy: quoteTp ? speakerOk / quoteTp : 1,
    partialAccuracy: quoteTp ? partialOk / quoteTp : 1,
    issuePrecision,
    issueRecall,
    issueF1: f1(issuePrecision, issueRecall),
    figureRecall: figureGold ? figureFound / figureGold : 1,
    figureSpeakerAccuracy: figureFound ? figureSpeakerOk / figureFound : 1,
    misses,
  };
}

function report(name: string, s: Scores): void {
  const fmt = (x: number): string => x.toFixed(3);
  console.log(
    `[gold:${name}] quotes P=${fmt(s.quotePrecision)} R=${fmt(s.quoteRecall)} speaker=${fmt(s.speakerAccuracy)} partial=${fmt(s.partialAccuracy)} | issues P=${fmt(s.issuePrecision)} R=${fmt(s.issueRecall)} F1=${fmt(s.issueF1)} | figures R=${fmt(s.figureRecall)} speaker=${fmt(s.figureSpeakerAccuracy)}`,
  );
  if (process.env.GOLD_VERBOSE) for (const m of s.misses) console.log(`  ${m}`);
}

function load(file: string): GoldSet {
  return JSON.parse(readFileSync(path.join(ROOT, "tests", "gold", file), "utf8")) as GoldSet;
}

describe("claims pipeline against hand-written gold", () => {
  const sets = [
    { name: "seeds", gold: load("seeds.gold.json"), dir: path.join(ROOT, "seeds"), issues: path.join(ROOT, "seeds", "issues.json") },
    {
      name: "unseen",
      gold: load("unseen.gold.json"),
      dir: path.join(ROOT, "tests", "gold", "unseen"),
      issues: path.join(ROOT, "tests", "gold", "unseen", "issues.json"),
    },
  ];
  it("reads only the metadata the texts state", () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, "seeds", "manifest.json"), "utf8")) as {
      articles: { file: string; outlet: string | null; title: string | null; publishedAt: string | null; byline: string | null }[];
    };
    const expected: [string, string, GoldMeta][] = [
      ...manifest.articles.map((a): [string, string, GoldMeta] => [
        path.join(ROOT, "seeds"),
        a.file,
        { outlet: a.outlet, title: a.title, published: a.publishedAt, byline: a.byline },
      ]),
      ...sets[1]!.gold.articles.filter((a) => a.meta).map((a): [string, string, GoldMeta] => [sets[1]!.dir, a.file, a.meta as GoldMeta]),
    ];
    for (const [dir, file, meta] of expected) {
      const { outlet, title, published, byline } = extractArticle(readFileSync(path.join(dir, file), "utf8"), { issues: [] }).meta;
      expect({ file, outlet, title, published, byline }).toEqual({
        file,
        outlet: meta.outlet,
        title: meta.title,
        published: meta.published,
        byline: meta.byline,
      });
    }
  });

  for (const set of sets) {
    it(`has gold spans that match the ${set.name} texts`, () => {
      for (const a of set.gold.articles) {
        const text = readFileSync(path.join(set.dir, a.file), "utf8");
        for (const item of [...a.quotes, ...a.issueSentences]) expect(text.slice(item.start, item.end)).toBe(item.text);
        for (const f of a.figures) expect(text.slice(f.start, f.end)).toBe(f.raw);
      }
    });

    it(`meets the quality bar on the ${set.name} set`, () => {
      const s = score(set.gold, set.dir, set.issues);
      report(set.name, s);
      expect(s.quoteRecall).toBeGreaterThanOrEqual(0.95);
      expect(s.quotePrecision).toBeGreaterThanOrEqual(0.95);
      expect(s.speakerAccuracy).toBeGreaterThanOrEqual(0.9);
      expect(s.issueF1).toBeGreaterThanOrEqual(0.85);
    });
  }
});
