import {
  bandOf,
  isObjective,
  isMock,
  isScoredByWorker,
  type Assessment,
  type MockAssessment,
  type MockBands,
  type MockChildren,
} from "../domain/assessment";
import { overallBand, writingBand } from "../scoring/bands";
import { createAssessment, getAssessment, listUserAssessments } from "../data/assessments";
import { completeMock } from "../data/assessment-transitions";
import { MOCK_STEPS, type MockStep } from "./mock-steps";
import type { Module } from "../domain/module";

type WrittenOrSpokenStep = keyof MockChildren;

export interface StepState {
  step: MockStep;
  /** The assessment that counts for this step, if any. */
  assessment: Pick<Assessment, "assessmentId" | "status" | "skill"> | null;
  /** Its band once scored. */
  band: number | null;
}

function scoredBand(a: Assessment): number | null {
  return a.status === "scored" ? bandOf(a) : null;
}

function writingTask(a: Assessment): number | null {
  return a.submission.kind === "writing" ? a.submission.task : null;
}

function fitsStep(a: Assessment, step: WrittenOrSpokenStep): boolean {
  if (step === "speaking") return a.skill === "speaking";
  return a.skill === "writing" && writingTask(a) === (step === "writing1" ? 1 : 2);
}

/** The mock an attempt was started from, if any. */
export function mockIdOf(a: Assessment): string | undefined {
  if (isObjective(a)) return a.submission.mockId;
  return isScoredByWorker(a) ? a.mockId : undefined;
}

/**
 * Where a mock test stands. Each step's attempt carries the mock's id, set when it was started
 * from the mock page, so it counts without the student choosing it. Mocks from before that
 * kept the student's choice of writing and speaking attempts in `mockChildren`.
 */
export function mockProgress(mock: MockAssessment, history: readonly Assessment[]): StepState[] {
  const byId = new Map(history.map((a) => [a.assessmentId, a]));
  return MOCK_STEPS.map(({ step }) => {
    const chosen =
      step === "listening" || step === "reading" ? undefined : mock.mockChildren?.[step];
    const child =
      (chosen ? byId.get(chosen) : undefined) ??
      history.find(
        (a) =>
          mockIdOf(a) === mock.assessmentId &&
          (step === "listening" || step === "reading" ? a.skill === step : fitsStep(a, step)),
      );
    return {
      step,
      assessment: child
        ? { assessmentId: child.assessmentId, status: child.status, skill: child.skill }
        : null,
      band: child ? scoredBand(child) : null,
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
  if (handedIn(state)) return "already-taken";
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

export async function ownMock(mockId: string, userId: string): Promise<MockAssessment | null> {
  const mock = mockId ? await getAssessment(mockId) : null;
  return mock && mock.userId === userId && isMock(mock) ? mock : null;
}

/** The latest unfinished mock test for this module, to resume rather than start again. */
export async function openMockFor(userId: string, module: Module): Promise<MockAssessment | null> {
  const history = await listUserAssessments(userId);
  return history.filter(isMock).find((a) => a.status === "draft" && a.module === module) ?? null;
}

/**
 * The mock and where it stands; a mock whose five steps all have bands is closed with its
 * overall band (once: the conditional write makes a second view harmless).
 */
export async function loadMock(mock: MockAssessment, now = new Date()) {
  const history = await listUserAssessments(mock.userId);
  const steps = mockProgress(mock, history);
  let bands = mock.mockBands ?? null;
  if (!bands && mock.status === "draft") {
    bands = mockBands(steps);
    if (bands) await completeMock(mock.assessmentId, bands, now);
  }
  return { steps, bands };
}
