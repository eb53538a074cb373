import type { Assessment } from "../domain/assessment";
import { describe, expect, it } from "vitest";
import { currentStep, mockBands, mockProgress, stepRefusal } from "./mock";

const base = { userId: "u", updatedAt: "2025-01-01T00:00:00Z", publishCount: 0 } as const;
const mock: Assessment = {
  ...base,
  assessmentId: "m",
  skill: "mock",
  module: "academic",
  status: "draft",
  submission: { kind: "mock", module: "academic" },
  createdAt: "2025-01-01T10:00:00Z",
  mockChildren: { writing1: "w1", writing2: "w2", speaking: "s" },
};

/** A part of the mock, scored: its id and skill, in the mock's module. */
const part = <S extends Assessment["skill"]>(id: string, skill: S) =>
  ({ ...base, assessmentId: id, skill, module: "academic", status: "scored" }) as const;

function paper(id: string, skill: "reading" | "listening", band: number): Assessment {
  return {
    ...part(id, skill),
    submission: { kind: "objective", module: "academic", testId: "t", mockId: "m" },
    createdAt: "2025-01-01T10:05:00Z",
    marking: { raw: 0, maxRaw: 40, band, form: "listening", byType: {}, results: [] },
  };
}

function scored(id: string, skill: "writing" | "speaking", overall: number, task?: 1 | 2) {
  return {
    ...part(id, skill),
    submission:
      skill === "writing"
        ? { kind: "writing", task: task!, module: "academic", prompt: "p", response: "r" }
        : { kind: "speaking", module: "academic", setId: "s", parts: [] },
    createdAt: "2025-01-01T11:00:00Z",
    result: { overall },
  } as unknown as Assessment;
}

describe("mock test progress", () => {
  it("starts at Listening and counts only attempts started from this mock", () => {
    const outside = scored("w1", "writing", 6, 1);
    const inside = { ...scored("w9", "writing", 7, 1), mockId: "m" };
    const steps = mockProgress({ ...mock, mockChildren: {} }, [outside]);
    expect(currentStep(steps)).toBe("listening");
    expect(steps.find((s) => s.step === "writing1")?.assessment).toBeNull();
    expect(mockBands(steps)).toBeNull();
    const attached = mockProgress({ ...mock, mockChildren: {} }, [outside, inside]);
    expect(attached.find((s) => s.step === "writing1")).toMatchObject({
      assessment: { assessmentId: "w9" },
      band: 7,
    });
  });

  it("ends in the overall band with the official rounding", () => {
    const history = [
      paper("l", "listening", 6.5),
      paper("r", "reading", 6.5),
      scored("w1", "writing", 5, 1),
      scored("w2", "writing", 6, 2),
      scored("s", "speaking", 6),
    ];
    const steps = mockProgress(mock, history);
    expect(currentStep(steps)).toBeNull();
    // Writing (5 + 2 x 6) / 3 = 5.67 -> 5.5; mean of 6.5, 6.5, 5.5, 6 = 6.125 -> 6.0.
    expect(mockBands(steps)).toEqual({
      listening: 6.5,
      reading: 6.5,
      writing: 5.5,
      speaking: 6,
      overall: 6,
    });
  });

  it("keeps the parts in order and each paper to one sitting", () => {
    const fresh = mockProgress({ ...mock, mockChildren: {} }, [scored("w1", "writing", 6, 1)]);
    expect(stepRefusal(fresh, "listening")).toBeNull();
    expect(stepRefusal(fresh, "reading")).toBe("earlier-step-open");
    expect(stepRefusal(fresh, "writing1")).toBe("earlier-step-open");

    const afterListening = mockProgress({ ...mock, mockChildren: {} }, [
      paper("l", "listening", 6),
    ]);
    expect(stepRefusal(afterListening, "listening")).toBe("already-taken");
    expect(stepRefusal(afterListening, "reading")).toBeNull();
    expect(stepRefusal(afterListening, "writing1")).toBe("earlier-step-open");

    const inProgress = { ...paper("l", "listening", 6), status: "draft" as const };
    const resumed = mockProgress({ ...mock, mockChildren: {} }, [inProgress]);
    expect(stepRefusal(resumed, "listening")).toBeNull();

    const readingDone = [paper("l", "listening", 6), paper("r", "reading", 6)];
    const writing = mockProgress({ ...mock, mockChildren: {} }, readingDone);
    // The two writing tasks are one paper, done in either order; Speaking comes after both.
    expect(stepRefusal(writing, "writing1")).toBeNull();
    expect(stepRefusal(writing, "writing2")).toBeNull();
    expect(stepRefusal(writing, "speaking")).toBe("earlier-step-open");

    // A task handed in is not written again: a second try would draw a new question.
    const task1 = { ...scored("w9", "writing", 6, 1), mockId: "m" };
    const afterTask1 = mockProgress({ ...mock, mockChildren: {} }, [...readingDone, task1]);
    expect(stepRefusal(afterTask1, "writing1")).toBe("already-taken");
    expect(stepRefusal(afterTask1, "writing2")).toBeNull();
  });
});
