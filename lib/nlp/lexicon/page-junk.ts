/**
 * Patterns for page furniture that is not article text: captions, credits, prompts, bios.
 * Each is applied to one trimmed line.
 */

/** Lines that label an image or credit a photographer. */
export const CAPTION_LINE = /^(?:photo(?:graph)?s?|image|picture|video|credit|caption|illustration|file photo|graphic|pictured)\s*(?:credit)?\s*[:：|]/iu;

/** A caption that ends with a parenthesised picture credit. */
export const TRAILING_CREDIT =
  /\((?:[^()]*\b(?:Photo|Photograph|Getty|Images|AFP|AP|Reuters|EPA|Bloomberg|Shutterstock|Alamy|PA|file|courtesy|Press Agency|via)\b[^()]*|[^()\s]+\/[^()]*)\)\s*$/u;

/** A line that is only a credit. */
export const CREDIT_ONLY_LINE = /^(?:\(?(?:Getty Images|AFP|AP|Reuters|EPA|PA|Bloomberg|Shutterstock)\)?)(?:\s*(?:via|\/)\s*.+)?$/u;

/** Link labels, share and newsletter prompts, navigation. */
export const PROMPT_LINE =
  /^(?:read more|read next|related|recommended|most read|watch|listen|sign up|subscribe|advertisement|share this|share on|share|click here|follow us|follow @|skip to|story continues|continue reading|also read|see also|more:|don['’]t miss|newsletter|get our|get the latest|download the|trending|comments?|top stories|you may also like|more from|this article (?:was|is)|editor['’]s note|©|copyright|all rights reserved)\b/iu;

/** A newsletter or subscription pitch anywhere in a short line. */
export const NEWSLETTER_LINE = /\b(?:sign up|subscribe|unlock|get|join)\b.*\b(?:newsletter|inbox|updates)\b/iu;

/** A line that is only a link. */
export const URL_LINE = /^(?:<)?https?:\/\/\S+(?:>)?$/iu;

/** Copyright lines that name the outlet. */
export const COPYRIGHT_LINE = /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*)?(?:-\s*\d{4}\s*)?(.+?)(?:\.?\s*all rights reserved\.?)?\.?$/iu;

/** Credits at the end of wire copy ("Reporting by X; Editing by Y"). */
export const CREDITS_LINE =
  /^(?:additional reporting by|reporting by|writing by|editing by|edited by|compiled by|produced by|with reporting from)\b|\bcontributed (?:reporting|to this (?:report|story|article))\.?$/iu;

/** Past-tense markers that make "for OUTLET" a former employer. */
export const PAST_EMPLOYER = /\b(?:previously|formerly|was|were|had|has (?:also )?(?:worked|written|reported)|used to|before joining|prior to joining)\b/iu;

/** Wire-service credits as printed, with the outlet name to report. */
export const WIRE_NAMES: ReadonlyMap<string, string> = new Map([
  ["AP", "Associated Press"],
  ["The Associated Press", "Associated Press"],
  ["AFP", "AFP"],
  ["Reuters", "Reuters"],
  ["Bloomberg", "Bloomberg"],
  ["dpa", "dpa"],
  ["UPI", "UPI"],
]);

/**
 * News organisations whose name, alone on a line or after a byline's names, says who published the
 * article. General knowledge of the trade, not of any one story; matched case-insensitively.
 */
export const KNOWN_OUTLETS: ReadonlyMap<string, string> = new Map(
  [
    "Associated Press",
    "AP",
    "Reuters",
    "AFP",
    "Agence France-Presse",
    "Bloomberg",
    "Bloomberg News",
    "dpa",
    "UPI",
    "ANI",
    "PTI",
    "IANS",
    "BBC",
    "BBC News",
    "CNN",
    "Sky News",
    "ITV News",
    "Channel 4 News",
    "NPR",
    "PBS",
    "NBC News",
    "CBS News",
    "ABC News",
    "Fox News",
    "MSNBC",
    "CNBC",
    "Al Jazeera",
    "France 24",
    "Euronews",
    "Deutsche Welle",
    "DW",
    "RFI",
    "RT",
    "TASS",
    "RIA Novosti",
    "Interfax",
    "Meduza",
    "Ukrinform",
    "Ukrainska Pravda",
    "The Kyiv Independent",
    "Kyiv Independent",
    "The Kyiv Post",
    "Kyiv Post",
    "The Guardian",
    "The Observer",
    "The Times",
    "The Sunday Times",
    "The Telegraph",
    "The Independent",
    "Financial Times",
    "The Economist",
    "The New York Times",
    "The Washington Post",
    "The Wall Street Journal",
    "USA Today",
    "Los Angeles Times",
    "Politico",
    "Axios",
    "The Atlantic",
    "Time",
    "Newsweek",
    "Le Monde",
    "Le Figaro",
    "Der Spiegel",
    "Die Zeit",
    "El País",
    "Corriere della Sera",
    "The Hindu",
    "Hindustan Times",
    "The Times of India",
    "Times of India",
    "NDTV",
    "WION",
    "Gulf News",
    "The National",
    "Khaleej Times",
    "South China Morning Post",
    "The Straits Times",
    "The Japan Times",
    "Nikkei Asia",
    "ABC",
    "The Sydney Morning Herald",
    "The Age",
    "CBC News",
    "The Globe and Mail",
    "The Irish Times",
    "RTÉ",
    "Euractiv",
    "Radio Free Europe/Radio Liberty",
    "RFE/RL",
    "Voice of America",
  ].map((name) => [name.toLowerCase(), WIRE_NAMES.get(name) ?? name]),
);
