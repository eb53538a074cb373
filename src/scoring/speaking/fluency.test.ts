import { describe, expect, it } from "vitest";
import { interpolate } from "./criteria";
import { blankFillerSounds, timedFluency, transcriptFluency } from "./fluency";

describe("transcriptFluency", () => {
  it("counts hesitation sounds as fillers and leaves them out of content words", () => {
    const f = transcriptFluency("Um, I think, uh, the city is er quite big. Erm, yes.");
    expect(f.fillers.total).toBe(4);
    expect(f.words).toBe(12);
    expect(f.contentWords).toBe(8);
    expect(f.fillersPer100Words).toBeCloseTo((4 / 12) * 100);
  });

  it("counts 'like' and 'you know' as fillers only when used as fillers", () => {
    expect(transcriptFluency("I like tea and you know the answer.").fillers.total).toBe(0);
    const f = transcriptFluency("It's, like, really big and, you know, busy. Like um the noise.");
    expect(f.fillers.byWord).toEqual([
      { word: "like", count: 2 },
      { word: "you know", count: 1 },
      { word: "um", count: 1 },
    ]);
  });

  it("finds repeated words and two-word restarts, ignoring fillers in between", () => {
    const f = transcriptFluency("I I went to the um the park and I think I think it was nice.");
    expect(f.repeated).toEqual(["i", "the", "i think"]);
    expect(f.repetitions).toBe(3);
  });

  it("does not count grammatical doubles as repetition", () => {
    expect(transcriptFluency("He said that that was true and I had had enough.").repetitions).toBe(
      0,
    );
  });

  it("handles an empty transcript", () => {
    expect(transcriptFluency("  ")).toMatchObject({
      words: 0,
      contentWords: 0,
      fillersPer100Words: 0,
    });
  });
});

describe("blankFillerSounds", () => {
  it("removes hesitation sounds without moving any other character", () => {
    const text = "Well, um, I think UH it's fine.";
    const blanked = blankFillerSounds(text);
    expect(blanked).toHaveLength(text.length);
    expect(blanked).toBe("Well,   , I think    it's fine.");
  });
});

/** Evenly spaced words at `rate` words a minute, with extra silence before chosen words. */
function timings(count: number, rate: number, silences: Record<number, number> = {}) {
  const step = 60 / rate;
  let clock = 0;
  return Array.from({ length: count }, (_, i) => {
    clock += silences[i] ?? 0;
    const word = { word: `w${i}`, start: clock, end: clock + step * 0.8 };
    clock += step;
    return word;
  });
}

describe("timedFluency", () => {
  it("measures speech rate in words a minute", () => {
    const t = timedFluency(timings(120, 120))!;
    expect(t.speechRate).toBeGreaterThan(118);
    expect(t.speechRate).toBeLessThan(122);
    expect(t.pauses).toBe(0);
  });

  it("counts pauses over half a second and long pauses over two seconds", () => {
    const t = timedFluency(timings(60, 120, { 10: 0.8, 20: 1.5, 30: 2.5, 40: 3 }))!;
    expect(t.pauses).toBe(4);
    expect(t.longPauses).toBe(2);
    expect(t.meanRunLength).toBe(12);
  });

  it("leaves filler words out of the rate", () => {
    const words = timings(4, 60).map((w, i) => (i % 2 ? { ...w, word: "um" } : w));
    const t = timedFluency(words)!;
    expect(t.speechRate).toBeCloseTo(2 / (t.durationSeconds / 60));
  });

  it("returns null when there is nothing to time", () => {
    expect(timedFluency([])).toBeNull();
    expect(timedFluency([{ word: "hi", start: 1, end: 1.2 }])).toBeNull();
  });
});

describe("interpolate", () => {
  const anchors = [
    [0, 4],
    [10, 6],
    [20, 8],
  ] as const;
  it("is linear between anchors and flat beyond them", () => {
    expect(interpolate(5, anchors)).toBe(5);
    expect(interpolate(15, anchors)).toBe(7);
    expect(interpolate(-3, anchors)).toBe(4);
    expect(interpolate(99, anchors)).toBe(8);
  });
});
