import * as z from "zod";
import academicTask1Json from "./bank/writing-task1-academic.json";
import generalTask1Json from "./bank/writing-task1-general.json";
import task2Json from "./bank/writing-task2.json";
import speakingJson from "./bank/speaking.json";
import {
  academicTask1Schema,
  generalTask1Schema,
  speakingSetSchema,
  task2Schema,
  type Question,
  type Task2Type,
  type VisualKind,
} from "./schema";

// Static imports, so that every bundler (Remix, the Lambda plugin, vitest) ships the JSON.
const SOURCES = [
  { file: "writing-task2.json", schema: task2Schema, data: task2Json },
  { file: "writing-task1-academic.json", schema: academicTask1Schema, data: academicTask1Json },
  { file: "writing-task1-general.json", schema: generalTask1Schema, data: generalTask1Json },
  { file: "speaking.json", schema: speakingSetSchema, data: speakingJson },
] as const;

/**
 * Validates every file against the schema of the one content type it holds, so that an error
 * names the file and the field rather than every branch of a union.
 */
export function loadBank(sources: readonly { file: string; schema: z.ZodType; data: unknown }[]) {
  const questions: Question[] = [];
  for (const { file, schema, data } of sources) {
    const result = z.array(schema).safeParse(data);
    if (!result.success) {
      throw new Error(`Question bank file ${file} is invalid:\n${z.prettifyError(result.error)}`);
    }
    questions.push(...(result.data as Question[]));
  }
  const seen = new Set<string>();
  for (const q of questions) {
    if (seen.has(q.id)) throw new Error(`Question bank id ${q.id} is used more than once.`);
    seen.add(q.id);
  }
  return questions;
}

export const questionBank: readonly Question[] = Object.freeze(loadBank(SOURCES));

const byId = new Map(questionBank.map((q) => [q.id, q]));

export function getQuestion(id: string): Question | undefined {
  return byId.get(id);
}

export interface QuestionFilter {
  skill?: Question["skill"];
  /** Writing task; ignored for speaking. */
  task?: 1 | 2;
  /** The student's module. Task 2 questions marked "both" and all speaking sets match either. */
  module?: "academic" | "general";
  type?: Task2Type;
  visual?: VisualKind;
}

export function matchesFilter(q: Question, filter: QuestionFilter): boolean {
  if (filter.skill && q.skill !== filter.skill) return false;
  if (q.skill === "speaking") {
    return filter.task === undefined && filter.type === undefined && filter.visual === undefined;
  }
  if (filter.task !== undefined && q.task !== filter.task) return false;
  if (filter.module && q.module !== filter.module && q.module !== "both") return false;
  if (filter.type && !(q.task === 2 && q.type === filter.type)) return false;
  if (filter.visual && !("visual" in q && q.visual.kind === filter.visual)) return false;
  return true;
}

export function listQuestions(filter: QuestionFilter = {}): Question[] {
  return questionBank.filter((q) => matchesFilter(q, filter));
}

/**
 * Picks the next question for a student. `seenIds` is the student's history, oldest first, and
 * may contain ids that are not candidates (other tasks, retired questions). The history is
 * replayed in rounds: a round ends once every candidate has been seen, and the next pick comes
 * from the candidates not yet seen in the current round. When a new round starts, the question
 * seen last is held back (if there is another), so a student never gets the same one twice in a
 * row across the boundary. Returns undefined only when there are no candidates.
 */
export function pickNext<T extends { id: string }>(
  candidates: readonly T[],
  seenIds: readonly string[],
  random: () => number = Math.random,
): T | undefined {
  const ids = new Set(candidates.map((c) => c.id));
  let round = new Set<string>();
  let last: string | undefined;
  for (const id of seenIds) {
    if (!ids.has(id)) continue;
    round.add(id);
    last = id;
    if (round.size === ids.size) round = new Set();
  }
  let pool = candidates.filter((c) => !round.has(c.id));
  if (round.size === 0 && last !== undefined && pool.length > 1) {
    pool = pool.filter((c) => c.id !== last);
  }
  // Clamp, because a caller's random source might return exactly 1.
  const index = Math.min(pool.length - 1, Math.floor(random() * pool.length));
  return pool[index];
}
