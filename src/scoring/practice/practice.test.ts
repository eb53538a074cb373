import { describe, expect, it } from "vitest";
import { pastErrorItems, isGrammarError, isLinkingError, sentenceAround } from "./errors";
import type { DrillFeedback } from "./feedback";
import { checkIntroduction, type IntroductionTask } from "./introduction";
import { LINKING_ITEMS, checkLinking } from "./linking";
import { checkOverview } from "./overview";
import { GRAMMAR_ITEMS, checkRewrite } from "./rewrite";
import { checkPart1 } from "./speaking";

const failed = (f: DrillFeedback) => f.checks.filter((c) => !c.ok).map((c) => c.id);
const allOk = (f: DrillFeedback) => f.checks.length > 0 && f.checks.every((c) => c.ok);

function expectEmptyNotPraised(f: DrillFeedback) {
  expect(f.checks).toEqual([]);
  expect(f.summary).toMatch(/write your answer/i);
}

/** A titled answer and the ids of exactly the checks it must fail. */
type FailCase = [title: string, answer: string, fails: string[]];

/** One test per case: the drill's feedback on the answer fails exactly the listed checks. */
function itFailsExactly(check: (answer: string) => DrillFeedback, cases: FailCase[]) {
  it.each(cases)("%s", (_title, answer, fails) => {
    expect(failed(check(answer))).toEqual(fails);
  });
}

describe("Task 1 overview", () => {
  const task = {
    prompt:
      "The graph below shows how much electricity was generated from four sources in the country of Valdoria between 2000 and 2020.",
    keyFeatures: [
      "Coal fell steadily from by far the largest source (62 TWh) to 18 TWh, below both gas and wind by 2020.",
      "Wind and solar grew throughout the period; wind rose from 2 to 36 TWh.",
    ],
  };

  it("accepts an overview of the main trends", () => {
    const f = checkOverview(
      task,
      "Overall, coal generation fell sharply over the period, while wind and solar power grew steadily, so the mix of sources changed far more than the total.",
    );
    expect(failed(f)).toEqual([]);
    expect(allOk(f)).toBe(true);
  });

  it("gives nothing for an empty answer and refuses to praise a copied question", () => {
    expectEmptyNotPraised(checkOverview(task, "   "));
    const copied = checkOverview(task, task.prompt);
    expect(failed(copied)).toEqual(["own-words"]);
    expect(copied.summary).not.toMatch(/everything/);
  });

  itFailsExactly(
    (answer) => checkOverview(task, answer),
    [
      [
        "accepts an opening signal other than 'Overall'",
        "It is clear that the coal figure fell a lot and wind grew in the years shown on the graph here.",
        [],
      ],
      [
        "fails the trend check alone",
        "Overall, coal and wind and solar are shown for Valdoria in this graph.",
        ["trend"],
      ],
      [
        "fails the main-feature check alone",
        "Overall, the biggest change was that nuclear power rose in every year of the period.",
        ["main-feature"],
      ],
      [
        "fails the no-details check alone",
        "Overall, coal fell from 62 to 18 TWh while wind rose from 2 to 36 TWh.",
        ["no-details"],
      ],
      ["fails the length check alone", "Overall, coal fell.", ["length"]],
      [
        "fails the signal check alone",
        "Coal generation fell steadily while wind and solar power grew throughout the period.",
        ["signal"],
      ],
    ],
  );
});

describe("Task 2 introduction", () => {
  const opinion: IntroductionTask = {
    prompt:
      "Since many office tasks can now be done from home, some people argue that employers should allow staff to work remotely whenever they wish.\n\nTo what extent do you agree or disagree?",
    type: "opinion",
    keywords: ["remote work", "employers", "office", "flexibility", "productivity"],
  };
  const good =
    "As technology allows much office work to be completed at home, it is sometimes suggested that companies let employees choose where they work. I largely agree with this view, although some roles still need people to be present in person.";

  it("accepts a paraphrase with a clear position", () => {
    expect(failed(checkIntroduction(opinion, good))).toEqual([]);
  });

  it("refuses copied text and flags shorter copied runs", () => {
    expectEmptyNotPraised(checkIntroduction(opinion, ""));
    const copied = checkIntroduction(opinion, opinion.prompt);
    expect(failed(copied)).toEqual(["paraphrase"]);
    expect(copied.checks).toHaveLength(1);
    expect(
      failed(
        checkIntroduction(
          opinion,
          `Some people argue that employers should allow staff to work remotely. ${good}`,
        ),
      ),
    ).toContain("paraphrase");
  });

  const problem: IntroductionTask = {
    prompt:
      "A large proportion of the food bought by households is thrown away without being eaten.\n\nWhy does this happen? What measures could be taken to reduce the amount of food that is wasted?",
    type: "problem-solution",
    keywords: ["food waste", "households"],
  };

  it.each<[title: string, task: IntroductionTask, answer: string, fails: string[]]>([
    [
      "asks for a position",
      opinion,
      good.replace("I largely agree with this view", "This is a common idea"),
      ["position"],
    ],
    [
      "asks for the topic",
      opinion,
      "Nowadays many things are very different from the past in a lot of important ways. I largely agree that this is true, although some people may feel otherwise about it in the end, for several quite different reasons.",
      ["topic"],
    ],
    [
      "asks for a sensible length",
      opinion,
      "I agree that employers should be flexible.",
      ["length"],
    ],
    [
      "asks for the parts of the question",
      problem,
      "Every week, families across the country discard a great deal of perfectly edible produce. This essay will explain why households buy more than they need, before looking at the situation and its wider effects more closely.",
      ["solutions"],
    ],
  ])("%s", (_title, task, answer, fails) => {
    expect(failed(checkIntroduction(task, answer))).toEqual(fails);
  });
});

