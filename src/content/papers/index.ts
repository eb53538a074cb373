import { readShippedFile } from "../../shipped-files";
import {
  inheritFromGroup,
  type IeltsTest,
  type ListeningTest,
  type QuestionGroup,
  type ReadingTest,
  type TestQuestion,
} from "./schema";

const READING_FILES = [
  "academic-1",
  "academic-2",
  "academic-3",
  "academic-4",
  "academic-5",
  "academic-6",
  "general-1",
  "general-2",
  "general-3",
  "general-4",
  "general-5",
  "general-6",
];
const LISTENING_FILES = [
  "listening-1",
  "listening-2",
  "listening-3",
  "listening-4",
  "listening-5",
  "listening-6",
];

/**
 * The Reading and Listening bank, read from its JSON files on first use and kept: compiled into
 * the HTTP Lambda they were a third of its bundle and of its cold start, for the few requests
 * that show or mark a paper. Each question inherits what its group prints once. The files are
 * not validated here: the unit tests check every one against the schema and that what is served
 * equals the schema's parse (served.test.ts). Validating the 18 papers at start-up took about
 * 250 ms of every cold start of the HTTP Lambda.
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

let bank: { reading: ReadingTest[]; listening: ListeningTest[]; byId: Map<string, IeltsTest> };

// JSON.parse gives no types: the cast is checked by served.test.ts, which compares each served
// paper with the schema's parse of its file.
function load<T>(names: readonly string[]): T[] {
  return names.map(
    (name) =>
      served(JSON.parse(readShippedFile(`content/papers/${name}.json`)) as never) as unknown as T,
  );
}

function papers(): typeof bank {
  if (!bank) {
    const reading = load<ReadingTest>(READING_FILES);
    const listening = load<ListeningTest>(LISTENING_FILES);
    bank = {
      reading,
      listening,
      byId: new Map<string, IeltsTest>([...reading, ...listening].map((test) => [test.id, test])),
    };
  }
  return bank;
}

export function readingTests(): readonly ReadingTest[] {
  return papers().reading;
}

export function listeningTests(): readonly ListeningTest[] {
  return papers().listening;
}

export function getTest(id: string): IeltsTest | undefined {
  return papers().byId.get(id);
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
