import { describe, expect, it } from "vitest";
import { bandFromRaw } from "./bands";
import { countWords, markAnswer, markTest, normaliseText } from "./marking";
import {
  QUESTION_TYPES,
  canonicalVerdict,
  parseWordLimit,
  questionSchema,
  type Question,
} from "./question-schema";

const q = (question: Record<string, unknown>): Question => questionSchema.parse(question);

/** An answer and the parts of its mark that must hold. */
type MarkCheck = [answer: string, expected: Record<string, unknown>];

const correct = { correct: true };
const wrong = { correct: false };
const reason = (text: string | RegExp) => ({
  reason: typeof text === "string" ? text : expect.stringMatching(text),
});

/** Builds the question, then checks each answer's mark in turn. */
function expectMarks(question: Record<string, unknown>, checks: MarkCheck[]) {
  const built = q(question);
  for (const [answer, expected] of checks) {
    expect(markAnswer(built, answer), answer).toMatchObject(expected);
  }
}

const options = [
  { label: "A", text: "a rise in rents" },
  { label: "B", text: "a fall in wages" },
  { label: "C", text: "a change of government" },
  { label: "D", text: "new transport links" },
  { label: "E", text: "better schools" },
];

describe("question schema", () => {
  it("accepts a question of every type", () => {
    for (const type of QUESTION_TYPES) {
      const answer =
        type === "multiple-choice-multi"
          ? ["A", "C"]
          : type === "true-false-not-given"
            ? "TRUE"
            : type === "yes-no-not-given"
              ? "NO"
              : "A";
      expect(questionSchema.safeParse({ id: "1", type, answer }).success, type).toBe(true);
    }
  });

  it("rejects keys that cannot be marked", () => {
    expect(
      questionSchema.safeParse({ id: "1", type: "true-false-not-given", answer: "YES" }).success,
    ).toBe(false);
    expect(
      questionSchema.safeParse({ id: "1", type: "multiple-choice-multi", answer: ["A"] }).success,
    ).toBe(false);
    expect(
      questionSchema.safeParse({ id: "1", type: "multiple-choice", answer: "F", options }).success,
    ).toBe(false);
    expect(
      questionSchema.safeParse({
        id: "1",
        type: "note-completion",
        answer: "x",
        wordLimit: "BRIEFLY",
      }).success,
    ).toBe(false);
  });
});

describe("parseWordLimit", () => {
  it.each([
    ["NO MORE THAN TWO WORDS AND/OR A NUMBER", { words: 2, number: true }],
    ["Write ONE WORD ONLY for each answer.", { words: 1, number: false }],
    ["NO MORE THAN THREE WORDS", { words: 3, number: false }],
    ["ONE WORD AND/OR A NUMBER", { words: 1, number: true }],
    ["Write A NUMBER for each answer.", { words: 0, number: true }],
    ["no more than 3 words", { words: 3, number: false }],
  ])("%s", (text, limit) => {
    expect(parseWordLimit(text)).toEqual(limit);
  });

  it("returns null when there is no limit in the text", () => {
    expect(parseWordLimit("Complete the notes below.")).toBeNull();
  });
});

describe("multiple choice, one answer", () => {
  const question = q({ id: "1", type: "multiple-choice", answer: "B", options });

  it.each(["B", "b", " b ", "(B)", "B.", "a fall in wages"])("accepts %j", (answer) => {
    expect(markAnswer(question, answer)).toEqual({
      correct: true,
      marks: 1,
      maxMarks: 1,
      reason: "Correct.",
      expected: "B",
    });
  });

  it("says what the key is when wrong", () => {
    const mark = markAnswer(question, "C");
    expect(mark.correct).toBe(false);
    expect(mark.marks).toBe(0);
    expect(mark.reason).toBe("The key is 'B' (a fall in wages).");
  });

  it("treats a blank as wrong", () => {
    expect(markAnswer(question, "  ").reason).toMatch(/^No answer given/);
    expect(markAnswer(question, undefined).marks).toBe(0);
  });
});

describe("choose TWO / THREE", () => {
  const two = q({ id: "5-6", type: "multiple-choice-multi", answer: ["A", "D"], options });
  const three = q({ id: "7-9", type: "multiple-choice-multi", answer: ["B", "C", "E"], options });

  it.each([["A, D"], ["d a"], ["AD"], ["a and d"], [["D", "A"]]])(
    "gives both marks for %j in any order",
    (answer) => {
      const mark = markAnswer(two, answer);
      expect(mark).toMatchObject({ correct: true, marks: 2, maxMarks: 2, reason: "Correct." });
    },
  );

  it("gives one mark per correct letter", () => {
    const mark = markAnswer(two, "A, C");
    expect(mark).toMatchObject({ correct: false, marks: 1, maxMarks: 2, expected: "A, D" });
    expect(mark.reason).toMatch(/^1 of 2 marks: one mark for each correct letter/);
    expect(markAnswer(three, ["E", "B"]).marks).toBe(2);
    expect(markAnswer(three, "A").marks).toBe(0);
  });

  it("counts a repeated letter once", () => {
    expect(markAnswer(two, "A, A").marks).toBe(1);
  });

  it("gives nothing for more letters than asked, so choosing all letters cannot pay", () => {
    const mark = markAnswer(two, "A, B, D");
    expect(mark.marks).toBe(0);
    expect(mark.reason).toMatch(/You chose 3 letters; the question asks for TWO/);
    expect(markAnswer(three, "ABCDE").marks).toBe(0);
  });
});

