import { describe, expect, it } from "vitest";
import { listeningTests, questionsOf, readingTests } from "../content/papers";
import { fieldName } from "./objective-fields";
import {
  answersFromForm,
  audioSources,
  markPaper,
  paperLayout,
  unansweredNumbers,
  wordLimitHint,
} from "./objective-paper";
import { paperView } from "./objective-paper-view";

const allTests = [...readingTests(), ...listeningTests()];

describe("objective papers", () => {
  it("numbers every paper 1 to 40, a choose-TWO item taking two numbers", () => {
    for (const test of allTests) {
      const numbered = paperLayout(test).flatMap((b) => b.groups.flatMap((g) => g.numbered));
      const last = numbered[numbered.length - 1]!;
      expect(numbered[0]!.number).toBe(1);
      expect(last.number + last.span - 1).toBe(40);
    }
  });

  it("never sends a key, variant or evidence to the test page", () => {
    for (const test of allTests) {
      const page = JSON.stringify(paperView(test));
      expect(page).not.toContain('"answer"');
      expect(page).not.toContain('"evidence"');
      expect(page).not.toContain('"accept"');
    }
  });

  it("reads answers back from a form, joining a choose-TWO item's boxes", () => {
    const test = readingTests()[0]!;
    const [first, , third] = questionsOf(test);
    const multi = questionsOf(test).find((q) => q.type === "multiple-choice-multi")!;
    const form = new FormData();
    form.append(fieldName(first!.id), "  TRUE ");
    form.append(fieldName(third!.id), "   ");
    form.append(fieldName(multi.id), "B");
    form.append(fieldName(multi.id), "D");
    form.append("csrf", "ignored");
    expect(answersFromForm(form, questionsOf(test))).toEqual({
      [first!.id]: "TRUE",
      [multi.id]: "B,D",
    });
  });

  it("lists every unanswered number, both of a choose-TWO item's", () => {
    const test = readingTests()[0]!;
    const numbered = paperLayout(test).flatMap((b) => b.groups.flatMap((g) => g.numbered));
    const answers = Object.fromEntries(numbered.slice(1, -1).map((n) => [n.question.id, "x"]));
    const last = numbered[numbered.length - 1]!;
    const expected = last.span === 2 ? [1, 39, 40] : [1, 40];
    expect(unansweredNumbers(numbered, answers)).toEqual(expected);
  });

  it("marks a paper answered with its own keys as 40 out of 40, band 9", () => {
    for (const test of allTests) {
      const answers = Object.fromEntries(
        questionsOf(test).map((q) => [q.id, [q.answer].flat().join(",").replace(/[()]/g, "")]),
      );
      const marking = markPaper(test, answers);
      expect(marking.raw).toBe(40);
      expect(marking.band).toBe(9);
    }
  });

  it("states word limits and maps audio to the static path", () => {
    expect(wordLimitHint("Write ONE WORD AND/OR A NUMBER for each answer.")).toBe(
      "One word and/or a number",
    );
    expect(wordLimitHint("Choose NO MORE THAN THREE WORDS from the passage")).toBe("Up to 3 words");
    expect(audioSources({ audio: "/audio/listening-1-part1" })).toEqual([
      { src: "/_static/audio/listening-1-part1.ogg", type: 'audio/ogg; codecs="opus"' },
      { src: "/_static/audio/listening-1-part1.mp3", type: "audio/mpeg" },
    ]);
  });
});
