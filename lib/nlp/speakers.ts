import { COMPANY_WORDS, NAME_PARTICLES as ROLE_NAME_PARTICLES } from "./lexicon/roles";
import type { SpeakerKind } from "./types";

/** A known speaker to start from (e.g. from the database): canonical name and other names. */
export type SpeakerSeed = { name: string; kind: SpeakerKind; aliases?: string[] };

/**
 * A role a person was seen to hold, as words: "French President X" gives
 * `{head: "president", country: "france"}`, "Moreau aide X" gives `{head: "aide", possessor: "moreau"}`.
 */
export type RoleKey = {
  head: string;
  country: string | null;
  possessor: string | null;
  modifiers: string[];
};

/** One speaker: every name form seen (with counts), aliases, roles and gender evidence. */
export type SpeakerEntry = {
  id: string;
  kind: SpeakerKind;
  fixedName: string | null;
  forms: { text: string; count: number; order: number }[];
  aliases: string[];
  given: string | null;
  surname: string | null;
  roles: RoleKey[];
  gender: { m: number; f: number };
  /** An institution's plain descriptions, from "a group calling itself …" ("group"): found by that word, which is not its name. */
  described?: string[];
};

/** The plain, serialisable state of a speaker registry. */
export type SpeakerRegistryData = { entries: SpeakerEntry[]; clock: number };

/** A speaker an article mentioned: canonical name, kind and the names the article used. */
export type LearnedSpeaker = { id: string; name: string; kind: SpeakerKind; aliases: string[] };

/**
 * The speakers known so far, as an immutable value: seed it with known speakers and their aliases,
 * pass it to an extraction, and take the extended registry the extraction returns for the next one.
 */
export class SpeakerRegistry {
  readonly data: SpeakerRegistryData;

  constructor(seed: readonly SpeakerSeed[] = [], data?: SpeakerRegistryData) {
    if (data) {
      this.data = data;
    } else {
      const book = new SpeakerBook({ entries: [], clock: 0 });
      for (const s of seed) book.seed(s);
      this.data = book.snapshotData();
    }
  }

  /** Restores a registry saved with `toJSON()`. */
  static fromJSON(data: SpeakerRegistryData): SpeakerRegistry {
    return new SpeakerRegistry([], data);
  }

  toJSON(): SpeakerRegistryData {
    return this.data;
  }

  /** Canonical name for a speaker id, or null if unknown. */
  name(id: string | null): string | null {
    if (!id) return null;
    const entry = this.data.entries.find((e) => e.id === id);
    return entry ? canonicalName(entry) : null;
  }

  /** Every speaker with its canonical name. */
  list(): LearnedSpeaker[] {
    return this.data.entries.map((e) => ({ id: e.id, name: canonicalName(e), kind: e.kind, aliases: e.forms.map((f) => f.text) }));
  }
}

/** Canonical name of anonymous sources. */
export const UNNAMED_SOURCE = "unnamed source";

const NAME_PARTICLES: ReadonlySet<string> = new Set([...ROLE_NAME_PARTICLES, "ó", "ní", "nic", "mac", "ua", "uí"]);

const ROLE_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ["advisor", "adviser"],
  ["aide", "adviser"],
  ["assistant", "adviser"],
  ["spokesman", "spokesperson"],
  ["spokeswoman", "spokesperson"],
  ["ceo", "chief executive"],
  ["chairwoman", "chair"],
  ["chairman", "chair"],
  ["chairperson", "chair"],
  ["councilman", "councillor"],
  ["councilwoman", "councillor"],
  ["councilor", "councillor"],
]);

const MEMO_LIMIT = 20_000;
const normalized = new Map<string, string>();
const transliterated = new Map<string, string>();

function memo(cache: Map<string, string>, key: string, compute: (k: string) => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= MEMO_LIMIT) cache.clear();
    value = compute(key);
    cache.set(key, value);
  }
  return value;
}

