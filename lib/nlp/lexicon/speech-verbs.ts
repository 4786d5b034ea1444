/**
 * Speech and reporting verbs, in the inflected forms news copy uses.
 *
 * `TAG_VERBS` introduce or close a direct quotation ("…,” she said); `FRAME_VERBS` add the verbs
 * that weave a fragment of someone's words into the narrator's sentence (he described the call as
 * “friendly”); `REPORTED_VERBS` mark reported speech without quotation marks.
 */

const TAG_VERB_LIST = [
  "say", "says", "said", "saying",
  "tell", "tells", "told", "telling",
  "add", "adds", "added", "adding",
  "note", "notes", "noted", "noting",
  "state", "states", "stated", "stating",
  "remark", "remarks", "remarked", "remarking",
  "write", "writes", "wrote", "writing",
  "post", "posts", "posted",
  "tweet", "tweets", "tweeted",
  "claim", "claims", "claimed", "claiming",
  "insist", "insists", "insisted", "insisting",
  "warn", "warns", "warned", "warning",
  "acknowledge", "acknowledges", "acknowledged", "acknowledging",
  "concede", "concedes", "conceded", "conceding",
  "confirm", "confirms", "confirmed", "confirming",
  "argue", "argues", "argued", "arguing",
  "explain", "explains", "explained", "explaining",
  "continue", "continues", "continued",
  "reply", "replies", "replied",
  "respond", "responds", "responded",
  "answer", "answers", "answered",
  "ask", "asks", "asked",
  "declare", "declares", "declared", "declaring",
  "announce", "announces", "announced", "announcing",
  "recall", "recalls", "recalled",
  "observe", "observes", "observed",
  "suggest", "suggests", "suggested", "suggesting",
  "predict", "predicts", "predicted", "predicting",
  "caution", "cautions", "cautioned", "cautioning",
  "complain", "complains", "complained", "complaining",
  "boast", "boasts", "boasted",
  "joke", "jokes", "joked",
  "quip", "quips", "quipped",
  "admit", "admits", "admitted", "admitting",
  "emphasize", "emphasizes", "emphasized", "emphasizing",
  "emphasise", "emphasises", "emphasised", "emphasising",
  "stress", "stresses", "stressed", "stressing",
  "urge", "urges", "urged", "urging",
  "pledge", "pledges", "pledged", "pledging",
  "vow", "vows", "vowed", "vowing",
  "promise", "promises", "promised", "promising",
  "lament", "laments", "lamented",
  "conclude", "concludes", "concluded",
  "counter", "counters", "countered",
  "retort", "retorts", "retorted",
  "shout", "shouts", "shouted",
  "reiterate", "reiterates", "reiterated", "reiterating",
  "maintain", "maintains", "maintained", "maintaining",
  "contend", "contends", "contended",
  "assert", "asserts", "asserted", "asserting",
  "allege", "alleges", "alleged", "alleging",
  "disclose", "discloses", "disclosed",
  "reveal", "reveals", "revealed", "revealing",
  "indicate", "indicates", "indicated", "indicating",
  "mention", "mentions", "mentioned",
  "highlight", "highlights", "highlighted", "highlighting",
  "underline", "underlines", "underlined",
  "underscore", "underscores", "underscored",
  "explain", "testify", "testified",
];

const FRAME_ONLY_LIST = [
  "describe", "describes", "described", "describing",
  "call", "calls", "called", "calling",
  "characterize", "characterizes", "characterized", "characterizing",
  "characterise", "characterises", "characterised", "characterising",
  "label", "labels", "labelled", "labeled",
  "dub", "dubs", "dubbed",
  "term", "terms", "termed",
  "cite", "cites", "cited", "citing",
  "identify", "identifies", "identified",
  "dismiss", "dismisses", "dismissed", "dismissing",
  "brand", "brands", "branded",
  "hail", "hails", "hailed",
  "denounce", "denounces", "denounced",
  "believe", "believes", "believed", "believing",
  "think", "thinks", "thought",
  "hope", "hopes", "hoped",
  "express", "expresses", "expressed", "expressing",
  "demand", "demands", "demanded", "demanding",
  "accuse", "accuses", "accused", "accusing",
  "reject", "rejects", "rejected", "rejecting",
  "deny", "denies", "denied", "denying",
  "appeal", "appeals", "appealed", "appealing",
];

const REPORTED_ONLY_LIST = [
  "report", "reports", "reported",
  "estimate", "estimates", "estimated",
  "forecast", "forecasts",
  "project", "projected",
  "point", "pointed",
];

/** Verbs that tag a direct quotation. */
export const TAG_VERBS: ReadonlySet<string> = new Set(TAG_VERB_LIST);

/** Verbs that attribute a quoted fragment woven into a sentence. */
export const FRAME_VERBS: ReadonlySet<string> = new Set([...TAG_VERB_LIST, ...FRAME_ONLY_LIST]);

/** Verbs that introduce reported speech or a stated position. */
export const REPORTED_VERBS: ReadonlySet<string> = new Set([
  ...TAG_VERB_LIST.filter((v) => !["ask", "asks", "asked", "continue", "continues", "continued", "recall", "recalls", "recalled"].includes(v)),
  ...FRAME_ONLY_LIST.filter((v) => !["think", "thinks", "thought", "hope", "hopes", "hoped", "believe", "believes", "believed", "believing"].includes(v)),
  ...REPORTED_ONLY_LIST,
]);

/** Every verb form above, for one precompiled scan of a paragraph. */
export const ALL_SPEECH_VERBS: ReadonlySet<string> = new Set([...FRAME_VERBS, ...REPORTED_VERBS]);

/** Words that may sit between a speaker and the speech verb ("Smith also said", "she later added"). */
export const TAG_FILLERS: ReadonlySet<string> = new Set([
  "also", "later", "then", "again", "once", "recently", "previously", "reportedly", "repeatedly",
  "publicly", "privately", "separately", "simply", "quickly", "flatly", "firmly", "bluntly", "quietly",
  "earlier", "further", "finally", "had", "has", "have", "was", "is", "were", "are", "would", "will",
  "could", "might", "may", "did", "does", "do", "had", "already", "still", "consistently",
  "long", "herself", "himself", "themselves", "itself", "not", "never", "directly", "openly",
  "has also", "angrily", "calmly", "sharply", "loudly", "softly", "curtly", "tersely", "subsequently",
]);

/** Adverbials that may follow a tag verb before a colon-introduced quotation ("said in a statement:"). */
export const TAG_OBJECTS: ReadonlySet<string> = new Set([
  "reporters", "journalists", "the", "a", "an", "in", "at", "on", "to", "during", "after", "before", "statement",
  "briefing", "interview", "conference", "news", "press", "television", "radio", "us", "him", "her", "them",
  "parliament", "lawmakers", "supporters", "crowd", "audience", "told", "later", "sunday", "monday", "tuesday",
  "wednesday", "thursday", "friday", "saturday", "this", "week", "x", "social", "truth", "post", "posted",
  "online", "televised", "address", "speech", "written", "emailed", "email", "camera", "cameras", "telephone",
  "phone", "call", "by", "via", "media", "his", "its", "their", "officials", "broadcaster", "state", "investors",
  "analysts", "delegates", "members", "workers", "residents", "voters",
]);

/** Verbs whose subject is the hearer when passive ("was told", "is said to"): never a speaker's verb. */
export const PASSIVE_MARKERS: ReadonlySet<string> = new Set(["is", "are", "was", "were", "be", "been", "being", "when", "if", "once", "after"]);
