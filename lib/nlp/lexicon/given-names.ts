/**
 * Given names that are, in the news, nearly always a woman's or a man's, for telling "she said" from
 * "he said" when the text has not shown a person's gender yet (no title, no pronoun). Names that are
 * common for both (Alex, Andrea, Jean, Kim, Nicola, Sasha…) are left out: a wrong guess costs more than
 * no guess, and pronouns and titles in the text always outvote the name.
 */
const FEMALE = `
  abigail ada adriana agnes aisha alexandra alice alicia alina amanda amelia amy ana anastasia angela angelina anika
  anita anja ann anna anne annette antonia ariana astrid barbara beatrice beatriz bettina birgit brigitte camilla
  carla carmen carolina caroline catherine cecilia celine charlotte chiara christina christine claire clara claudia
  cristina daniela deborah diana doris dorothy edith elena eleanor elif elin elisabeth eliza elizabeth ella ellen
  elsa emilia emily emma erika esther eva fatima fiona francesca franziska gabriela giulia giorgia gloria
  greta hanna hannah heather heidi helen helena ilse ines ingrid irena irene irina isabel isabella jacqueline jane
  janet jennifer jessica joanna johanna josephine judith julia julie justine karen karin katarina katharina kate
  katherine kathleen katja kristina laura lauren leila lena linda lisa liz louise lucia lucy luisa lydia magdalena
  maja margaret margarethe margot maria marianne marie marina marion marta martha martina mary maya melanie melissa
  mia michelle miriam monica monika nadia nancy natalia natalie natasha nina olga olivia paula petra priya rachel
  rebecca renata rita rosa ruth sabine sandra sara sarah silvia sofia sonia sophie stephanie susan susanne
  svetlana tamara tanya teresa theresa ursula valentina valeria vanessa vera veronica victoria viktoria vivian
  wendy yasmin yelena yulia zainab zoe
`;

const MALE = `
  aaron abdul abdullah adam ahmed alan albert aleksandr alexander alexei alfred ali anders andreas andrei andrew
  andrzej anthony antoine anton antonio armin arnold arthur benjamin bernard bernd ben bill boris brian bruno carl
  carlos charles christian christopher christoph claus colin craig dan daniel david dennis dieter dimitri dmitri
  dmitry donald douglas duncan edward emmanuel eric erik ernst fabian felix fernando francis francisco frank franz
  friedrich gareth george georg gerhard giorgio giovanni giuseppe gordon graham gregory gustav hamid hans harald
  harold harry hassan heinrich helmut henri henrik henry hugo ian igor ivan jack jacob jakob james javier jeffrey
  jens jeremy jim joachim joe johann johannes john jonas jonathan jorge jose josef joseph juan jurgen karl keir kevin
  klaus konstantin kurt lars lawrence leon leonid liam lorenzo louis lucas ludwig luis lukas luke magnus manuel
  marc marco marcus mario mark markus martin matt matteo matthew matthias max maxim michael miguel mikhail mohammed
  muhammad nathan nicholas nick nikolai oleg olaf oliver omar oscar otto pablo patrick paul pavel pedro
  peter philip philipp pierre piotr rafael ralf raymond richard robert roberto roger roman rudolf samuel
  scott sebastian sergei sergey simon stefan stephen steve steven sven thomas tim timothy tobias tom tomas tony
  ulrich uwe vadim viktor vincent vladimir volodymyr walter werner william wolfgang xavier yevgeny yuri yury
`;

const GENDER_OF: ReadonlyMap<string, "f" | "m"> = new Map([
  ...FEMALE.split(/\s+/u)
    .filter(Boolean)
    .map((name) => [name, "f"] as const),
  ...MALE.split(/\s+/u)
    .filter(Boolean)
    .map((name) => [name, "m"] as const),
]);

/** The gender a given name nearly always has in the news, or null for a name that is not listed. */
export function givenNameGender(given: string | null): "f" | "m" | null {
  if (!given) return null;
  return GENDER_OF.get(given.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")) ?? null;
}
