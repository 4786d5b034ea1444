import { describe, expect, it } from "vitest";
import { findMentions } from "./mentions";
import { findQuotes } from "./quotes";
import { findReportedFrames, findSpeechVerbs } from "./reported";
import { splitSentences } from "./sentences";

function frames(text: string): { subject: string; span: string; method: string }[] {
  const { paragraphs, sentences, tokens } = splitSentences(text);
  const quotes = findQuotes(text, paragraphs);
  const mentions = findMentions(text, sentences, tokens, quotes);
  const verbs = findSpeechVerbs(sentences, tokens, quotes);
  return findReportedFrames(text, sentences, mentions, verbs, quotes, new Set()).map((f) => ({
    subject: f.subject.text,
    span: text.slice(f.start, f.end),
    method: f.method,
  }));
}

describe("findReportedFrames", () => {
  it("reads reported speech with or without 'that'", () => {
    expect(frames("Trump noted that Putin had not agreed.")[0]?.subject).toBe("Trump");
    expect(frames("Zelensky said the leaders reached 100% agreement.")[0]).toMatchObject({
      subject: "Zelensky",
      span: "Zelensky said the leaders reached 100% agreement.",
    });
  });

  it("reads the verbs that carry a stance", () => {
    for (const verb of ["warned", "argued", "insisted", "acknowledged", "conceded", "confirmed"]) {
      expect(frames(`Ms Lima ${verb} that the plan would fail.`)[0]?.subject).toBe("Ms Lima");
    }
  });

  it("skips a parenthetical to find the subject", () => {
    expect(frames("Trump — who has been stymied for months — acknowledged that it was complex.")[0]?.subject).toBe("Trump");
    expect(frames("Ushakov, in a press briefing, said Putin wanted more.")[0]?.subject).toBe("Ushakov");
  });

  it("gives a tag set off by commas the whole sentence", () => {
    expect(frames("Owners will be told within 60 days, the company said in a statement.")[0]).toMatchObject({
      subject: "the company",
      span: "Owners will be told within 60 days, the company said in a statement.",
      method: "reported:tag",
    });
    expect(frames("Under the charter, she noted, the reserve is locked.")[0]?.method).toBe("reported:tag");
  });

  it("splits two speakers joined by 'while'", () => {
    expect(frames("Trump cited two issues, while Zelensky confirmed the plan was 90% agreed.").map((f) => f.span)).toEqual([
      "Trump cited two issues",
      "Zelensky confirmed the plan was 90% agreed.",
    ]);
  });

  it("does not read passives or bare relative uses as reported speech", () => {
    expect(frames("The plan is said to be 90% complete.")).toEqual([]);
    expect(frames("When asked, the officials smiled.")).toEqual([]);
    expect(frames("He gave few details about the progress he claimed, instead attacking rivals.")).toEqual([]);
  });
});
