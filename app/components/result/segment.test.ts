import { describe, expect, it } from "vitest";
import { segment } from "./segment";

const h = (start: number, end: number) => ({ start, end, kind: "grammar", message: "m" });

describe("segment", () => {
  it("marks each highlight once, numbered in reading order", () => {
    const text = "I has a apple today.";
    const { segments, notes } = segment(text, [h(6, 7), h(2, 5)]);
    expect(segments.map((s) => [s.text, s.note])).toEqual([
      ["I ", undefined],
      ["has", 1],
      [" ", undefined],
      ["a", 2],
      [" apple today.", undefined],
    ]);
    expect(notes.map((n) => n.start)).toEqual([2, 6]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });

  it("drops overlapping and out-of-range highlights rather than garbling the text", () => {
    const text = "abcdefghij";
    const { segments, notes } = segment(text, [h(0, 4), h(2, 6), h(8, 40), h(5, 5)]);
    expect(notes).toHaveLength(1);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });

  it("keeps the words marked inside a sentence that has a note of its own", () => {
    const text = "A long sentnce with a eror. Next.";
    const sentence = h(0, 27);
    const { segments, notes } = segment(text, [sentence, h(7, 14), h(22, 26)]);
    expect(segments.map((s) => [s.text, s.note])).toEqual([
      ["A long ", undefined],
      ["sentnce", 1],
      [" with a ", undefined],
      ["eror", 2],
      [".", undefined],
      ["", 3],
      [" Next.", undefined],
    ]);
    expect(notes[2]).toBe(sentence);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });
});