describe("linking drill", () => {
  const item = LINKING_ITEMS.find((i) => i.id === "bus-fares")!;

  it("gives nothing for an empty answer and fails unchanged or wrongly linked ideas", () => {
    expectEmptyNotPraised(checkLinking(item, ""));
    expect(failed(checkLinking(item, `${item.first} ${item.second}`))).toEqual([
      "changed",
      "relation",
    ]);
    const wrong = checkLinking(
      item,
      "Bus fares in the city have been cut by half. Moreover, most commuters still drive to work.",
    );
    expect(failed(wrong)).toEqual(["relation"]);
    expect(wrong.checks.find((c) => c.id === "relation")!.advice).toContain(
      "“moreover” does not fit",
    );
  });

  itFailsExactly(
    (answer) => checkLinking(item, answer),
    [
      [
        "accepts a contrast linker with correct punctuation",
        "Although bus fares in the city have been cut by half, most commuters still drive to work.",
        [],
      ],
      [
        "fails the punctuation check alone",
        "Bus fares in the city have been cut by half, however most commuters still drive to work.",
        ["punctuation"],
      ],
      ["fails the both-ideas check alone", "However, people like cars.", ["both-ideas"]],
    ],
  );
});

describe("rewrite (grammar) drill", () => {
  const item = GRAMMAR_ITEMS.find((i) => i.id === "number-of")!;

  it("gives nothing for an empty answer and fails the unchanged sentence", () => {
    expectEmptyNotPraised(checkRewrite(item, ""));
    expect(failed(checkRewrite(item, item.sentence))).toEqual([
      "changed",
      "error-gone",
      "correction",
    ]);
  });

  itFailsExactly(
    (answer) => checkRewrite(item, answer),
    [
      [
        "accepts the corrected sentence",
        "The number of students at the college has increased since 2015.",
        [],
      ],
      [
        "fails the correction check alone",
        "The number of students at the college have risen since 2015.",
        ["correction"],
      ],
      [
        "fails the error-gone and correction checks when the error stays",
        "The number of pupils at the college have increased a lot since 2015.",
        ["error-gone", "correction"],
      ],
      ["fails the meaning check alone", "Dogs has increased.", ["meaning"]],
    ],
  );

  it("does not demand a correction when the error came without one", () => {
    const noSuggestion = { ...item, suggestion: undefined };
    expect(checkRewrite(noSuggestion, item.sentence).checks.map((c) => c.id)).toEqual([
      "changed",
      "error-gone",
      "meaning",
    ]);
  });
});

describe("Speaking Part 1", () => {
  const question = "What kind of weather do you like best?";

  it("gives nothing for an empty answer", () => {
    expectEmptyNotPraised(checkPart1(question, ""));
  });

  itFailsExactly(
    (answer) => checkPart1(question, answer),
    [
      [
        "accepts a direct, extended, personal answer",
        "I like cool, sunny weather best, because I can walk to work without getting too hot. Autumn is my favourite season for that reason.",
        [],
      ],
      ["fails the own-words check alone", "What kind of weather do you like best?", ["own-words"]],
      [
        "fails the relevant check alone",
        "I really enjoy playing football with my friends on Saturdays, because it keeps me fit and happy.",
        ["relevant"],
      ],
      [
        "fails the extended check alone",
        "I prefer sunny weather. Warm, bright days are easily my favourite days of the whole year.",
        ["extended"],
      ],
      [
        "fails the personal check alone",
        "Most people prefer sunny weather because warm days are pleasant for going outside and meeting friends in the park.",
        ["personal"],
      ],
      ["fails the length check alone", "I like sunny weather because it is warm.", ["length"]],
    ],
  );
});

describe("drills from past errors", () => {
  const text =
    "Many people works from home now. However it is not easy.\nThe number of cars have grown quickly in the city centre.";

  it("finds the sentence around an error", () => {
    const start = text.indexOf("works");
    expect(sentenceAround(text, start, start + 5)).toBe("Many people works from home now.");
    const later = text.indexOf("have grown");
    expect(sentenceAround(text, later, later + 10)).toBe(
      "The number of cars have grown quickly in the city centre.",
    );
  });

  it("turns grammar and linking errors into items, once each, skipping bad offsets", () => {
    const works = text.indexOf("works");
    const however = text.indexOf("However");
    const highlights = [
      { start: works, end: works + 5, kind: "grammar", message: "Use “work”.", suggestion: "work" },
      { start: works, end: works + 5, kind: "grammar", message: "Use “work”.", suggestion: "work" },
      {
        start: however,
        end: however + 7,
        kind: "coherence",
        message: "Add a comma after the linker.",
      },
      { start: 5, end: 500, kind: "grammar", message: "Out of range." },
      { start: 0, end: 4, kind: "spelling", message: "Not grammar." },
    ];
    const grammar = pastErrorItems([{ sourceId: "a1", text, highlights }], isGrammarError);
    expect(grammar).toEqual([
      {
        id: `a1-${works}`,
        sentence: "Many people works from home now.",
        flagged: "works",
        message: "Use “work”.",
        suggestion: "work",
      },
    ]);
    const linking = pastErrorItems([{ sourceId: "a1", text, highlights }], isLinkingError);
    expect(linking.map((i) => i.sentence)).toEqual(["However it is not easy."]);
  });
});