describe("True / False / Not Given and Yes / No / Not Given", () => {
  const tfng = q({ id: "10", type: "true-false-not-given", answer: "NOT GIVEN" });
  const tf = q({ id: "11", type: "true-false-not-given", answer: "F" });
  const ynng = q({ id: "12", type: "yes-no-not-given", answer: "NO" });

  it.each(["NG", "ng", "Not Given", " not   given ", "N.G.", "not-given"])(
    "accepts %j for NOT GIVEN",
    (answer) => {
      expect(markAnswer(tfng, answer).correct).toBe(true);
    },
  );

  it.each(["F", "false", "FALSE"])("accepts %j for a FALSE key written as F", (answer) => {
    expect(markAnswer(tf, answer)).toMatchObject({ correct: true, expected: "FALSE" });
  });

  it.each(["N", "no", "No"])("accepts %j for NO", (answer) => {
    expect(markAnswer(ynng, answer).correct).toBe(true);
  });

  it("explains a wrong verdict with the default meaning of the key", () => {
    expect(markAnswer(tfng, "TRUE").reason).toBe(
      "The key is 'NOT GIVEN': the passage does not say whether this is true or false.",
    );
  });

  it("uses the question's own explanation when there is one", () => {
    expectMarks(
      {
        id: "13",
        type: "true-false-not-given",
        answer: "NOT GIVEN",
        explanation: "the passage does not mention the cost of the bridge.",
      },
      [
        [
          "F",
          reason("The key is 'NOT GIVEN': the passage does not mention the cost of the bridge."),
        ],
      ],
    );
  });

  it("does not let YES stand for TRUE, nor N for NO in T/F/NG", () => {
    const tfTrue = q({ id: "14", type: "true-false-not-given", answer: "TRUE" });
    const mark = markAnswer(tfTrue, "YES");
    expect(mark.correct).toBe(false);
    expect(mark.reason).toMatch(/^Write TRUE, FALSE or NOT GIVEN; 'YES' is not one of them/);
    expect(markAnswer(ynng, "FALSE").correct).toBe(false);
  });

  it("reads verdicts consistently", () => {
    expect(canonicalVerdict("t")).toBe("TRUE");
    expect(canonicalVerdict("maybe")).toBeNull();
  });
});

describe("matching", () => {
  it("matches headings by roman numeral, case-insensitively", () => {
    const heading = q({
      id: "14",
      type: "matching-headings",
      answer: "iv",
      options: [
        { label: "i", text: "The cost of delay" },
        { label: "iv", text: "An unexpected ally" },
      ],
    });
    expect(markAnswer(heading, "IV").correct).toBe(true);
    expect(markAnswer(heading, "i").reason).toBe("The key is 'iv' (An unexpected ally).");
  });

  it.each(["matching-information", "matching-features", "matching-sentence-endings"])(
    "%s marks one letter",
    (type) => {
      const question = q({ id: "20", type, answer: "C", options });
      expect(markAnswer(question, "c").correct).toBe(true);
      expect(markAnswer(question, "D").correct).toBe(false);
    },
  );
});