/** Lowercase, accent-free, punctuation-free form of a name, for comparisons. */
export function normalizeName(text: string): string {
  return memo(normalized, text, (t) =>
    t.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[’‘`]/gu, "'").replace(/'s$/u, "").replace(/[.]/gu, "").replace(/\s+/gu, " ").trim(),
  );
}

/** A key under which transliteration variants of a name coincide (Zelenskyy, Zelenskiy, Zelensky; Yuri, Yury). */
export function transliterationKey(name: string): string {
  return memo(transliterated, name, (n) =>
    normalizeName(n)
      .replace(/kh/gu, "h")
      .replace(/ck/gu, "k")
      .replace(/w/gu, "v")
      .replace(/(.)\1/gu, "$1")
      .replace(/(?:iy|yy|ii|ij|yj|yi|i)$/u, "y"),
  );
}

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/** How closely two surnames match: 1 exact, 0.9 transliteration variant, 0.75 one edit apart, 0 no. */
export function surnameSimilarity(a: string, b: string): number {
  const na = normalizeName(a);
  const nb = normalizeName(b);
  if (na === nb) return 1;
  const ta = transliterationKey(na);
  const tb = transliterationKey(nb);
  if (ta === tb) return 0.9;
  if (ta.length >= 6 && tb.length >= 6 && ta[0] === tb[0] && editDistance(ta, tb, 1) <= 1) return 0.75;
  return 0;
}

function givenCompatible(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const na = normalizeName(a);
  const nb = normalizeName(b);
  if (na === nb) return true;
  if (na.length === 1 || nb.length === 1) return na[0] === nb[0];
  const ta = transliterationKey(na);
  const tb = transliterationKey(nb);
  return ta === tb || (ta.length >= 4 && tb.length >= 4 && ta[0] === tb[0] && editDistance(ta, tb, 1) <= 1);
}

/** Whether a normalised name has more words than `tail` and ends with its words. */
function endsWithWords(name: string, tail: string): boolean {
  return name.length > tail.length && name.endsWith(` ${tail}`);
}

/** Splits a person's name into given name and surname, keeping particles with the surname. */
export function splitPersonName(name: string): { given: string | null; surname: string } {
  const parts = name.split(/\s+/u).filter(Boolean);
  let i = parts.length - 1;
  while (i > 0 && NAME_PARTICLES.has((parts[i - 1] as string).toLowerCase())) i--;
  const surname = parts.slice(i).join(" ");
  const given = i > 0 ? (parts[0] as string) : null;
  return { given, surname };
}

function canonicalRoleHead(head: string): string {
  const h = head.toLowerCase();
  return ROLE_SYNONYMS.get(h) ?? h;
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  const set = index.get(key);
  if (set) set.add(id);
  else index.set(key, new Set([id]));
}

/** Creates a registry, optionally seeded with known speakers and their aliases. */
export function createSpeakerRegistry(seed: readonly SpeakerSeed[] = []): SpeakerRegistry {
  return new SpeakerRegistry(seed);
}

const ACRONYM = /^\p{Lu}[\p{Lu}&]{1,7}$/u;

/** Whether a word is an acronym ("KCT", "ECMA", "P&O"). */
export function isAcronym(word: string): boolean {
  return ACRONYM.test(word);
}

/** The words that head an institution's name (an alias): its last word ("Halvorsen Metals"), and the word before "of" or "for" ("Ministry of Health"). */
function nameHeads(alias: string): string[] {
  const words = alias.split(" ");
  const last = words[words.length - 1] ?? alias;
  const of = words.findIndex((x, k) => k > 0 && (x === "of" || x === "for"));
  return of > 0 ? [last, words[of - 1] as string] : [last];
}

/**
 * Whether an institution's name `short` (normalised, two words or more) is a short form of its name `long`: its
 * end ("anti-corruption unit" of "national anti-corruption unit"), or its start when the rest only says what
 * kind of company it is ("tallis rock" of "tallis rock capital").
 */
function isShortFormOf(short: string, long: string): boolean {
  if (!short.includes(" ")) return false;
  if (long.endsWith(` ${short}`)) return true;
  return (
    long.startsWith(`${short} `) &&
    long
      .slice(short.length + 1)
      .split(" ")
      .every((word) => COMPANY_WORDS.has(word))
  );
}

/** The canonical name of a speaker: its fixed name, else its most frequent full form (ties: first seen). */
export function canonicalName(entry: SpeakerEntry): string {
  if (entry.fixedName) return entry.fixedName;
  // A person by their full name (a given name and a surname: "Van Oudenhove" at a sentence's start is a surname alone);
  // an institution by its name rather than its acronym ("KCT") or a short form of it ("Tallis Rock" of "Tallis Rock Capital").
  const isShortForm = (text: string) => entry.forms.some((f) => isShortFormOf(normalizeName(text), normalizeName(f.text)));
  const full = entry.forms.filter((f) => (entry.kind === "person" ? splitPersonName(f.text).given !== null : !isAcronym(f.text) && !isShortForm(f.text)));
  const pool = full.length ? full : entry.forms;
  let best = pool[0];
  for (const f of pool) {
    if (!best || f.count > best.count || (f.count === best.count && f.order < best.order)) best = f;
  }
  return best?.text ?? entry.id;
}

/** A copy of an entry that shares nothing mutable with it. */
function copyEntry(e: SpeakerEntry): SpeakerEntry {
  return {
    ...e,
    forms: e.forms.map((f) => ({ ...f })),
    aliases: [...e.aliases],
    roles: e.roles.map((r) => ({ ...r, modifiers: [...r.modifiers] })),
    gender: { ...e.gender },
    ...(e.described ? { described: [...e.described] } : {}),
  };
}

/**
 * A working copy of a registry for one extraction. It never mutates the registry it was made from;
 * `snapshot()` returns the registry extended with what was learned.
 */
export class SpeakerBook {
  private entries: SpeakerEntry[];
  private clock: number;
  private byId = new Map<string, SpeakerEntry>();
  private byAlias = new Map<string, string>();
  /** Where each speaker was mentioned in the current article, in ascending order. */
  private seenAt = new Map<string, number[]>();
  private used = new Map<string, Set<string>>();
  private bySurnameInitial = new Map<string, Set<string>>();
  private byGiven = new Map<string, Set<string>>();
  private byRoleHead = new Map<string, Set<string>>();

  constructor(registry: SpeakerRegistryData) {
    this.entries = registry.entries.map(copyEntry);
    this.clock = registry.clock;
    for (const e of this.entries) {
      this.byId.set(e.id, e);
      for (const a of e.aliases) this.byAlias.set(a, e.id);
      this.indexNames(e);
      for (const r of e.roles) addTo(this.byRoleHead, r.head, e.id);
    }
  }

  private indexNames(entry: SpeakerEntry): void {
    if (entry.surname) addTo(this.bySurnameInitial, transliterationKey(entry.surname).slice(0, 1), entry.id);
    if (entry.given) addTo(this.byGiven, normalizeName(entry.given), entry.id);
  }

  /** Adds a known speaker with a fixed canonical name. */
  seed(s: SpeakerSeed): string {
    const id = this.create(s.kind, s.name);
    const entry = this.get(id);
    entry.fixedName = s.name;
    if (s.kind === "person") this.setNameParts(entry, s.name);
    for (const a of s.aliases ?? []) {
      this.alias(id, a);
      if (s.kind === "person" && /\s/u.test(a)) this.addForm(entry, a, 0);
    }
    return id;
  }

  get(id: string): SpeakerEntry {
    const e = this.byId.get(id);
    if (!e) throw new Error(`unknown speaker ${id}`);
    return e;
  }

  kind(id: string): SpeakerKind {
    return this.get(id).kind;
  }

  name(id: string): string {
    return canonicalName(this.get(id));
  }

  /** Notes that a speaker was mentioned at a position of the current article, and with which words. */
  touch(id: string, position: number, words?: string): void {
    const positions = this.seenAt.get(id);
    if (!positions) this.seenAt.set(id, [position]);
    else if (position > (positions[positions.length - 1] as number)) positions.push(position);
    else {
      const at = firstAtOrAfter(positions, position);
      if (positions[at] !== position) positions.splice(at, 0, position);
    }
    if (words) {
      const set = this.used.get(id) ?? new Set<string>();
      set.add(words);
      this.used.set(id, set);
    }
  }

  /** The speakers the current article mentioned, with the words it used for them. */
  mentioned(): LearnedSpeaker[] {
    return [...this.used.entries()].map(([id, words]) => {
      const entry = this.get(id);
      return { id, name: canonicalName(entry), kind: entry.kind, aliases: [...new Set([...entry.forms.map((f) => f.text), ...words])] };
    });
  }

  /**
   * The speakers of a kind mentioned last before a position of the current article, most recent first.
   * Each counts by its last mention before the position, not by its last in the article: mentions are
   * resolved before quotes are attributed, so a speaker named again further on is still one of the last
   * named before an earlier quote.
   */
  recent(kind: SpeakerKind, before: number, limit: number): string[] {
    const found: [string, number][] = [];
    for (const [id, positions] of this.seenAt) {
      const at = firstAtOrAfter(positions, before) - 1;
      if (at >= 0 && this.get(id).kind === kind) found.push([id, positions[at] as number]);
    }
    return found
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([id]) => id);
  }

  /** The speaker of a kind mentioned last before a position of the current article. */
  mostRecent(kind: SpeakerKind, before: number): string | null {
    return this.recent(kind, before, 1)[0] ?? null;
  }

  /** Where a speaker was first mentioned in the current article, or -1. */
  firstSeen(id: string): number {
    return this.seenAt.get(id)?.[0] ?? -1;
  }

  /** Where a speaker was last mentioned in the current article, or -1. */
  recency(id: string): number {
    const positions = this.seenAt.get(id);
    return positions ? (positions[positions.length - 1] as number) : -1;
  }

  private create(kind: SpeakerKind, text: string): string {
    const id = `s${this.clock + 1}`;
    this.clock++;
    const entry: SpeakerEntry = {
      id,
      kind,
      fixedName: null,
      forms: [],
      aliases: [],
      given: null,
      surname: null,
      roles: [],
      gender: { m: 0, f: 0 },
    };
    this.entries.push(entry);
    this.byId.set(id, entry);
    this.addForm(entry, text, 1);
    this.alias(id, text);
    return id;
  }

  /**
   * Records another name an institution goes by ("the state water company, Aquestra"), so that the
   * description names it again later ("the company said").
   */
  addInstitutionAlias(id: string, text: string): void {
    if (this.get(id).kind === "institution") this.alias(id, text);
  }

  /** Records the word an institution was described by as it was named ("a group calling itself Red Lantern"). */
  addInstitutionDescription(id: string, head: string): void {
    const entry = this.get(id);
    if (entry.kind !== "institution") return;
    const word = normalizeName(head);
    entry.described ??= [];
    if (!entry.described.includes(word)) entry.described.push(word);
  }

  private alias(id: string, text: string): void {
    const key = normalizeName(text.replace(/^the\s+/iu, ""));
    if (!key) return;
    const entry = this.get(id);
    if (!entry.aliases.includes(key)) entry.aliases.push(key);
    if (!this.byAlias.has(key)) this.byAlias.set(key, id);
  }

  private addForm(entry: SpeakerEntry, text: string, count: number): void {
    const form = entry.forms.find((f) => f.text === text);
    if (form) form.count += count;
    else entry.forms.push({ text, count, order: ++this.clock });
  }

  private setNameParts(entry: SpeakerEntry, name: string): void {
    const { given, surname } = splitPersonName(name);
    entry.surname ??= surname;
    if (given && !entry.given) entry.given = given;
    this.indexNames(entry);
  }

  /** Looks a name up exactly (any alias of any kind). */
  findAlias(text: string): string | null {
    return this.byAlias.get(normalizeName(text.replace(/^the\s+/iu, ""))) ?? null;
  }

  /**
   * Finds the person a name refers to: exact alias, then same surname with a compatible given name,
   * then a transliteration variant of the surname. Ambiguity is settled by recency in the article.
   */
  findPerson(name: string, givenOnly = false): { id: string; confidence: number } | null {
    const parts = name.split(/\s+/u).filter(Boolean);
    const exact = this.findAlias(name);
    // A surname alone is whoever of that name this article has named, before a namesake of another article.
    const exactElsewhere = parts.length === 1 && !!exact && this.recency(exact) < 0;
    if (exact && this.get(exact).kind === "person" && !exactElsewhere) return { id: exact, confidence: 1 };
    let best: { id: string; confidence: number; recency: number } | null = null;
    const pool = givenOnly ? this.byGiven.get(normalizeName(name)) : this.bySurnameInitial.get(transliterationKey(splitPersonName(name).surname).slice(0, 1));
    for (const id of pool ?? []) {
      const e = this.get(id);
      if (e.kind !== "person") continue;
      let score = 0;
      if (givenOnly) {
        score = e.given && normalizeName(e.given) === normalizeName(name) ? 0.85 : 0;
      } else {
        const { given, surname } = splitPersonName(name);
        if (!e.surname) continue;
        const sim = surnameSimilarity(surname, e.surname);
        if (sim === 0) continue;
        if (parts.length > 1 && !givenCompatible(given, e.given)) {
          // "Ibáñez Soler" after "Rafael Ibáñez Soler": a double surname, the full name's last words.
          if (sim < 1 || !e.aliases.some((alias) => endsWithWords(alias, normalizeName(name)))) continue;
          score = 0.95;
        } else score = sim * (parts.length > 1 && e.given ? 1 : 0.95);
      }
      if (score <= 0) continue;
      const recency = this.recency(e.id);
      if (!best || score > best.confidence || (score === best.confidence && recency > best.recency)) {
        best = { id: e.id, confidence: score, recency };
      }
    }
    if (exactElsewhere && exact && this.get(exact).kind === "person" && (!best || best.recency < 0)) return { id: exact, confidence: 1 };
    return best ? { id: best.id, confidence: best.confidence } : null;
  }

  /** Records a person's name form, creating the person when no known one matches. */
  learnPerson(name: string): { id: string; confidence: number } {
    const found = this.findPerson(name);
    if (found) {
      const entry = this.get(found.id);
      if (name.includes(" ")) {
        this.addForm(entry, name, 1);
        this.alias(found.id, name);
        this.setNameParts(entry, name);
      }
      return found;
    }
    const id = this.create("person", name);
    this.setNameParts(this.get(id), name);
    return { id, confidence: 1 };
  }

  /**
   * Finds or creates a non-person speaker (institution, document, unnamed source) by name. An institution
   * is also found by a short form of a name this article gave it: its name without the first words ("the
   * Anti-Corruption Unit" for "the National Anti-Corruption Unit"), or without the last when they only
   * say what kind of company it is ("Tallis Rock" for "Tallis Rock Capital").
   */
  learnOther(kind: Exclude<SpeakerKind, "person">, name: string): string {
    const existing = this.findAlias(name) ?? (kind === "institution" ? this.findInstitutionShortForm(name) : null);
    if (existing && this.get(existing).kind === kind) {
      this.addForm(this.get(existing), name, 1);
      return existing;
    }
    return this.create(kind, name);
  }

  /** The most recently mentioned institution of this article that `name` (two words or more) is a short form of (see `learnOther`). */
  findInstitutionShortForm(name: string): string | null {
    const short = normalizeName(name);
    return this.latestInstitution((e) => e.aliases.some((alias) => isShortFormOf(short, alias)));
  }

  /**
   * The institution of this article whose proper name of two words or more opens with a single word ("Corvana" for
   * "Corvana Health"), mentioned last; not a country's body by its country ("Qasaria" of "Qasaria presidential office").
   */
  findInstitutionByFirstWord(word: string): string | null {
    const w = normalizeName(word);
    if (!w || w.includes(" ")) return null;
    return this.latestInstitution((e) =>
      e.forms.some((form) => {
        const [first, ...rest] = form.text.replace(/^the\s+/iu, "").split(/\s+/u);
        return rest.length > 0 && normalizeName(first ?? "") === w && rest.every((x) => /^\p{Lu}/u.test(x) || /^(?:of|and|for|&)$/u.test(x));
      }),
    );
  }

  /** The institution mentioned last in the current article of those that `fits`. */
  private latestInstitution(fits: (entry: SpeakerEntry) => boolean): string | null {
    let best: { id: string; recency: number } | null = null;
    for (const id of this.seenAt.keys()) {
      const e = this.get(id);
      if (e.kind !== "institution" || !fits(e)) continue;
      const recency = this.recency(id);
      if (recency >= 0 && (!best || recency > best.recency)) best = { id, recency };
    }
    return best?.id ?? null;
  }

  /**
   * The most recently mentioned institution described by a word as it was named ("a group calling itself …"),
   * else the one whose name is headed by it: its last word, or the word before "of" or "for" (or one of
   * `companyWords` as its last word).
   */
  findInstitutionByWord(word: string, companyWords?: ReadonlySet<string>, fits: (aliases: readonly string[]) => boolean = () => true): string | null {
    const w = normalizeName(word);
    // "the group" after "a group calling itself Red Lantern" is that group, before any company whose name ends in a company word.
    const described = this.latestInstitution((e) => !!e.described?.includes(w));
    if (described) return described;
    return this.latestInstitution((e) => {
      if (!fits(e.aliases)) return false;
      const lastWords = e.aliases.flatMap(nameHeads);
      return lastWords.includes(w) || (companyWords ? lastWords.some((x) => companyWords.has(x)) : false);
    });
  }

  addRole(id: string, role: RoleKey): void {
    const entry = this.get(id);
    const head = canonicalRoleHead(role.head);
    const same = entry.roles.find((r) => r.head === head && r.country === role.country && r.possessor === role.possessor);
    if (same) {
      for (const m of role.modifiers) if (!same.modifiers.includes(m)) same.modifiers.push(m);
    } else {
      entry.roles.push({ ...role, head, modifiers: [...role.modifiers] });
      addTo(this.byRoleHead, head, id);
    }
  }

  /**
   * People whose learned roles fit a description ("the French president", "Moreau's aide"), best
   * first: matching modifiers beat a bare head match, then recency in the article.
   */
  /** Whether two possessors of a role name one institution ("the authority's" and "the ECMA's" for the "… Markets Authority (ECMA)"). */
  private sameBody(a: string | null, b: string): boolean {
    if (!a) return false;
    for (const id of this.seenAt.keys()) {
      const e = this.get(id);
      if (e.kind !== "institution") continue;
      const heads = e.aliases.flatMap(nameHeads);
      if (heads.includes(a) && heads.includes(b)) return true;
    }
    return false;
  }

  findByRole(role: RoleKey): { id: string; confidence: number }[] {
    const head = canonicalRoleHead(role.head);
    const out: { id: string; confidence: number; recency: number }[] = [];
    for (const id of this.byRoleHead.get(head) ?? []) {
      const e = this.get(id);
      let best = 0;
      for (const r of e.roles) {
        if (r.head !== head) continue;
        if (role.country && r.country !== role.country) continue;
        if (role.possessor && r.possessor !== role.possessor && !this.sameBody(r.possessor, role.possessor)) continue;
        const mods = role.modifiers.filter((m) => r.modifiers.includes(m)).length;
        const score = role.modifiers.length === 0 || mods === role.modifiers.length ? 0.85 : 0.65;
        best = Math.max(best, score);
      }
      if (best > 0) out.push({ id: e.id, confidence: best, recency: this.recency(e.id) });
    }
    out.sort((a, b) => b.confidence - a.confidence || b.recency - a.recency);
    return out.map(({ id, confidence }) => ({ id, confidence }));
  }

  voteGender(id: string, gender: "m" | "f"): void {
    const entry = this.get(id);
    if (entry.kind === "person") entry.gender[gender]++;
  }

  /** A person's given name as the text has shown it, or null. */
  given(id: string): string | null {
    return this.get(id).given;
  }

  /** Whether the article or the registry gave a speaker a role of a country ("Dutch coach", "the French president"). */
  hasCountry(id: string, country: string): boolean {
    return this.get(id).roles.some((role) => role.country === country);
  }

  /** Gender evident from the text so far, or null when there is no evidence or it conflicts. */
  gender(id: string): "m" | "f" | null {
    const g = this.get(id).gender;
    if (g.m > g.f) return "m";
    if (g.f > g.m) return "f";
    return null;
  }

  snapshotData(): SpeakerRegistryData {
    return { entries: this.entries.map(copyEntry), clock: this.clock };
  }

  snapshot(): SpeakerRegistry {
    return SpeakerRegistry.fromJSON(this.snapshotData());
  }

  /**
   * The registry extended with what was learned, like `snapshot()` but without copying the entries:
   * the book gives them up and knows no speaker afterwards.
   */
  handOver(): SpeakerRegistry {
    const registry = SpeakerRegistry.fromJSON({ entries: this.entries, clock: this.clock });
    this.entries = [];
    this.byId.clear();
    this.byAlias.clear();
    this.used.clear();
    this.seenAt.clear();
    return registry;
  }
}

/** The index of the first of the ascending `positions` at or after `position` (their length when none is). */
function firstAtOrAfter(positions: readonly number[], position: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((positions[mid] as number) < position) low = mid + 1;
    else high = mid;
  }
  return low;
}
