import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getQuestion, questionBank } from "./bank";
import { checkBank } from "./bank-checks";
import { BANK_TARGETS, VISUAL_KINDS, bankTotals, totalsReport } from "./bank-totals";
import { listeningTests, readingTests } from "./papers";
import {
  TASK2_TYPES,
  type AcademicTask1Question,
  type GeneralTask1Question,
  type MapVisual,
  type Question,
  type SpeakingSet,
  type Task2Question,
} from "./schema";

const one = (q: Question) => checkBank([q]).filter((p) => p.startsWith(`${q.id}:`));
const task2 = getQuestion("w2-discussion-zoos") as Task2Question;
const line = getQuestion("w1-line-electricity-sources") as AcademicTask1Question;
const table = getQuestion("w1-table-international-students") as AcademicTask1Question;
const map = getQuestion("w1-map-oakley-village") as AcademicTask1Question & { visual: MapVisual };
const letter = getQuestion("gl-formal-bus-service-cut") as GeneralTask1Question;
const speaking = getQuestion("sp-natural-place") as SpeakingSet;

describe("the question bank", () => {
  it("passes every check: counts, spread, wording, lengths and Task 1 data", () => {
    expect(checkBank(questionBank())).toEqual([]);
  });

  it("has a month of writing and speaking: the totals issue 18 asks for", () => {
    const totals = bankTotals(questionBank());
    expect(totals.task2.total).toBeGreaterThanOrEqual(30);
    for (const type of TASK2_TYPES)
      expect(totals.task2.byType[type], type).toBeGreaterThanOrEqual(5);
    expect(totals.academicTask1.total).toBeGreaterThanOrEqual(16);
    for (const kind of VISUAL_KINDS) {
      expect(totals.academicTask1.byKind[kind], kind).toBeGreaterThanOrEqual(2);
    }
    expect(totals.letters.total).toBeGreaterThanOrEqual(12);
    expect(Object.values(totals.letters.byRegister)).toEqual([4, 4, 4]);
    expect(totals.speaking).toBeGreaterThanOrEqual(12);
  });
});

describe("totalsReport", () => {
  it("is what the README quotes, so the README's totals are the bank's", () => {
    const lines = totalsReport(questionBank(), {
      reading: readingTests(),
      listening: listeningTests(),
    });
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    expect(readme, "run `npm run content` and paste its output into the README").toContain(
      ["```", ...lines, "```"].join("\n"),
    );
  });

  it("counts Reading tests by module and every Listening test", () => {
    const reading = [{ module: "academic" as const }, { module: "general" as const }];
    const [first, second] = totalsReport([], {
      reading: [...reading, reading[0]!],
      listening: [1],
    });
    expect(first).toBe("Reading tests: 2 Academic, 1 General Training");
    expect(second).toBe("Listening tests: 1");
  });
});

