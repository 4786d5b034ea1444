/**
 * Titles, role nouns and institution words used to read who is speaking.
 * Generic English only: no names of people or places.
 */

/** Words that form a person's title before a name ("Prime Minister", "Defense Secretary", "Sir"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  "president", "vice", "prime", "minister", "deputy", "secretary", "general", "chancellor", "senator", "sen.",
  "rep.", "representative", "congressman", "congresswoman", "governor", "gov.", "mayor", "gen.", "admiral",
  "adm.", "colonel", "col.", "ambassador", "chairman", "chairwoman", "chair", "chairperson", "director",
  "speaker", "leader", "king", "queen", "prince", "princess", "pope", "sir", "dame", "lord", "lady", "mr",
  "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "professor", "prof.", "judge", "justice",
  "commissioner", "chief", "executive", "ceo", "spokesman", "spokeswoman", "spokesperson", "envoy",
  "councilman", "councilwoman", "councillor", "councilor", "council", "mp", "mep", "premier", "sheikh",
  "emir", "officer", "detective", "inspector", "superintendent", "attorney", "counsel", "treasurer",
  "auditor", "commander", "marshal", "captain", "capt.", "lieutenant", "lt.", "sergeant", "sgt.", "foreign",
  "defense", "defence", "interior", "finance", "transport", "transportation", "energy", "health",
  "education", "trade", "economy", "economic", "home", "labour", "labor", "agriculture", "environment",
  "culture", "treasury", "attorney-general", "secretary-general", "president-elect", "first", "lady",
  "senior", "acting", "former", "then", "assistant", "associate", "managing", "press", "national", "security",
  "adviser", "advisor", "aide", "coach", "manager", "founder", "owner", "principal", "dean", "bishop",
  "archbishop", "rabbi", "imam", "father", "reverend", "rev.", "pastor", "cardinal", "chancellor",
  "magistrate", "sheriff", "constable", "economist", "analyst", "lawyer", "mayor-elect", "state",
  "democrat", "democratic", "republican", "labour", "conservative", "tory", "liberal", "green", "socialist",
  "independent", "colonel", "skipper", "captain", "organiser", "organizer", "chief",
  "striker", "midfielder", "defender", "goalkeeper", "winger", "batter", "batsman", "bowler", "quarterback",
  "pitcher", "forward", "jockey", "driver", "rider", "prosecutor", "detective", "inspector",
]);

/** Honorifics that carry gender. */
export const GENDERED_TITLES: ReadonlyMap<string, "m" | "f"> = new Map([
  ["mr", "m"], ["mr.", "m"], ["sir", "m"], ["lord", "m"], ["king", "m"], ["prince", "m"], ["father", "m"],
  ["congressman", "m"], ["councilman", "m"], ["chairman", "m"], ["spokesman", "m"], ["sheikh", "m"],
  ["mrs", "f"], ["mrs.", "f"], ["ms", "f"], ["ms.", "f"], ["miss", "f"], ["dame", "f"], ["lady", "f"],
  ["queen", "f"], ["princess", "f"], ["congresswoman", "f"], ["councilwoman", "f"], ["chairwoman", "f"],
  ["spokeswoman", "f"], ["businesswoman", "f"], ["businessman", "m"],
]);

/** Honorifics after which a single name is the given name ("Sir Keir"). */
export const GIVEN_NAME_HONORIFICS: ReadonlySet<string> = new Set(["sir", "dame", "lord", "lady"]);

/** Nouns that head a description of a person by role ("the French president", "Moreau's aide"). */
export const PERSON_ROLE_NOUNS: ReadonlySet<string> = new Set([
  "president", "leader", "aide", "adviser", "advisor", "official", "spokesman", "spokeswoman", "spokesperson",
  "minister", "secretary", "envoy", "diplomat", "ambassador", "chancellor", "premier", "governor", "mayor",
  "senator", "lawmaker", "analyst", "expert", "negotiator", "representative", "chief", "director",
  "executive", "chairman", "chairwoman", "chair", "commander", "general", "prosecutor", "lawyer", "attorney",
  "judge", "officer", "source", "insider", "head", "king", "queen", "prince", "pope", "councillor",
  "councilman", "councilwoman", "mp", "monarch", "ruler", "strongman", "counterpart", "host", "guest",
  "son-in-law", "daughter", "son", "wife", "husband", "brother", "sister", "deputy", "candidate", "nominee",
  "incumbent", "veteran", "economist", "ceo", "founder", "owner", "coach", "manager", "speaker", "superintendent",
  "opponent", "rival", "challenger", "predecessor", "successor", "ally", "coordinator", "auditor", "commissioner",
  "chairperson", "secretary-general", "mediator", "skipper", "captain", "organiser", "organizer",
  "striker", "midfielder", "defender", "goalkeeper", "winger", "batter", "batsman", "bowler", "quarterback", "pitcher",
]);