describe("completion and short answers", () => {
  const twoAndNumber = "NO MORE THAN TWO WORDS AND/OR A NUMBER";

  it.each<{
    title: string;
    question: Record<string, unknown>;
    accepts?: string[];
    rejects?: string[];
    checks?: MarkCheck[];
  }>([
    {
      title: "ignores case and surrounding or repeated spaces",
      question: { id: "1", type: "note-completion", answer: "city centre" },
      accepts: ["  City   CENTRE "],
    },
    {
      title: "accepts the spellings listed in the key and no others",
      question: {
        id: "2",
        type: "sentence-completion",
        answer: "city centre",
        accept: ["city center"],
        wordLimit: twoAndNumber,
      },
      checks: [
        ["city center", correct],
        ["city centr", reason("Spelling counts: 'city centr' is not 'city centre'.")],
      ],
    },
    {
      title: "marks a misspelling wrong and says spelling counts",
      question: { id: "3", type: "summary-completion", answer: "environment" },
      checks: [
        [
          "enviroment",
          {
            correct: false,
            marks: 0,
            reason: "Spelling counts: 'enviroment' is not 'environment'.",
          },
        ],
      ],
    },
    {
      title: "gives the key, not a spelling hint, for an unrelated answer",
      question: { id: "4", type: "table-completion", answer: "environment" },
      checks: [["pollution", reason("The key is 'environment'.")]],
    },
    {
      title: "treats numbers in digits and words alike (key in digits)",
      question: { id: "5", type: "form-completion", answer: "20", wordLimit: twoAndNumber },
      accepts: ["twenty", "20"],
      rejects: ["21"],
    },
    {
      title: "treats numbers in digits and words alike (key in words)",
      question: { id: "6", type: "short-answer", answer: "twenty-five minutes" },
      accepts: ["25 minutes"],
    },
    {
      title: "treats numbers in digits and words alike (key with a thousands comma)",
      question: { id: "7", type: "short-answer", answer: "1,500" },
      accepts: ["one thousand five hundred", "1500"],
    },
    {
      title: "allows optional words only where the key marks them (marked)",
      question: { id: "8", type: "flow-chart-completion", answer: "(the) library" },
      accepts: ["library", "the library"],
    },
    {
      title: "allows optional words only where the key marks them (not marked)",
      question: { id: "9", type: "flow-chart-completion", answer: "library" },
      rejects: ["the library"],
    },
    {
      title: "marks an answer over the word limit wrong even when it contains the key",
      question: {
        id: "10",
        type: "diagram-label-completion",
        answer: "steam valve",
        wordLimit: twoAndNumber,
      },
      checks: [
        [
          "the steam valve",
          {
            correct: false,
            marks: 0,
            reason:
              "Your answer has 3 words; the limit is two words and/or a number. An answer over the word limit is wrong. The key is 'steam valve'.",
          },
        ],
      ],
    },
    {
      title: "lets a number ride on top of the words when the limit allows it",
      question: {
        id: "11",
        type: "note-completion",
        answer: "15 May",
        wordLimit: { words: 1, number: true },
      },
      accepts: ["15 May"],
      checks: [
        [
          "15 May 2024",
          reason(/^Your answer has 2 words and a number; the limit is one word and\/or a number/),
        ],
      ],
    },
    {
      title: "counts a number as a word when the limit has no number allowance",
      question: { id: "12", type: "short-answer", answer: "bus", wordLimit: "ONE WORD ONLY" },
      checks: [
        ["2 buses", reason(/Your answer has 2 words; the limit is one word\./)],
        ["bus", correct],
      ],
    },
    {
      title: "counts a hyphenated word once",
      question: {
        id: "13",
        type: "sentence-completion",
        answer: "part-time work",
        wordLimit: "NO MORE THAN TWO WORDS",
      },
      accepts: ["part-time work"],
    },
    {
      title: "appends the question's explanation to a wrong answer",
      question: {
        id: "14",
        type: "short-answer",
        answer: "salt",
        explanation: "Paragraph C names salt as the first export.",
      },
      checks: [["sugar", reason("The key is 'salt'. Paragraph C names salt as the first export.")]],
    },
  ])("$title", ({ question, accepts = [], rejects = [], checks = [] }) => {
    expectMarks(question, [
      ...accepts.map((answer): MarkCheck => [answer, correct]),
      ...rejects.map((answer): MarkCheck => [answer, wrong]),
      ...checks,
    ]);
  });
});

describe("helpers", () => {
  it("normaliseText folds numbers, case and punctuation", () => {
    expect(normaliseText("  One Hundred and Five  ")).toBe("105");
    expect(normaliseText("The 'Library'.")).toBe("the library");
  });

  it("countWords exempts one number when allowed", () => {
    expect(countWords("twenty five buses", { words: 2, number: true })).toEqual({
      words: 1,
      numbers: 1,
    });
    expect(countWords("twenty five buses", { words: 2, number: false })).toEqual({
      words: 3,
      numbers: 0,
    });
  });
});

describe("markTest", () => {
  it("adds up marks, counts choose-TWO as two marks and reports accuracy per type", () => {
    const questions = [
      q({ id: "1", type: "multiple-choice", answer: "A", options }),
      q({ id: "2-3", type: "multiple-choice-multi", answer: ["B", "C"], options }),
      q({ id: "4", type: "true-false-not-given", answer: "TRUE" }),
      q({ id: "5", type: "true-false-not-given", answer: "FALSE" }),
      q({ id: "6", type: "note-completion", answer: "river", wordLimit: "ONE WORD ONLY" }),
    ];
    const result = markTest(questions, { "1": "A", "2-3": "B, E", "4": "T", "5": "NG" });
    expect(result.raw).toBe(3);
    expect(result.maxRaw).toBe(6);
    expect(result.results.map((r) => r.marks)).toEqual([1, 1, 1, 0, 0]);
    expect(result.byType["true-false-not-given"]).toEqual({ marks: 1, maxMarks: 2, accuracy: 0.5 });
    expect(result.byType["multiple-choice-multi"]).toEqual({
      marks: 1,
      maxMarks: 2,
      accuracy: 0.5,
    });
    expect(result.byType["note-completion"]?.accuracy).toBe(0);
    expect(result.byType["matching-headings"]).toBeUndefined();
  });

  it("gives a raw score that converts to a band", () => {
    const questions = Array.from({ length: 40 }, (_, i) =>
      q({ id: String(i + 1), type: "short-answer", answer: "yes" }),
    );
    const answers = Object.fromEntries(questions.slice(0, 30).map((x) => [x.id, "Yes"]));
    const { raw } = markTest(questions, answers);
    expect(raw).toBe(30);
    expect(bandFromRaw("listening", raw)).toBe(7);
  });
});
