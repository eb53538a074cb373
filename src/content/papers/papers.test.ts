import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { countWords } from "../../scoring/language/text";
import { expandOptional, markAnswer } from "../../scoring/marking";
import {
  CHOICE_TYPES,
  JUDGEMENT_TYPES,
  MATCHING_TYPES,
  QUESTION_TYPES,
  TFNG_KEYS,
  YNNG_KEYS,
  canonicalVerdict,
} from "../../scoring/question-schema";
import { mp3Info, oggOpusInfo } from "./audio-headers";
import {
  AUDIO_BUDGET_BYTES,
  AUDIO_FORMATS,
  READING_LENGTHS,
  getTest,
  listeningTestSchema,
  listeningTests,
  marksOf,
  questionsOf,
  readingPaperIssues,
  readingTestSchema,
  readingTests,
  type IeltsTest,
  type ListeningPart,
  type ReadingTest,
  type TestQuestion,
} from "./index";
import academic3 from "./academic-3.json";

const files = import.meta.glob<unknown>("./*.json", { eager: true, import: "default" });
const allTests: readonly IeltsTest[] = [...readingTests(), ...listeningTests()];

function totalMarks(questions: readonly TestQuestion[]): number {
  return questions.reduce((sum, q) => sum + marksOf(q), 0);
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

function evidenceOf(question: TestQuestion): string[] {
  return Array.isArray(question.evidence) ? question.evidence : [question.evidence];
}

/** Each key's evidence stands word for word in one of the texts its questions are about. */
function expectEvidenceIn(texts: readonly string[], questions: readonly TestQuestion[]) {
  const squashed = texts.map(squash);
  for (const question of questions) {
    for (const evidence of evidenceOf(question)) {
      expect(
        squashed.some((t) => t.includes(squash(evidence))),
        `${question.id}: ${evidence}`,
      ).toBe(true);
    }
  }
}

function correctAnswers(question: TestQuestion): (string | string[])[] {
  if (question.type === "multiple-choice-multi") return [question.answer];
  const keys = Array.isArray(question.answer) ? question.answer : [question.answer];
  return [...keys, ...(question.accept ?? [])].flatMap(expandOptional).map(squash);
}

function wrongAnswer(question: TestQuestion): string | string[] {
  const keys = (Array.isArray(question.answer) ? question.answer : [question.answer]).map((k) =>
    k.toLowerCase(),
  );
  if (JUDGEMENT_TYPES.includes(question.type)) {
    const verdicts = question.type === "true-false-not-given" ? TFNG_KEYS : YNNG_KEYS;
    return verdicts.find((v) => v !== canonicalVerdict(keys[0]!))!;
  }
  if (CHOICE_TYPES.includes(question.type) || MATCHING_TYPES.includes(question.type)) {
    const others = (question.options ?? [])
      .map((o) => o.label)
      .filter((l) => !keys.includes(l.toLowerCase()));
    return question.type === "multiple-choice-multi" ? others.slice(0, keys.length) : others[0]!;
  }
  return "zebra";
}

describe("content bank", () => {
  it("registers every JSON file in the folder, and each validates against its schema", () => {
    expect(Object.keys(files).length).toBe(allTests.length);
    for (const [file, json] of Object.entries(files)) {
      const schema =
        (json as { skill?: string }).skill === "listening"
          ? listeningTestSchema
          : readingTestSchema;
      const parsed = schema.safeParse(json);
      expect(parsed.error?.issues ?? [], file).toEqual([]);
    }
  });

  it("has at least two tests of each kind, with unique test and question ids", () => {
    expect(readingTests().filter((t) => t.module === "academic").length).toBeGreaterThanOrEqual(2);
    expect(readingTests().filter((t) => t.module === "general").length).toBeGreaterThanOrEqual(2);
    expect(listeningTests().length).toBeGreaterThanOrEqual(2);
    const ids = allTests.flatMap((t) => questionsOf(t).map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const test of allTests) expect(getTest(test.id)).toBe(test);
  });

  it("uses every question type somewhere", () => {
    const used = new Set(allTests.flatMap((t) => questionsOf(t).map((q) => q.type)));
    expect(QUESTION_TYPES.filter((type) => !used.has(type))).toEqual([]);
  });
});

describe.each(readingTests().map((t) => [t.id, t] as const))("reading test %s", (_id, test) => {
  it("has 40 questions", () => {
    expect(totalMarks(questionsOf(test))).toBe(40);
    if (test.module === "academic") {
      expect(test.sections.map((s) => totalMarks(s.groups.flatMap((g) => g.questions)))).toEqual([
        13, 13, 14,
      ]);
    }
  });

  if (test.module === "academic") {
    it("has 2,150-2,750 words of passage in all", () => {
      const words = test.sections
        .flatMap((s) => s.passage.paragraphs)
        .reduce((sum, p) => sum + countWords(p.text), 0);
      expect(words).toBeGreaterThanOrEqual(2150);
      expect(words).toBeLessThanOrEqual(2750);
    });
  }

  it("quotes each key's evidence verbatim from its own passage", () => {
    for (const section of test.sections) {
      expectEvidenceIn(
        section.passage.paragraphs.map((p) => p.text),
        section.groups.flatMap((g) => g.questions),
      );
    }
  });

  it("labels paragraphs A, B, C... in order where they are labelled", () => {
    for (const section of test.sections) {
      const labels = section.passage.paragraphs.flatMap((p) => (p.label ? [p.label] : []));
      expect(labels).toEqual(labels.map((_, i) => String.fromCharCode(65 + i)));
    }
  });
});

describe.each(listeningTests().map((t) => [t.id, t] as const))("listening test %s", (_id, test) => {
  it("has four parts of 10 questions", () => {
    expect(test.parts.map((p) => totalMarks(p.groups.flatMap((g) => g.questions)))).toEqual([
      10, 10, 10, 10,
    ]);
  });

  it("quotes each key's evidence verbatim from a line of its part's script", () => {
    for (const part of test.parts) {
      expectEvidenceIn(
        part.script.map((l) => l.text),
        part.groups.flatMap((g) => g.questions),
      );
    }
  });

  it("asks its questions in the order the recording answers them", () => {
    for (const part of test.parts) {
      const lines = part.script.map((l) => squash(l.text));
      const heardAt = part.groups
        .flatMap((g) => g.questions)
        // A choose-TWO item is heard from its first piece of evidence.
        .map((q) =>
          Math.min(...evidenceOf(q).map((e) => lines.findIndex((l) => l.includes(squash(e))))),
        );
      expect(heardAt, `part ${part.number}`).toEqual([...heardAt].sort((a, b) => a - b));
    }
  });

  it("has the speakers of the real parts and about 30 minutes of script", () => {
    expect(test.parts.map((p) => p.speakers.length)).toEqual([
      2,
      1,
      expect.toSatisfy((n: number) => n >= 2 && n <= 4),
      1,
    ]);
    const words = test.parts.reduce((sum, part) => sum + wordsOf(part), 0);
    expect(words).toBeGreaterThanOrEqual(4000);
    expect(words).toBeLessThanOrEqual(5000);
  });
});

/** What the recording says: the announcer's introduction, then the script. */
function wordsOf(part: ListeningPart): number {
  return [part.introduction, ...part.script.map((l) => l.text)].reduce(
    (sum, text) => sum + countWords(text),
    0,
  );
}

const publicFile = (path: string) =>
  fileURLToPath(new URL(`../../../public${path}`, import.meta.url));
const READERS = { ogg: oggOpusInfo, mp3: mp3Info };

describe("listening bank", () => {
  it("has six tests, voiced in at least five English accents", () => {
    expect(listeningTests().length).toBe(6);
    const accents = new Set(
      listeningTests().flatMap((t) =>
        t.parts.flatMap((p) => p.speakers.map((s) => s.voice.replace(/^(fe)?male-/, ""))),
      ),
    );
    expect(accents.size).toBeGreaterThanOrEqual(5);
  });
});

describe("listening audio", () => {
  const files = listeningTests().flatMap((test) =>
    test.parts.flatMap((part) =>
      AUDIO_FORMATS.map((format) => ({
        test,
        part,
        format,
        path: publicFile(`${part.audio}.${format.extension}`),
      })),
    ),
  );

  it("has every part in both formats, named after its test and part", () => {
    for (const { test, part, path } of files) {
      expect(part.audio).toBe(`/audio/${test.id}-part${part.number}`);
      expect(existsSync(path), path).toBe(true);
    }
  });

  it("stays under the repository's audio budget, every file in public/audio included", () => {
    const folder = publicFile("/audio");
    const committed = readdirSync(folder).map((name) => join(folder, name));
    expect(committed.sort()).toEqual(files.map((f) => f.path).sort());
    const bytes = committed.reduce((sum, file) => sum + statSync(file).size, 0);
    expect(bytes).toBeLessThan(AUDIO_BUDGET_BYTES);
  });

  it.each(files.map((f) => [`${f.part.audio}.${f.format.extension}`, f] as const))(
    "%s is mono and as long as its transcript read at 110-200 words a minute",
    (_name, { part, format, path }) => {
      const info = READERS[format.extension](readFileSync(path));
      expect(info.channels).toBe(1);
      const perMinute = wordsOf(part) / (info.seconds / 60);
      expect(perMinute).toBeGreaterThanOrEqual(110);
      expect(perMinute).toBeLessThanOrEqual(200);
    },
  );

  it.each(listeningTests().map((t) => [t.id, t] as const))(
    "%s runs about 30 minutes in each format, and the formats agree",
    (_id, test) => {
      for (const format of AUDIO_FORMATS) {
        const minutes = test.parts.reduce(
          (sum, part) =>
            sum +
            READERS[format.extension](readFileSync(publicFile(`${part.audio}.${format.extension}`)))
              .seconds /
              60,
          0,
        );
        expect(minutes, format.extension).toBeGreaterThanOrEqual(27);
        expect(minutes, format.extension).toBeLessThanOrEqual(33);
      }
      for (const part of test.parts) {
        const [ogg, mp3] = AUDIO_FORMATS.map(
          (f) =>
            READERS[f.extension](readFileSync(publicFile(`${part.audio}.${f.extension}`))).seconds,
        );
        expect(Math.abs(ogg! - mp3!), part.audio).toBeLessThan(0.5);
      }
    },
  );
});

describe.each(allTests.map((t) => [t.id, t] as const))("answer keys of %s", (_id, test) => {
  it.each(questionsOf(test).map((q) => [q.id, q] as const))("%s", (_qid, question) => {
    for (const answer of correctAnswers(question)) {
      const mark = markAnswer(question, answer);
      expect(mark.reason, JSON.stringify(answer)).toBe("Correct.");
      expect(mark.marks).toBe(marksOf(question));
    }
    const wrong = markAnswer(question, wrongAnswer(question));
    expect(wrong.correct).toBe(false);
    expect(wrong.marks).toBe(0);
  });
});

// ---------------------------------------------------------------- the Reading bank's rules

describe("the Reading bank", () => {
  it("has six Academic and six General Training tests, each within the real paper's lengths", () => {
    for (const module of ["academic", "general"] as const) {
      const tests = readingTests().filter((t) => t.module === module);
      expect(tests.length).toBeGreaterThanOrEqual(6);
      const { sections, total } = READING_LENGTHS[module];
      for (const test of tests) {
        const words = test.sections.map((s) =>
          s.passage.paragraphs.reduce((n, p) => n + countWords(p.text), 0),
        );
        words.forEach((n, i) => {
          expect(n, `${test.id} section ${i + 1}`).toBeGreaterThanOrEqual(sections[i]![0]);
          expect(n, `${test.id} section ${i + 1}`).toBeLessThanOrEqual(sections[i]![1]);
        });
        const sum = words.reduce((a, b) => a + b, 0);
        expect(sum, test.id).toBeGreaterThanOrEqual(total[0]);
        expect(sum, test.id).toBeLessThanOrEqual(total[1]);
      }
    }
  });

  it("finds nothing wrong with any paper in the bank", () => {
    for (const test of readingTests()) expect(readingPaperIssues(test), test.id).toEqual([]);
  });

  it("keeps T/F/NG and Y/N/NG keys balanced across the bank", () => {
    for (const [type, keys] of [
      ["true-false-not-given", TFNG_KEYS],
      ["yes-no-not-given", YNNG_KEYS],
    ] as const) {
      const verdicts = readingTests().flatMap((t) =>
        questionsOf(t)
          .filter((q) => q.type === type)
          .map((q) => canonicalVerdict(String(q.answer))),
      );
      for (const verdict of keys) {
        const share = verdicts.filter((v) => v === verdict).length / verdicts.length;
        expect(share, `${type} ${verdict}`).toBeGreaterThanOrEqual(0.2);
        expect(share, `${type} ${verdict}`).toBeLessThanOrEqual(0.5);
      }
    }
  });
});

describe("readingPaperIssues", () => {
  const paper = (): ReadingTest => structuredClone(readingTestSchema.parse(academic3));
  const messages = (test: ReadingTest) => readingPaperIssues(test).map((i) => i.message);

  it("refuses a passage that is too short and a paper with the wrong total", () => {
    const test = paper();
    test.sections[0]!.passage.paragraphs.splice(3);
    expect(messages(test)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^academic-3-p1 has \d+ words; it needs 700-950\.$/),
        expect.stringMatching(/^academic-3 has \d+ words of text; it needs 2150-2750\.$/),
      ]),
    );
  });

  it("refuses an accepted answer over the word limit and a key not in the passage", () => {
    const test = paper();
    const group = test.sections[0]!.groups.find((g) => g.type === "short-answer")!;
    group.questions[0]!.accept = ["the partly cut stems"];
    group.questions[1]!.answer = "owls";
    expect(messages(test)).toEqual([
      '"the partly cut stems" is over the group\'s word limit.',
      'The key "owls" is not in the passage.',
    ]);
  });

  it.each<[string, (test: ReadingTest) => void, string[]]>([
    [
      "a paper of 39 marks and a section of 12",
      (test) => test.sections[0]!.groups[0]!.questions.shift(),
      ["academic-3-p1 has 12 marks; a section has 13 or 14.", "academic-3 has 39 marks, not 40."],
    ],
    [
      "a verdict group that leans on one verdict or leaves one out",
      (test) => {
        const group = test.sections[0]!.groups.find((g) => g.type === "true-false-not-given")!;
        for (const q of group.questions) q.answer = "TRUE";
      },
      ["A group of 6 verdicts uses all three, none for more than 60% of them."],
    ],
    [
      "a paper that leans on too few question types",
      (test) => {
        for (const group of test.sections.flatMap((s) => s.groups)) {
          if (group.type === "multiple-choice-multi") continue;
          group.type = "multiple-choice";
          for (const q of group.questions) q.type = "multiple-choice";
        }
      },
      [
        "academic-3 uses 2 question types; a paper uses at least 6.",
        "academic-3 gives 38 marks to multiple-choice; no type has more than 10.",
      ],
    ],
  ])("refuses %s", (_title, mutate, expected) => {
    const test = paper();
    mutate(test);
    expect(messages(test)).toEqual(expected);
  });
});