/** Plural role nouns for groups that speak together without names. */
export const GROUP_ROLE_NOUNS: ReadonlySet<string> = new Set([
  "officials", "sources", "diplomats", "aides", "advisers", "advisors", "analysts", "experts", "insiders",
  "negotiators", "people", "persons", "lawmakers", "economists", "observers", "critics",
]);

/** Role nouns that mean an unnamed source even when definite ("the source", "the official"). */
export const ANONYMOUS_HEADS: ReadonlySet<string> = new Set([
  "source", "sources", "official", "officials", "insider", "insiders", "person", "people", "diplomat",
  "diplomats", "aides", "advisers", "advisors", "analysts", "experts", "negotiator", "negotiators",
]);

/** Words after an anonymous head that confirm it ("people familiar with the talks"). */
export const ANONYMITY_CUES: ReadonlySet<string> = new Set([
  "familiar", "close", "briefed", "with", "knowledgeable", "speaking", "who", "anonymity", "aware",
]);

/** Nouns that head a description of an institution ("the ministry", "the company"). */
export const INSTITUTION_ROLE_NOUNS: ReadonlySet<string> = new Set([
  "ministry", "department", "government", "administration", "office", "agency", "committee", "council",
  "company", "firm", "club", "union", "authority", "board", "commission", "court", "regulator", "party",
  "campaign", "embassy", "team", "police", "army", "military", "cabinet", "parliament", "senate", "congress",
  "presidency", "palace", "carrier", "airline", "bank", "fund", "group", "organisation",
  "organization", "alliance", "bloc", "trust", "federation", "association", "university", "hospital",
  "school", "institute", "foundation", "watchdog", "prosecutors", "investigators", "spokesperson's office",
  "manufacturer", "automaker", "carmaker", "operator", "utility", "council", "city", "county", "state",
  "statement",
]);

/** Heads that mean a company when resolving "the company"/"the firm". */
export const COMPANY_HEADS: ReadonlySet<string> = new Set([
  "company", "firm", "carrier", "airline", "manufacturer", "automaker", "carmaker", "operator", "group", "utility",
]);

/** Words that, inside a capitalised name, make it an organisation rather than a person. */
export const ORG_WORDS: ReadonlySet<string> = new Set([
  "house", "ministry", "council", "committee", "party", "union", "authority", "agency", "board", "commission",
  "administration", "department", "office", "service", "services", "court", "bank", "fund", "trust", "police",
  "army", "forces", "navy", "guard", "group", "company", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "llc",
  "plc", "motors", "airlines", "airways", "news", "times", "post", "journal", "press", "wire", "television",
  "radio", "tv", "university", "college", "school", "hospital", "institute", "foundation", "association",
  "federation", "organization", "organisation", "nations", "republic", "kingdom", "states", "parliament",
  "congress", "senate", "assembly", "government", "cabinet", "rovers", "wanderers", "athletic", "albion",
  "fc", "afc", "club", "league", "network", "systems", "technologies", "holdings", "partners", "capital",
  "energy", "oil", "gas", "airport", "port", "railways", "railway", "street", "palace", "chiefs", "staff",
  "community", "reserve", "exchange", "tribunal", "mission", "embassy", "consulate", "alliance", "coalition",
  "summit", "conference", "forum", "secretariat", "directorate", "bureau", "broadcasting", "corporation", "media", "magazine",
  "herald", "courier", "tribune", "gazette", "ledger", "review", "observer", "guardian", "telegraph",
  "chronicle", "express", "standard", "mirror", "independent", "economist", "daily", "weekly", "programme",
  "program", "initiative", "project", "institution", "society", "forum", "tribunal", "assembly", "command",
]);

