import * as z from "zod";
import {
  academicTask1Schema,
  generalTask1Schema,
  speakingSetSchema,
  task2Schema,
  type Question,
  type Task2Type,
  type VisualKind,
} from "./schema";
import { readShippedFile } from "../shipped-files";

// Each file in src/content/bank/ and the one content type it holds.
const SOURCES = [
  { file: "writing-task2.json", schema: task2Schema },
  { file: "writing-task1-academic.json", schema: academicTask1Schema },
  { file: "writing-task1-general.json", schema: generalTask1Schema },
  { file: "speaking.json", schema: speakingSetSchema },
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

let bank: { questions: readonly Question[]; byId: Map<string, Question> } | undefined;

/**
 * Read and validated on first use, not when the HTTP Lambda starts: the check took a tenth of
 * its cold start, and most requests never show a question.
 */
function loaded(): NonNullable<typeof bank> {
  if (!bank) {
    const questions = Object.freeze(
      loadBank(
        SOURCES.map(({ file, schema }) => ({
          file,
          schema,
          data: JSON.parse(readShippedFile(`content/bank/${file}`)) as unknown,
        })),
      ),
    );
    bank = { questions, byId: new Map(questions.map((q) => [q.id, q])) };
  }
  return bank;
}

/** The writing and speaking bank, in file order. */
export function questionBank(): readonly Question[] {
  return loaded().questions;
}

export function getQuestion(id: string): Question | undefined {
  return loaded().byId.get(id);
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
  return questionBank().filter((q) => matchesFilter(q, filter));
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
