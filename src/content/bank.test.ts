import { describe, expect, it } from "vitest";
import { getQuestion, listQuestions, loadBank, pickNext, questionBank } from "./bank";
import {
  academicTask1Schema,
  generalTask1Schema,
  questionSchema,
  speakingSetSchema,
  task2Schema,
  type AcademicTask1Question,
  type GeneralTask1Question,
  type SpeakingSet,
  type Task2Question,
} from "./schema";
import { seededRandom } from "../../test/support/seeded-random";

const task2 = questionBank().filter(
  (q): q is Task2Question => q.skill === "writing" && q.task === 2,
);
const academic = questionBank().filter(
  (q): q is AcademicTask1Question => q.skill === "writing" && q.task === 1 && "visual" in q,
);
const letters = questionBank().filter(
  (q): q is GeneralTask1Question => q.skill === "writing" && q.task === 1 && "register" in q,
);
const speaking = questionBank().filter((q): q is SpeakingSet => q.skill === "speaking");

describe("question bank", () => {
  it("validates every item against the schema", () => {
    for (const q of questionBank()) {
      const result = questionSchema.safeParse(q);
      expect(result.success, `${q.id}: ${result.error?.message}`).toBe(true);
    }
  });

  it("uses unique, readable ids", () => {
    const ids = questionBank().map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(w2|w1|gl|sp)-[a-z0-9-]+$/);
  });

  it("has pie slices summing to 100 and line series matching their x labels", () => {
    for (const { id, visual } of academic) {
      if (visual.kind === "pie") {
        for (const pie of visual.pies) {
          const sum = pie.slices.reduce((n, s) => n + s.value, 0);
          expect(sum, `${id} ${pie.title}`).toBeCloseTo(100, 1);
        }
      }
      if (visual.kind === "line") {
        for (const s of visual.series)
          expect(s.values.length, `${id} ${s.name}`).toBe(visual.xLabels.length);
      }
      if (visual.kind === "bar") {
        for (const s of visual.series)
          expect(s.values.length, `${id} ${s.name}`).toBe(visual.categories.length);
      }
    }
  });

  it("gives each letter exactly three bullets, all repeated in its prompt", () => {
    for (const q of letters) {
      expect(q.bullets, q.id).toHaveLength(3);
      for (const bullet of q.bullets) expect(q.prompt, q.id).toContain(bullet);
      expect(q.prompt, q.id).toContain(q.situation);
    }
  });

  it("has complete speaking sets in the shape of the test", () => {
    for (const set of speaking) {
      expect(set.part1.length).toBeGreaterThanOrEqual(2);
      const part3 = set.part3.reduce((n, t) => n + t.questions.length, 0);
      expect(part3, set.id).toBeGreaterThanOrEqual(5);
      expect(part3, set.id).toBeLessThanOrEqual(6);
      expect(set.part2.cueCard.topic, set.id).toMatch(/^Describe /);
      expect(set.part2.cueCard.finalPoint, set.id).toMatch(/^and explain /);
    }
  });

  it("never repeats a prompt or question within the bank", () => {
    const texts = [
      ...task2.map((q) => q.prompt),
      ...academic.map((q) => q.visual.title),
      ...letters.map((q) => q.situation),
      ...speaking.map((q) => q.part2.cueCard.topic),
    ];
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe("schema rules", () => {
  const base = academic.find((q) => q.visual.kind === "pie")!;

  it("rejects a pie whose slices do not sum to 100", () => {
    const visual = {
      kind: "pie",
      title: "Bad",
      pies: [
        {
          title: "A",
          slices: [
            { label: "x", value: 60 },
            { label: "y", value: 30 },
          ],
        },
      ],
    };
    expect(academicTask1Schema.safeParse({ ...base, visual }).success).toBe(false);
  });

  it("rejects a line series with the wrong number of values", () => {
    const visual = {
      kind: "line",
      title: "Bad",
      xLabels: ["2000", "2010", "2020"],
      yUnit: "%",
      series: [{ name: "A", values: [1, 2] }],
    };
    expect(academicTask1Schema.safeParse({ ...base, visual }).success).toBe(false);
  });

  it("rejects a map feature outside its grid", () => {
    const feature = { label: "Too far", x: 3, y: 0, w: 3, h: 1, kind: "building" };
    const visual = {
      kind: "map",
      title: "Bad",
      grid: { cols: 5, rows: 5 },
      before: { label: "Then", features: [feature] },
      after: { label: "Now", features: [{ ...feature, x: 0 }] },
    };
    expect(academicTask1Schema.safeParse({ ...base, visual }).success).toBe(false);
  });

  it("rejects a letter with two or four bullets", () => {
    const letter = letters[0]!;
    expect(generalTask1Schema.safeParse({ ...letter, bullets: ["a", "b"] }).success).toBe(false);
    expect(generalTask1Schema.safeParse({ ...letter, bullets: ["a", "b", "c", "d"] }).success).toBe(
      false,
    );
  });

  it("rejects unknown fields and bad ids", () => {
    const q = task2[0]!;
    expect(task2Schema.safeParse({ ...q, extra: 1 }).success).toBe(false);
    expect(task2Schema.safeParse({ ...q, id: "Has Spaces" }).success).toBe(false);
  });

  it("rejects a speaking set with too few Part 3 questions", () => {
    const set = speaking[0]!;
    const part3 = [{ theme: "Short", questions: ["One?", "Two?", "Three?"] }];
    expect(speakingSetSchema.safeParse({ ...set, part3 }).success).toBe(false);
  });

  it("names the file when a bank file is invalid, and refuses duplicate ids", () => {
    expect(() =>
      loadBank([{ file: "broken.json", schema: task2Schema, data: [{ id: "x" }] }]),
    ).toThrow(/broken\.json/);
    const q = task2[0]!;
    expect(() => loadBank([{ file: "twice.json", schema: task2Schema, data: [q, q] }])).toThrow(
      /used more than once/,
    );
  });
});

describe("getQuestion and listQuestions", () => {
  it("finds a question by id", () => {
    expect(getQuestion("w2-opinion-remote-work")?.skill).toBe("writing");
    expect(getQuestion("no-such-question")).toBeUndefined();
  });

  it("filters by skill, task, module, type and visual", () => {
    expect(listQuestions()).toHaveLength(questionBank().length);
    expect(listQuestions({ skill: "speaking" })).toHaveLength(speaking.length);
    const generalTask2 = listQuestions({ skill: "writing", task: 2, module: "general" });
    expect(generalTask2.length).toBeGreaterThan(0);
    for (const q of generalTask2)
      expect(["general", "both"]).toContain((q as Task2Question).module);
    expect(listQuestions({ task: 1, module: "general" })).toHaveLength(letters.length);
    expect(listQuestions({ task: 1, module: "academic" })).toHaveLength(academic.length);
    expect(
      listQuestions({ type: "opinion" }).every((q) => (q as Task2Question).type === "opinion"),
    ).toBe(true);
    expect(listQuestions({ visual: "map" })).toHaveLength(
      academic.filter((q) => q.visual.kind === "map").length,
    );
    expect(
      listQuestions({ visual: "mixed" }).every((q) => "visual" in q && q.visual.kind === "mixed"),
    ).toBe(true);
    // Speaking is the same for both modules.
    expect(listQuestions({ skill: "speaking", module: "general" })).toHaveLength(speaking.length);
  });
});

describe("pickNext", () => {
  const candidates = listQuestions({ skill: "writing", task: 2 });

  it("never repeats until every candidate has been seen, then starts again", () => {
    for (const seed of [1, 2, 3, 42, 2024]) {
      const random = seededRandom(seed);
      const history: string[] = [];
      const rounds = 4;
      for (let i = 0; i < candidates.length * rounds; i++) {
        const next = pickNext(candidates, history, random);
        expect(next).toBeDefined();
        history.push(next!.id);
      }
      for (let r = 0; r < rounds; r++) {
        const round = history.slice(r * candidates.length, (r + 1) * candidates.length);
        expect(new Set(round).size, `seed ${seed} round ${r}`).toBe(candidates.length);
      }
      for (let i = 1; i < history.length; i++) {
        expect(history[i], `seed ${seed} pick ${i}`).not.toBe(history[i - 1]);
      }
    }
  });

  it("ignores ids that are not candidates and tolerates a growing bank", () => {
    const few = candidates.slice(0, 3);
    const history = ["sp-shared-meal", few[0]!.id, "retired-question", few[1]!.id];
    expect(pickNext(few, history, () => 0.99)?.id).toBe(few[2]!.id);
    // A question added after the student finished a round is offered first.
    const grown = candidates.slice(0, 4);
    expect(
      pickNext(
        grown,
        few.map((q) => q.id),
        () => 0,
      )?.id,
    ).toBe(grown[3]!.id);
  });

  it("is pure and handles edge cases", () => {
    const history = candidates.slice(0, 2).map((q) => q.id);
    const copy = [...history];
    pickNext(candidates, history, () => 0.5);
    expect(history).toEqual(copy);
    expect(pickNext([], history)).toBeUndefined();
    const only = candidates.slice(0, 1);
    expect(pickNext(only, [only[0]!.id, only[0]!.id])?.id).toBe(only[0]!.id);
    expect(pickNext(candidates, [], () => 1)?.id).toBe(candidates.at(-1)!.id);
  });
});