/** Words that mark an organisation name as a company (for "the company"). */
export const COMPANY_WORDS: ReadonlySet<string> = new Set([
  "motors", "airlines", "airways", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "llc", "plc", "group",
  "holdings", "technologies", "systems", "company", "energy", "oil", "industries", "pharmaceuticals",
  "partners", "capital", "bank", "co", "co.",
]);

/** Words that mark an organisation name as a sports club (for "the club"). */
export const CLUB_WORDS: ReadonlySet<string> = new Set([
  "rovers", "wanderers", "athletic", "albion", "hotspur", "fc", "afc", "rangers", "celtic", "county", "town",
  "city", "united",
]);

/** Words that make a capitalised name a place, not a speaker. */
export const PLACE_WORDS: ReadonlySet<string> = new Set([
  "east", "west", "north", "south", "sea", "ocean", "river", "road", "avenue", "square", "island", "islands",
  "bay", "mountains", "valley", "county", "province", "region", "oblast", "city", "town", "village", "lake",
  "park", "bridge", "beach", "strait", "gulf", "peninsula", "coast", "desert", "hall", "centre", "center",
  "stadium", "ground", "resort", "estate", "terminal", "harbour", "harbor", "airport", "station",
]);

/** Nouns for documents that can be the source of quoted words. */
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set([
  "constitution", "charter", "law", "treaty", "agreement", "accord", "report", "statement", "memo",
  "memorandum", "readout", "document", "decree", "resolution", "indictment", "filing", "lawsuit", "ruling",
  "verdict", "judgment", "judgement", "order", "letter", "transcript", "minutes", "draft", "plan", "proposal",
  "audit", "study", "survey", "poll", "bill", "act", "code", "manifesto", "communique", "communiqué", "text",
  "release", "complaint", "affidavit", "contract", "budget", "guidelines", "regulations", "rules", "policy",
]);

/** Capitalised words that are never part of a name. */
export const NON_NAME_WORDS: ReadonlySet<string> = new Set([
  "the", "a", "an", "but", "and", "or", "nor", "so", "yet", "in", "on", "at", "as", "if", "when", "while",
  "after", "before", "during", "despite", "however", "it", "its", "it's", "it’s", "this", "that", "these",
  "those", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "among",
  "following", "according", "prior", "throughout", "similar", "both", "other", "some", "any", "such",
  "currently", "otherwise", "under", "over", "with", "without", "for", "from", "to", "by", "of", "asked",
  "speaking", "there", "here", "what", "who", "whom", "which", "where", "why", "how", "not", "no", "yes",
  "all", "each", "every", "many", "most", "more", "less", "few", "several", "one", "two", "three", "last",
  "next", "first", "then", "now", "still", "also", "only", "just", "even", "since", "until", "although",
  "though", "because", "unless", "whether", "about", "across", "against", "along", "around", "behind",
  "below", "beneath", "beside", "between", "beyond", "into", "near", "off", "onto", "out", "outside",
  "through", "toward", "towards", "upon", "within", "meanwhile", "instead", "moreover", "furthermore",
  "nevertheless", "nonetheless", "thus", "therefore", "indeed", "perhaps", "yesterday", "today", "tomorrow",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
  "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
  "read", "photo", "image", "watch", "related", "subscribe", "advertisement", "update", "updated",
  "local", "like", "unlike", "amid", "whereas", "overall", "again", "already", "asked", "told", "said",
  "new", "old", "year", "years", "week", "weeks", "day", "days", "month", "months", "time", "we’re", "we're",
  "i’m", "i'm", "that’s", "that's", "there’s", "there's", "let", "let’s", "let's", "don’t", "don't", "nobody",
  "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nothing", "everything", "something",
]);

/** Pronouns that can be the subject of a speech verb, with number and gender. */
export const SUBJECT_PRONOUNS: ReadonlyMap<string, { gender: "m" | "f" | "n" | null; plural: boolean }> = new Map([
  ["he", { gender: "m", plural: false }],
  ["she", { gender: "f", plural: false }],
  ["it", { gender: "n", plural: false }],
  ["they", { gender: null, plural: true }],
  ["him", { gender: "m", plural: false }],
  ["her", { gender: "f", plural: false }],
  ["his", { gender: "m", plural: false }],
  ["them", { gender: null, plural: true }],
  ["its", { gender: "n", plural: false }],
]);
