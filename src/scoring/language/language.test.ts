import { describe, expect, it } from "vitest";
import { analyseLanguage } from "./index";
import { mtld } from "./lexical";
import { countParagraphs, countWords } from "./text";

describe("analyseLanguage", () => {
  it("accepts British and American spellings alike", async () => {
    const british = await analyseLanguage(
      "The organisation changed the colour of its logo to make the centre of the design stand out.",
      { mode: "writing" },
    );
    const american = await analyseLanguage(
      "The organization changed the color of its logo to make the center of the design stand out.",
      { mode: "writing" },
    );
    expect(british.issues.filter((i) => i.kind === "spelling")).toEqual([]);
    expect(american.issues.filter((i) => i.kind === "spelling")).toEqual([]);
    expect(british.spelling.mixed).toBe(false);
    expect(american.spelling.mixed).toBe(false);
    expect(british.spelling.british).toContain("colour");
    expect(american.spelling.american).toContain("color");
  });

  it("notes mixed British and American spelling", async () => {
    const a = await analyseLanguage(
      "The colour of the new flag was chosen to help the organization look modern.",
      { mode: "writing" },
    );
    expect(a.spelling.mixed).toBe(true);
  });

  it("reports misspellings with spans that point at the word and a suggestion", async () => {
    const text = "Many people beleive that the goverment should act.";
    const a = await analyseLanguage(text, { mode: "writing" });
    const spelling = a.issues.filter((i) => i.kind === "spelling");
    expect(spelling.map((i) => text.slice(i.start, i.end))).toEqual(["beleive", "goverment"]);
    expect(spelling.map((i) => i.suggestion)).toEqual(["believe", "government"]);
  });

  it("still marks the mistakes inside a sentence it calls too long", async () => {
    // harper's own de-duplication let the long-sentence note hide every finding inside it.
    const text =
      "Many people beleive that the goverment should spend more money on public transport " +
      "because it reduces traffic, it helps families who cannot afford a car, it makes the air " +
      "in city centres cleaner and it also gives young people and elderly people a way to reach " +
      "schools, hospitals and shops without depending on relatives or expensive taxis every day.";
    const a = await analyseLanguage(text, { mode: "writing" });
    expect(a.issues.map((i) => i.rule)).toContain("LongSentences");
    const spelling = a.issues.filter((i) => i.kind === "spelling");
    expect(spelling.map((i) => text.slice(i.start, i.end))).toEqual(["beleive", "goverment"]);
  });

  it("suggests the word for a misspelling, not two fragments of it", async () => {
    const text = "The two groups had diffrent opinions about the amout of homework.";
    const a = await analyseLanguage(text, { mode: "writing" });
    const spelling = a.issues.filter((i) => i.kind === "spelling");
    expect(spelling.map((i) => text.slice(i.start, i.end))).toEqual(["diffrent", "amout"]);
    expect(spelling[0]?.suggestion).toBe("different");
    // harper's word-split rule offered "diff rent" and "am out" here.
    expect(spelling.filter((i) => i.suggestion?.includes(" "))).toEqual([]);
  });

  it("keeps spans right after characters outside the Basic Multilingual Plane", async () => {
    const text = "I love it 😀 but the goverment disagrees.";
    const a = await analyseLanguage(text, { mode: "writing" });
    const issue = a.issues.find((i) => i.kind === "spelling");
    expect(issue && text.slice(issue.start, issue.end)).toBe("goverment");
  });

  it("finds agreement errors as grammar", async () => {
    const text = "I thinks the plan is sensible.";
    const a = await analyseLanguage(text, { mode: "writing" });
    const grammar = a.issues.find((i) => i.kind === "grammar");
    expect(grammar && text.slice(grammar.start, grammar.end)).toBe("thinks");
  });

  it("skips capitalisation and punctuation complaints in speech mode", async () => {
    const text = "well i think that they are right and we should go there tomorrow";
    const writing = await analyseLanguage(text, { mode: "writing" });
    const speech = await analyseLanguage(text, { mode: "speech" });
    expect(writing.issues.some((i) => i.kind === "punctuation")).toBe(true);
    expect(speech.issues.some((i) => i.kind === "punctuation")).toBe(false);
    expect(speech.paragraphs).toBe(0);
  });

  it("tells sentence structures apart", async () => {
    const a = await analyseLanguage(
      "The bridge is old. It was built in 1900, and it is still used. Although it is narrow, drivers like it. The engineer who designed it was famous.",
      { mode: "writing" },
    );
    expect(a.sentences.map((s) => s.structure)).toEqual([
      "simple",
      "compound",
      "complex",
      "complex",
    ]);
    expect(a.sentences[1]?.passives).toBe(2);
    expect(a.sentences[3]?.relativeClauses).toBe(1);
  });

  it("flags mechanical, sentence-initial linking", async () => {
    const a = await analyseLanguage(
      "Firstly, cars are fast. Moreover, cars are useful. Furthermore, cars are cheap. However, cars are noisy. Moreover, cars pollute. In conclusion, cars are mixed.",
      { mode: "writing" },
    );
    expect(a.linking.mechanical).toBe(true);
    expect(a.linking.overused).toEqual([]);
    expect(a.linking.distinctCategories).toBeGreaterThanOrEqual(4);
  });

  it("lists repeated content words", async () => {
    const a = await analyseLanguage(
      "Money is important. People need money for food. Money buys houses. Without money, life is hard.",
      { mode: "writing" },
    );
    expect(a.repeatedWords[0]).toEqual({ word: "money", count: 4 });
  });

  it("rates less common words", async () => {
    const plain = await analyseLanguage("The man got a big house and a good car.", {
      mode: "writing",
    });
    const rich = await analyseLanguage(
      "The entrepreneur acquired a spacious residence and a luxurious vehicle.",
      { mode: "writing" },
    );
    expect(rich.lexical.lessFrequentShare).toBeGreaterThan(plain.lexical.lessFrequentShare);
  });
});

describe("text helpers", () => {
  it("counts words as examiners do", () => {
    expect(countWords("Don't count well-known 3.5 twice, please.")).toBe(6);
  });

  it("counts paragraphs separated by one or more line breaks", () => {
    expect(countParagraphs("One.\n\nTwo.\nThree.\n \n")).toBe(3);
  });

  it("gives MTLD higher for varied than for repetitive text", () => {
    const varied =
      "the quick brown fox jumps over a lazy dog while birds sing in tall green trees".split(" ");
    const repetitive = "the dog and the dog and the dog and the dog and the dog and the dog".split(
      " ",
    );
    expect(mtld(varied)).toBeGreaterThan(mtld(repetitive));
  });
});
