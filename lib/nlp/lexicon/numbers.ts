/** English number words and scales for reading figures written out in prose. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ["zero", 0], ["one", 1], ["two", 2], ["three", 3], ["four", 4], ["five", 5], ["six", 6], ["seven", 7],
  ["eight", 8], ["nine", 9], ["ten", 10], ["eleven", 11], ["twelve", 12], ["thirteen", 13], ["fourteen", 14],
  ["fifteen", 15], ["sixteen", 16], ["seventeen", 17], ["eighteen", 18], ["nineteen", 19], ["twenty", 20],
  ["thirty", 30], ["forty", 40], ["fifty", 50], ["sixty", 60], ["seventy", 70], ["eighty", 80], ["ninety", 90],
  ["hundred", 100], ["a hundred", 100], ["an", 1], ["a", 1], ["dozen", 12], ["a dozen", 12], ["half", 0.5],
  ["half a", 0.5], ["half an", 0.5], ["quarter", 0.25], ["a quarter", 0.25], ["a half", 0.5], ["once", 1], ["twice", 2], ["thrice", 3],
]);

/** Vague magnitudes ("tens of thousands", "hundreds of missiles"), each read as its lower bound. */
export const MAGNITUDES: ReadonlyMap<string, number> = new Map([
  ["tens", 10], ["dozens", 24], ["hundreds", 100], ["thousands", 1e3], ["millions", 1e6], ["billions", 1e9], ["trillions", 1e12],
]);

/** Nouns after a count that make it a label or a figure of speech, not a measured figure ("20-point plan", "two-state solution"). */
export const LABEL_HEADS: ReadonlySet<string> = new Set([
  "plan", "plans", "programme", "program", "proposal", "proposals", "agenda", "framework", "list", "charter", "strategy",
  "roadmap", "blueprint", "formula", "format", "doctrine", "policy", "memo", "memorandum", "document", "draft",
]);

/** Words joined to a count that make a name or figure of speech ("two-state", "one-off", "three-time"). */
export const FIGURATIVE_UNITS: ReadonlySet<string> = new Set([
  "state", "way", "time", "times", "off", "sided", "man", "party", "shot", "track", "tier", "pronged", "fold", "thirds",
  "third", "quarters", "dimensional", "faced", "handed", "horse", "liner", "size", "stop", "star", "on", "piece", "step",
]);

/** Multipliers written after a number ("4.5 million", "£3.2m"). */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ["thousand", 1e3], ["k", 1e3], ["million", 1e6], ["m", 1e6], ["mn", 1e6], ["billion", 1e9], ["bn", 1e9],
  ["b", 1e9], ["trillion", 1e12], ["tn", 1e12], ["lakh", 1e5], ["lakhs", 1e5], ["crore", 1e7], ["crores", 1e7],
]);

/** Currency symbols and words, with the code reported as a figure's unit. */
export const CURRENCIES: ReadonlyMap<string, string> = new Map([
  ["$", "USD"], ["us$", "USD"], ["€", "EUR"], ["£", "GBP"], ["¥", "JPY"], ["₴", "UAH"], ["₽", "RUB"],
  ["dollars", "USD"], ["dollar", "USD"], ["euros", "EUR"], ["euro", "EUR"], ["pounds", "GBP"],
  ["pound", "GBP"], ["rubles", "RUB"], ["roubles", "RUB"], ["hryvnias", "UAH"], ["yuan", "CNY"], ["yen", "JPY"],
  ["₹", "INR"], ["rs", "INR"], ["rs.", "INR"], ["rupees", "INR"], ["usd", "USD"], ["eur", "EUR"], ["gbp", "GBP"], ["inr", "INR"],
]);

/** Time units for durations, each with its size in minutes (for "one hour and 15 minutes"). */
export const TIME_UNITS: ReadonlyMap<string, { unit: string; minutes: number }> = new Map([
  ["second", { unit: "seconds", minutes: 1 / 60 }], ["seconds", { unit: "seconds", minutes: 1 / 60 }],
  ["minute", { unit: "minutes", minutes: 1 }], ["minutes", { unit: "minutes", minutes: 1 }],
  ["hour", { unit: "hours", minutes: 60 }], ["hours", { unit: "hours", minutes: 60 }],
  ["day", { unit: "days", minutes: 1440 }], ["days", { unit: "days", minutes: 1440 }],
  ["week", { unit: "weeks", minutes: 10080 }], ["weeks", { unit: "weeks", minutes: 10080 }],
  ["month", { unit: "months", minutes: 43200 }], ["months", { unit: "months", minutes: 43200 }],
  ["year", { unit: "years", minutes: 525600 }], ["years", { unit: "years", minutes: 525600 }],
  ["decade", { unit: "decades", minutes: 5256000 }], ["decades", { unit: "decades", minutes: 5256000 }],
]);

/** Month names and abbreviations: a number next to one is a date, not a figure. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ["january", 1], ["jan", 1], ["february", 2], ["feb", 2], ["march", 3], ["mar", 3], ["april", 4], ["apr", 4],
  ["may", 5], ["june", 6], ["jun", 6], ["july", 7], ["jul", 7], ["august", 8], ["aug", 8], ["september", 9],
  ["sep", 9], ["sept", 9], ["october", 10], ["oct", 10], ["november", 11], ["nov", 11], ["december", 12], ["dec", 12],
]);
