import type { ReadingTest } from "./papers";
import {
  TASK2_TYPES,
  type AcademicTask1Question,
  type GeneralTask1Question,
  type Question,
  type SpeakingSet,
  type Task2Question,
  type Task2Type,
  type VisualKind,
} from "./schema";

// What the bank holds, counted: enough of each kind for a month of practice, and the totals
// that `npm run content` prints and the README quotes.

export const VISUAL_KINDS = [
  "line",
  "bar",
  "pie",
  "table",
  "mixed",
  "process",
  "map",
] as const satisfies readonly VisualKind[];
const REGISTERS = ["formal", "semi-formal", "informal"] as const;

/** What issue 18 asks of the bank: 30 days of one writing task and one speaking test a day. */
export const BANK_TARGETS = {
  task2: 30,
  /** Each essay type, so that a month of practice meets all five several times. */
  task2PerType: 5,
  academicTask1: 16,
  perVisualKind: 2,
  letters: 12,
  perRegister: 4,
  speaking: 12,
} as const;

export interface BankTotals {
  task2: { total: number; byType: Record<Task2Type, number> };
  academicTask1: { total: number; byKind: Record<VisualKind, number> };
  letters: { total: number; byRegister: Record<(typeof REGISTERS)[number], number> };
  speaking: number;
}

const task2Of = (bank: readonly Question[]) =>
  bank.filter((q): q is Task2Question => q.skill === "writing" && q.task === 2);
const academicOf = (bank: readonly Question[]) =>
  bank.filter((q): q is AcademicTask1Question => q.skill === "writing" && "visual" in q);
const lettersOf = (bank: readonly Question[]) =>
  bank.filter((q): q is GeneralTask1Question => q.skill === "writing" && "register" in q);
const speakingOf = (bank: readonly Question[]) =>
  bank.filter((q): q is SpeakingSet => q.skill === "speaking");

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, values.filter((v) => v === k).length])) as Record<
    K,
    number
  >;
}

export function bankTotals(bank: readonly Question[]): BankTotals {
  const task2 = task2Of(bank);
  const academic = academicOf(bank);
  const letters = lettersOf(bank);
  return {
    task2: {
      total: task2.length,
      byType: countBy(
        TASK2_TYPES,
        task2.map((q) => q.type),
      ),
    },
    academicTask1: {
      total: academic.length,
      byKind: countBy(
        VISUAL_KINDS,
        academic.map((q) => q.visual.kind),
      ),
    },
    letters: {
      total: letters.length,
      byRegister: countBy(
        REGISTERS,
        letters.map((q) => q.register),
      ),
    },
    speaking: speakingOf(bank).length,
  };
}

export function checkCounts(bank: readonly Question[]): string[] {
  const t = bankTotals(bank);
  const problems: string[] = [];
  const atLeast = (what: string, have: number, want: number) => {
    if (have < want) problems.push(`bank: ${what}: ${have}, at least ${want} needed`);
  };
  atLeast("Task 2 prompts", t.task2.total, BANK_TARGETS.task2);
  for (const type of TASK2_TYPES) {
    atLeast(`Task 2 ${type} prompts`, t.task2.byType[type], BANK_TARGETS.task2PerType);
    // A student of either module must meet every essay type.
    for (const module of ["academic", "general"] as const) {
      const reachable = task2Of(bank).some(
        (q) => q.type === type && (q.module === module || q.module === "both"),
      );
      if (!reachable) problems.push(`bank: no Task 2 ${type} prompt for ${module} students`);
    }
  }
  atLeast("Academic Task 1 visuals", t.academicTask1.total, BANK_TARGETS.academicTask1);
  for (const kind of VISUAL_KINDS) {
    atLeast(`${kind} visuals`, t.academicTask1.byKind[kind], BANK_TARGETS.perVisualKind);
  }
  atLeast("General Training letters", t.letters.total, BANK_TARGETS.letters);
  for (const register of REGISTERS) {
    atLeast(`${register} letters`, t.letters.byRegister[register], BANK_TARGETS.perRegister);
  }
  atLeast("speaking sets", t.speaking, BANK_TARGETS.speaking);
  return problems;
}

const listCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");

/**
 * The whole bank's totals as `npm run content` prints them and the README quotes them. The
 * Reading and Listening papers are counted by the caller from src/content/papers.
 */
export function totalsReport(
  bank: readonly Question[],
  papers: { reading: readonly Pick<ReadingTest, "module">[]; listening: readonly unknown[] },
): string[] {
  const t = bankTotals(bank);
  const reading = (module: ReadingTest["module"]) =>
    papers.reading.filter((r) => r.module === module).length;
  return [
    `Reading tests: ${reading("academic")} Academic, ${reading("general")} General Training`,
    `Listening tests: ${papers.listening.length}`,
    `Writing Task 2: ${t.task2.total} prompts (${listCounts(t.task2.byType)})`,
    `Academic Task 1: ${t.academicTask1.total} visuals (${listCounts(t.academicTask1.byKind)})`,
    `General Training Task 1: ${t.letters.total} letters (${listCounts(t.letters.byRegister)})`,
    `Speaking: ${t.speaking} full sets (Parts 1, 2 and 3)`,
  ];
}
