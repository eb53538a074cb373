import type { Assessment, MockBands, MockChildren } from "../domain/assessment";
import { overallBand, writingBand } from "../scoring/bands";
import {
  completeMock,
  createAssessment,
  getAssessment,
  listUserAssessments,
  saveMockChildren,
} from "../data/assessments";
import { MOCK_STEPS, type MockStep } from "./mock-steps";
import type { Module } from "./objective";

export type AttachableStep = keyof MockChildren;
export const ATTACHABLE_STEPS: readonly AttachableStep[] = ["writing1", "writing2", "speaking"];

export interface StepState {
  step: MockStep;
  /** The assessment that counts for this step, if any. */
  assessment: Pick<Assessment, "assessmentId" | "status" | "skill"> | null;
  /** Its band once scored. */
  band: number | null;
  /** Writing and speaking only: the student's finished attempts since the mock began. */
  choices: Pick<Assessment, "assessmentId" | "createdAt" | "status">[];
}

function bandOf(a: Assessment): number | null {
  if (a.status !== "scored") return null;
  return a.marking?.band ?? a.result?.overall ?? null;
}

function writingTask(a: Assessment): number | null {
  return a.submission.kind === "writing" ? a.submission.task : null;
}

function fitsStep(a: Assessment, step: AttachableStep): boolean {
  if (step === "speaking") return a.skill === "speaking";
  return a.skill === "writing" && writingTask(a) === (step === "writing1" ? 1 : 2);
}

/**
 * Where a mock test stands. Reading and Listening papers carry the mock's id; writing and
 * speaking are attached by the student from what they submitted after the mock began, because
 * those pages keep no record of the mock.
 */
export function mockProgress(mock: Assessment, history: readonly Assessment[]): StepState[] {
  const byId = new Map(history.map((a) => [a.assessmentId, a]));
  return MOCK_STEPS.map(({ step }) => {
    let child: Assessment | undefined;
    let choices: Assessment[] = [];
    if (step === "listening" || step === "reading") {
      child = history.find(
        (a) =>
          a.skill === step &&
          a.submission.kind === "objective" &&
          a.submission.mockId === mock.assessmentId,
      );
    } else {
      const chosen = mock.mockChildren?.[step];
      child = chosen ? byId.get(chosen) : undefined;
      choices = history.filter(
        (a) => fitsStep(a, step) && a.status !== "draft" && a.createdAt >= mock.createdAt,
      );
    }
    return {
      step,
      assessment: child
        ? { assessmentId: child.assessmentId, status: child.status, skill: child.skill }
        : null,
      band: child ? bandOf(child) : null,
      choices: choices.map((c) => ({
        assessmentId: c.assessmentId,
        createdAt: c.createdAt,
        status: c.status,
      })),
    };
  });
}

/** The first step not yet handed in: the one the student does next. */
export function currentStep(steps: readonly StepState[]): MockStep | null {
  return steps.find((s) => !s.assessment || s.assessment.status === "draft")?.step ?? null;
}

const handedIn = (s: StepState) => s.assessment !== null && s.assessment.status !== "draft";

/** The papers of the real test in order; the two writing tasks share one paper. */
const PAPER: Record<MockStep, number> = {
  listening: 0,
  reading: 1,
  writing1: 2,
  writing2: 2,
  speaking: 3,
};

/**
 * Why a step cannot be taken or counted now, or null when it can. The real test runs in order
 * (Listening, Reading, Writing, Speaking; the two writing tasks in either order), and a paper
 * handed in is not sat again: otherwise a student could retake Listening until the band pleased
 * them.
 */
export type StepRefusal = "earlier-step-open" | "already-taken";

export function stepRefusal(steps: readonly StepState[], step: MockStep): StepRefusal | null {
  const state = steps.find((s) => s.step === step);
  if (!state) return null;
  if (steps.some((s) => PAPER[s.step] < PAPER[step] && !handedIn(s))) return "earlier-step-open";
  if ((step === "listening" || step === "reading") && handedIn(state)) return "already-taken";
  return null;
}

/** The four skill bands and the overall band, once every step has its band. */
export function mockBands(steps: readonly StepState[]): MockBands | null {
  const band = (step: MockStep) => steps.find((s) => s.step === step)?.band ?? null;
  const [listening, reading, task1, task2, speaking] = MOCK_STEPS.map((s) => band(s.step));
  if ([listening, reading, task1, task2, speaking].some((b) => b === null)) return null;
  const writing = writingBand(task1!, task2!);
  return {
    listening: listening!,
    reading: reading!,
    writing,
    speaking: speaking!,
    overall: overallBand(listening!, reading!, writing, speaking!),
  };
}

export function startMock(userId: string, module: Module, now?: Date) {
  return createAssessment({
    userId,
    skill: "mock",
    status: "draft",
    submission: { kind: "mock", module },
    now,
  });
}

export async function ownMock(mockId: string, userId: string): Promise<Assessment | null> {
  const mock = mockId ? await getAssessment(mockId) : null;
  return mock && mock.userId === userId && mock.skill === "mock" ? mock : null;
}

/** The latest unfinished mock test for this module, to resume rather than start again. */
export async function openMockFor(userId: string, module: Module): Promise<Assessment | null> {
  const history = await listUserAssessments(userId);
  return (
    history.find((a) => a.skill === "mock" && a.status === "draft" && a.module === module) ?? null
  );
}

/**
 * The mock and where it stands; a mock whose five steps all have bands is closed with its
 * overall band (once: the conditional write makes a second view harmless).
 */
export async function loadMock(mock: Assessment, now = new Date()) {
  const history = await listUserAssessments(mock.userId);
  const steps = mockProgress(mock, history);
  let bands = mock.mockBands ?? null;
  if (!bands && mock.status === "draft") {
    bands = mockBands(steps);
    if (bands) await completeMock(mock.assessmentId, bands, now);
  }
  return { steps, bands };
}

/**
 * Counts the chosen attempt for a writing or speaking step: "attached", or why not (the step's
 * turn has not come, or the attempt is not one of the step's choices).
 */
export async function attachToMock(
  mock: Assessment,
  step: AttachableStep,
  childId: string,
): Promise<"attached" | "not-a-choice" | StepRefusal> {
  const history = await listUserAssessments(mock.userId);
  const steps = mockProgress(mock, history);
  const refusal = stepRefusal(steps, step);
  if (refusal) return refusal;
  const state = steps.find((s) => s.step === step);
  if (!state?.choices.some((c) => c.assessmentId === childId)) return "not-a-choice";
  const saved = await saveMockChildren(mock.assessmentId, mock.userId, {
    ...mock.mockChildren,
    [step]: childId,
  });
  return saved ? "attached" : "not-a-choice";
}