describe("checkBank", () => {
  it("counts what is missing, by type, visual kind, register and module", () => {
    const noTwoPart = questionBank().filter(
      (q) => !(q.skill === "writing" && "type" in q && q.type === "two-part"),
    );
    expect(checkBank(noTwoPart)).toContain(
      `bank: Task 2 two-part prompts: 0, at least ${BANK_TARGETS.task2PerType} needed`,
    );
    const noMaps = questionBank().filter((q) => !("visual" in q && q.visual.kind === "map"));
    expect(checkBank(noMaps)).toContain("bank: map visuals: 0, at least 2 needed");
    const academicOnly = questionBank().map((q) =>
      q.skill === "writing" && q.task === 2 && q.type === "opinion"
        ? { ...q, module: "academic" as const }
        : q,
    );
    expect(checkBank(academicOnly)).toContain(
      "bank: no Task 2 opinion prompt for general students",
    );
    expect(checkBank([])).toContain("bank: speaking sets: 0, at least 12 needed");
  });

  it("refuses a Task 2 question that does not match its essay type, or a rambling prompt", () => {
    expect(one({ ...task2, type: "opinion" })[0]).toMatch(/does not ask what a opinion essay/);
    expect(one({ ...task2, type: "two-part" })[0]).toMatch(/two-part/);
    const long = `${"Some people say many things about zoos and animals. ".repeat(6)}\n\nDiscuss both these views and give your own opinion.`;
    expect(one({ ...task2, prompt: long })).toContain(
      `${task2.id}: the statement has 54 words (expected 10-50)`,
    );
    expect(one({ ...task2, keywords: ["gardening", "zoos", "animals"] })).toContain(
      `${task2.id}: the first keyword "gardening" is not in the prompt`,
    );
  });

  it("refuses key features with figures or trends the chart does not show", () => {
    const wrong = {
      ...line,
      keyFeatures: [
        ...line.keyFeatures.slice(0, -1),
        "Coal rose steadily over the period to reach 250 TWh.",
      ],
    };
    expect(one(wrong)).toEqual([
      `${line.id}: key features quote figures the chart does not show: 250`,
      `${line.id}: a key feature states a trend the data contradicts: "Coal rose steadily over the period to reach 250 TWh."`,
    ]);
    // The table's column totals (11,600 and 17,800) are figures a report may quote.
    expect(one(table)).toEqual([]);
  });

  it("refuses a prompt that calls the visual by the wrong name or drops the instructions", () => {
    const graph = { ...table, prompt: table.prompt.replace("The table below", "The graph below") };
    expect(one(graph)).toContain(`${table.id}: the prompt does not name the table it shows`);
    const short = { ...line, prompt: line.prompt.replace("\n\nWrite at least 150 words.", "") };
    expect(one(short)[0]).toMatch(/must end "Write at least 150 words\."/);
    const [overview, detail, ...rest] = line.keyFeatures;
    const detailed = { ...line, keyFeatures: [detail!, overview!, ...rest] };
    expect(one(detailed)).toEqual([`${line.id}: the first key feature quotes figures`]);
  });

  it("refuses a map with nothing changed or features drawn over each other", () => {
    const same = { ...map, visual: { ...map.visual, after: map.visual.before } };
    expect(one(same)).toContain(`${map.id}: the two maps are the same`);
    const [first, ...rest] = map.visual.after.features;
    const over = { ...first!, label: "Petrol station", x: first!.x + 1 };
    const crowded = {
      ...map,
      visual: { ...map.visual, after: { ...map.visual.after, features: [first!, over, ...rest] } },
    };
    expect(one(crowded)).toContain(`${map.id}: Today: "Houses" overlaps "Petrol station"`);
  });

  it("refuses a letter whose greeting does not fit its register, or whose bullets are not in it", () => {
    const informal = {
      ...letter,
      prompt: letter.prompt.replace("Dear Sir or Madam,", "Dear ...,"),
    };
    expect(one(informal)).toEqual([`${letter.id}: a formal letter cannot begin "Dear ...,"`]);
    const bullets: GeneralTask1Question["bullets"] = [
      letter.bullets[0],
      letter.bullets[1],
      "say sorry",
    ];
    expect(one({ ...letter, bullets })).toContain(
      `${letter.id}: the prompt must list the three bullets, in order`,
    );
  });

  it("refuses speaking questions that are not questions, and a Part 1 that starts elsewhere", () => {
    const [first, ...rest] = speaking.part1;
    const part1 = [{ ...first!, topic: "Space travel" }, ...rest];
    expect(one({ ...speaking, part1 })).toContain(
      `${speaking.id}: Part 1 starts with "Space travel", not work, studies or home`,
    );
    const part3 = [
      { ...speaking.part3[0]!, questions: ["Tell me about parks."] },
      ...speaking.part3.slice(1),
    ];
    expect(one({ ...speaking, part3 })[0]).toMatch(/is not a question: "Tell me about parks\."/);
  });
});
