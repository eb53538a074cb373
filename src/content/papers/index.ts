import academic1 from "./academic-1.json";
import academic2 from "./academic-2.json";
import academic3 from "./academic-3.json";
import academic4 from "./academic-4.json";
import academic5 from "./academic-5.json";
import academic6 from "./academic-6.json";
import general1 from "./general-1.json";
import general2 from "./general-2.json";
import general3 from "./general-3.json";
import general4 from "./general-4.json";
import general5 from "./general-5.json";
import general6 from "./general-6.json";
import listening1 from "./listening-1.json";
import listening2 from "./listening-2.json";
import listening3 from "./listening-3.json";
import listening4 from "./listening-4.json";
import listening5 from "./listening-5.json";
import listening6 from "./listening-6.json";
import {
  inheritFromGroup,
  type IeltsTest,
  type ListeningTest,
  type QuestionGroup,
  type ReadingTest,
  type TestQuestion,
} from "./schema";

/**
 * The Reading and Listening bank. Imported statically so the bundle carries the content and a
 * fresh clone needs no seeding to show a test. Each question inherits what its group prints
 * once. The files are not validated here: the unit tests check every one against the schema and
 * that what is served equals the schema's parse (served.test.ts). Validating the 18 papers at
 * start-up took about 250 ms of every cold start of the HTTP Lambda.
 */
function served<
  T extends { sections: { groups: unknown[] }[] } | { parts: { groups: unknown[] }[] },
>(test: T): T {
  return "sections" in test
    ? {
        ...test,
        sections: test.sections.map((s) => ({ ...s, groups: s.groups.map(inheritFromGroup) })),
      }
    : { ...test, parts: test.parts.map((p) => ({ ...p, groups: p.groups.map(inheritFromGroup) })) };
}

// The JSON's inferred types widen literals ("reading" becomes string): the cast is checked by
// served.test.ts, which compares each served paper with the schema's parse of its file.
export const readingTests = [
  academic1,
  academic2,
  academic3,
  academic4,
  academic5,
  academic6,
  general1,
  general2,
  general3,
  general4,
  general5,
  general6,
].map(served) as unknown as readonly ReadingTest[];

export const listeningTests = [
  listening1,
  listening2,
  listening3,
  listening4,
  listening5,
  listening6,
].map(served) as unknown as readonly ListeningTest[];

const byId = new Map<string, IeltsTest>(
  [...readingTests, ...listeningTests].map((test) => [test.id, test]),
);

export function getTest(id: string): IeltsTest | undefined {
  return byId.get(id);
}

/** Question groups in paper order, for numbering, marking with `markTest` and review. */
export function groupsOf(test: IeltsTest): QuestionGroup[] {
  return test.skill === "reading"
    ? test.sections.flatMap((s) => s.groups)
    : test.parts.flatMap((p) => p.groups);
}

export function questionsOf(test: IeltsTest): TestQuestion[] {
  return groupsOf(test).flatMap((g) => g.questions);
}

export * from "./schema";
export * from "./reading-rules";
