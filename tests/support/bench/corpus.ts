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
