/**
 * Country names, their demonyms and abbreviations, so that "the US president", "the American
 * president" and "U.S. President X" describe the same role. Generic gazetteer data.
 */
const GROUPS: readonly (readonly string[])[] = [
  ["united states", "us", "u.s.", "usa", "u.s.a.", "america", "american", "united states'"],
  ["united kingdom", "uk", "u.k.", "britain", "great britain", "british", "briton"],
  ["european union", "eu", "e.u.", "european", "europe"],
  ["ukraine", "ukrainian"],
  ["russia", "russian"],
  ["china", "chinese"],
  ["france", "french", "frenchman", "frenchwoman"],
  ["germany", "german"],
  ["italy", "italian"],
  ["spain", "spanish", "spaniard"],
  ["poland", "polish"],
  ["japan", "japanese"],
  ["india", "indian"],
  ["pakistan", "pakistani"],
  ["iran", "iranian"],
  ["iraq", "iraqi"],
  ["israel", "israeli"],
  ["palestine", "palestinian"],
  ["turkey", "turkish", "türkiye", "turk"],
  ["egypt", "egyptian"],
  ["saudi arabia", "saudi"],
  ["syria", "syrian"],
  ["lebanon", "lebanese"],
  ["jordan", "jordanian"],
  ["qatar", "qatari"],
  ["canada", "canadian"],
  ["mexico", "mexican"],
  ["brazil", "brazilian"],
  ["argentina", "argentine", "argentinian"],
  ["australia", "australian"],
  ["new zealand", "new zealander"],
  ["south africa", "south african"],
  ["nigeria", "nigerian"],
  ["kenya", "kenyan"],
  ["ethiopia", "ethiopian"],
  ["ghana", "ghanaian"],
  ["belarus", "belarusian"],
  ["moldova", "moldovan"],
  ["georgia", "georgian"],
  ["armenia", "armenian"],
  ["azerbaijan", "azerbaijani"],
  ["kazakhstan", "kazakh"],
  ["hungary", "hungarian"],
  ["romania", "romanian"],
  ["bulgaria", "bulgarian"],
  ["serbia", "serbian"],
  ["croatia", "croatian"],
  ["greece", "greek"],
  ["netherlands", "dutch", "dutchman", "dutchwoman"],
  ["belgium", "belgian"],
  ["sweden", "swedish", "swede"],
  ["norway", "norwegian"],
  ["denmark", "danish", "dane"],
  ["finland", "finnish", "finn"],
  ["estonia", "estonian"],
  ["latvia", "latvian"],
  ["lithuania", "lithuanian"],
  ["czech republic", "czechia", "czech"],
  ["slovakia", "slovak"],
  ["austria", "austrian"],
  ["switzerland", "swiss"],
  ["portugal", "portuguese"],
  ["ireland", "irish", "irishman", "irishwoman"],
  ["scotland", "scottish", "scot"],
  ["wales", "welsh", "welshman", "welshwoman"],
  ["north korea", "north korean"],
  ["south korea", "south korean", "korean"],
  ["taiwan", "taiwanese"],
  ["vietnam", "vietnamese"],
  ["thailand", "thai"],
  ["indonesia", "indonesian"],
  ["philippines", "philippine", "filipino"],
  ["malaysia", "malaysian"],
  ["afghanistan", "afghan"],
  ["venezuela", "venezuelan"],
  ["colombia", "colombian"],
  ["chile", "chilean"],
  ["peru", "peruvian"],
  ["cuba", "cuban"],
  ["sudan", "sudanese"],
  ["libya", "libyan"],
  ["algeria", "algerian"],
  ["morocco", "moroccan"],
  ["tunisia", "tunisian"],
  ["yemen", "yemeni"],
  ["somalia", "somali"],
];

const ADJECTIVE = /(?:an|ian|ese|ish|i|ch|ic|er|ean|ine)$/u;
/** Nouns for one person of a country ("the Dane"), which describe the country as its adjectives do. */
const PERSON_NOUN = /^(?:turk|swede|dane|finn|scot|briton|spaniard|(?:dutch|irish|welsh|french)(?:man|woman))$/u;
const INDEX = new Map<string, string>();
const NAMES = new Set<string>();
for (const group of GROUPS) {
  const key = group[0] as string;
  for (const form of group) {
    INDEX.set(form, key);
    if (form === key || ((!ADJECTIVE.test(form) || form.length <= 4) && !PERSON_NOUN.test(form))) NAMES.add(form);
  }
}

/** Whether a word names a country (Russia, U.S.) rather than describing it (Russian, American). */
export function isCountryName(word: string): boolean {
  return NAMES.has(word.toLowerCase());
}

/** Whether a word describes a country's people rather than naming it (Bulgarian, Dane, American). */
export function isDemonym(word: string): boolean {
  return countryKey(word) !== null && !isCountryName(word);
}

const countryKeys = new Map<string, string | null>();

/** The country key for a country name, demonym or abbreviation, or null. */
export function countryKey(word: string): string | null {
  let key = countryKeys.get(word);
  if (key === undefined) {
    key = INDEX.get(word.toLowerCase().replace(/[’']s$/u, "")) ?? null;
    if (countryKeys.size >= 50_000) countryKeys.clear();
    countryKeys.set(word, key);
  }
  return key;
}

/** Capital cities, often used for their governments ("Moscow said", "Kyiv rejected"). */
const CAPITALS = new Set([
  "washington",
  "moscow",
  "kyiv",
  "kiev",
  "beijing",
  "brussels",
  "london",
  "paris",
  "berlin",
  "tehran",
  "jerusalem",
  "ankara",
  "tokyo",
  "seoul",
  "pyongyang",
  "new delhi",
  "delhi",
  "islamabad",
  "damascus",
  "baghdad",
  "riyadh",
  "cairo",
  "minsk",
  "warsaw",
  "rome",
  "madrid",
  "ottawa",
  "canberra",
  "havana",
  "caracas",
  "kabul",
  "doha",
  "abu dhabi",
  "beirut",
  "amman",
  "tripoli",
  "khartoum",
  "addis ababa",
  "nairobi",
  "pretoria",
  "abuja",
  "brasilia",
  "buenos aires",
  "mexico city",
  "bogota",
  "lima",
  "santiago",
  "budapest",
  "bucharest",
  "sofia",
  "belgrade",
  "zagreb",
  "athens",
  "vienna",
  "bern",
  "lisbon",
  "dublin",
  "oslo",
  "stockholm",
  "copenhagen",
  "helsinki",
  "tallinn",
  "riga",
  "vilnius",
  "prague",
  "bratislava",
  "tbilisi",
  "yerevan",
  "baku",
  "astana",
  "tashkent",
  "hanoi",
  "bangkok",
  "jakarta",
  "manila",
  "taipei",
  "the hague",
  "chisinau",
  "valletta",
  "nicosia",
]);

/** Whether a name is a capital city. */
export function isCapital(name: string): boolean {
  return CAPITALS.has(name.toLowerCase());
}

/** The adjective of a country ("Russia" → "Russian"), capitalised, or null when unknown. */
export function demonymOf(word: string): string | null {
  const key = countryKey(word);
  if (!key) return null;
  const group = GROUPS.find((g) => g[0] === key);
  const adjective = group?.slice(1).find((form) => ADJECTIVE.test(form) && !NAMES.has(form) && !form.includes("."));
  if (!adjective) return null;
  return adjective.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase());
}
