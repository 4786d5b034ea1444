import { describe, expect, it } from "vitest";
import { SpeakerBook, SpeakerRegistry, canonicalName, surnameSimilarity, transliterationKey } from "./speakers";

describe("surname matching", () => {
  it("treats transliteration variants as one surname", () => {
    expect(transliterationKey("Zelenskyy")).toBe(transliterationKey("Zelensky"));
    expect(transliterationKey("Zelenskiy")).toBe(transliterationKey("Zelensky"));
    expect(surnameSimilarity("Abdrakhmanov", "Abdrahmanov")).toBeGreaterThan(0.8);
  });

  it("does not merge different short names", () => {
    expect(surnameSimilarity("Lee", "Lei")).toBe(0);
    expect(surnameSimilarity("Putin", "Rutte")).toBe(0);
  });
});

describe("SpeakerBook", () => {
  it("gives one speaker to the variants of a name, named by its most frequent full form", () => {
    const book = new SpeakerBook(new SpeakerRegistry().data);
    const a = book.learnPerson("Volodymyr Zelenskyy").id;
    expect(book.learnPerson("Volodymyr Zelensky").id).toBe(a);
    expect(book.learnPerson("Zelenskiy").id).toBe(a);
    expect(book.learnPerson("Volodymyr Zelensky").id).toBe(a);
    expect(book.name(a)).toBe("Volodymyr Zelensky");
  });

  it("breaks ties by the first form seen", () => {
    const book = new SpeakerBook(new SpeakerRegistry().data);
    const a = book.learnPerson("Yury Ushakov").id;
    book.learnPerson("Yuri Ushakov");
    expect(book.name(a)).toBe("Yury Ushakov");
  });

  it("keeps people with the same surname and different given names apart", () => {
    const book = new SpeakerBook(new SpeakerRegistry().data);
    expect(book.learnPerson("John Smith").id).not.toBe(book.learnPerson("Jane Smith").id);
  });

  it("finds a person by a role learned from the text", () => {
    const book = new SpeakerBook(new SpeakerRegistry().data);
    const id = book.learnPerson("Yury Ushakov").id;
    book.addRole(id, { head: "aide", country: null, possessor: "putin", modifiers: [] });
    expect(book.findByRole({ head: "adviser", country: null, possessor: "putin", modifiers: [] })[0]?.id).toBe(id);
  });
});

describe("SpeakerRegistry", () => {
  it("keeps seeded canonical names and aliases", () => {
    const registry = new SpeakerRegistry([{ name: "Volodymyr Zelensky", kind: "person", aliases: ["Zelenskyy", "Volodymyr Zelenskyy"] }]);
    const book = new SpeakerBook(registry.data);
    const found = book.findPerson("Zelenskyy");
    expect(found && book.name(found.id)).toBe("Volodymyr Zelensky");
  });

  it("is not changed by a book made from it", () => {
    const registry = new SpeakerRegistry();
    const book = new SpeakerBook(registry.data);
    book.learnPerson("Ana Lima");
    expect(registry.data.entries).toHaveLength(0);
    expect(
      book
        .snapshot()
        .list()
        .map((s) => s.name),
    ).toEqual(["Ana Lima"]);
  });

  it("is handed over by a book that then knows no speaker, and a book made from it leaves it unchanged", () => {
    const book = new SpeakerBook(new SpeakerRegistry().data);
    const id = book.learnPerson("Ana Lima").id;
    const registry = book.handOver();
    expect(registry.list().map((s) => s.name)).toEqual(["Ana Lima"]);
    expect(() => book.name(id)).toThrow(/unknown speaker/u);
    const next = new SpeakerBook(registry.data);
    next.learnPerson("Rui Costa");
    expect(registry.data.entries).toHaveLength(1);
  });

  it("keeps the words an institution was described by in a book made from it, and a later book adds to its own copy", () => {
    const book = new SpeakerBook(new SpeakerRegistry().data);
    book.addInstitutionDescription(book.learnOther("institution", "Red Lantern"), "group");
    const registry = book.snapshot();
    const next = new SpeakerBook(registry.data);
    const id = next.learnOther("institution", "Red Lantern");
    next.addInstitutionDescription(id, "collective");
    expect(registry.data.entries[0]?.described).toEqual(["group"]);
    expect(next.snapshot().data.entries[0]?.described).toEqual(["group", "collective"]);
  });

  it("round-trips through JSON", () => {
    const book = new SpeakerBook(new SpeakerRegistry().data);
    book.learnPerson("Ana Lima");
    const restored = SpeakerRegistry.fromJSON(JSON.parse(JSON.stringify(book.snapshot())));
    expect(restored.list().map((s) => s.name)).toEqual(["Ana Lima"]);
    expect(canonicalName(restored.data.entries[0] as (typeof restored.data.entries)[number])).toBe("Ana Lima");
  });
});
