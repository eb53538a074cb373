import type { Billing } from "./entitlement";
import type { ChartFacts } from "../scoring/writing";
import type { Module } from "./module";
import type { ProviderName, ScoringResult } from "./result";

/** A Writing task as handed in: what the scorers read. */
export type WritingSubmission = {
  kind: "writing";
  task: 1 | 2;
  module: Module;
  prompt: string;
  response: string;
  /** Academic Task 1 with a chart or table: its data, for the offline scorer's checks. */
  facts?: ChartFacts;
};

/** What a provider charged for a call, whether or not its answer was used. */
export interface Billed {
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/** Why one Reading or Listening answer is wrong. */
export interface Explanation {
  id: string;
  text: string;
  source: "ai" | "marking";
}

export const ASSESSMENT_STATUSES = ["draft", "queued", "scoring", "scored", "failed"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export interface SpeakingPartAnswer {
  part: 1 | 2 | 3;
  questions: string[];
  /** Typed, or the browser's draft transcript of the recording; may be empty with audio. */
  transcript: string;
  /** Where the recording lives in the audio store; absent for a typed answer. */
  audioKey?: string;
  audioMimeType?: string;
  /** What server-side speech to text heard in the recording, when nothing was typed. */
  recognised?: RecognisedSpeech;
}

/** A recording's machine transcript, kept so a retry neither transcribes nor bills again. */
export interface RecognisedSpeech {
  text: string;
  /** Seconds from the start of the recording, with the recogniser's confidence (0-1). */
  words: { word: string; start: number; end: number; confidence?: number }[];
  /** e.g. "amazon-transcribe" */
  engine: string;
  languageCode: string;
  costUsd: number;
  latencyMs: number;
}

/** The words a part is scored on and shown with: typed (or corrected) text first. */
export function spokenText(part: Pick<SpeakingPartAnswer, "transcript" | "recognised">): string {
  return part.transcript.trim() !== "" ? part.transcript : (part.recognised?.text ?? "");
}

/** A whole Speaking test: its three parts are scored one by one and combined. */
export interface SpeakingSubmission {
  kind: "speaking";
  module: Module;
  setId: string;
  parts: SpeakingPartAnswer[];
}

/** What the student handed in; recordings stay in the audio store, referenced by key. */
export type Submission =
  WritingSubmission | SpeakingSubmission | ObjectiveSubmission | MockSubmission;

export interface ProviderAttempt {
  provider: string;
  modelId?: string;
  ok: boolean;
  error?: string;
  latencyMs: number;
  /**
   * What the attempt was charged beyond the result's own cost: a failed attempt's bad or
   * implausible output, or a recording's transcription.
   */
  billed?: Billed;
}

/** A result replaced by an admin's rescore, kept with the attempts that produced it. */
export interface PastScoring {
  result?: ScoringResult;
  attempts?: ProviderAttempt[];
  failureReason?: string;
  status: "scored" | "failed";
  /** ISO 8601: when that scoring finished. */
  scoredAt: string;
}

/** What every assessment has, whichever skill it is. */
interface AssessmentBase {
  assessmentId: string;
  userId: string;
  module: Module;
  status: AssessmentStatus;
  questionId?: string;
  /** ISO 8601 */
  createdAt: string;
  /** ISO 8601; the sort key of the byStatus index the sweeper reads. */
  updatedAt: string;
  /** ISO 8601: when the task was first shown, and when its time runs out (timed tasks). */
  startedAt?: string;
  deadlineAt?: string;
  submittedAt?: string;
  /** Submitted after the deadline: accepted and scored, and shown as late. */
  late?: boolean;
  /** How many times the scoring event was published (the first time included). */
  publishCount: number;
  /** ISO 8601: when the student removed it from their progress (kept, but no longer counted). */
  discardedAt?: string;
}

/** Writing and Speaking go through the scoring queue: a worker, a provider, maybe a credit. */
interface QueuedForScoring {
  result?: ScoringResult;
  attempts?: ProviderAttempt[];
  failureReason?: string;
  /** Taken as part of a mock test: the mock's id (objective papers keep it in their submission). */
  mockId?: string;
  /** Scored offline, or by a cloud model for one credit. */
  billing?: Billing;
  /** Earlier scorings, oldest first, each replaced by an admin's rescore. */
  history?: PastScoring[];
  /** While queued by an admin's rescore: the one provider to score it with. */
  rescoreProvider?: ProviderName;
}

export interface WritingAssessment extends AssessmentBase, QueuedForScoring {
  skill: "writing";
  submission: WritingSubmission;
}

export interface SpeakingAssessment extends AssessmentBase, QueuedForScoring {
  skill: "speaking";
  submission: SpeakingSubmission;
}

/** Reading and Listening: marked against the key at submit, never queued. */
export interface ObjectiveAssessment extends AssessmentBase {
  skill: "reading" | "listening";
  submission: ObjectiveSubmission;
  /** The answers as typed, by question id (saved while a draft). */
  answers?: Record<string, string>;
  marking?: ObjectiveMarking;
  /** Why each wrong answer is wrong, added later by explain-answers. */
  explanations?: Explanation[];
  /** The model that wrote them, or "marking" when they are the marking engine's reasons. */
  explainedBy?: string;
  /** Why the last explain-answers run failed; cleared when a later run succeeds. */
  explainFailure?: string;
}

export interface MockAssessment extends AssessmentBase {
  skill: "mock";
  submission: MockSubmission;
  /** The writing and speaking assessments the student attached. */
  mockChildren?: MockChildren;
  /** The four skill bands and the overall band, stored once all four are in. */
  mockBands?: MockBands;
}

/** One assessment, by skill: each skill carries only the fields it uses. */
export type Assessment =
  WritingAssessment | SpeakingAssessment | ObjectiveAssessment | MockAssessment;

/** The assessment type a skill is stored as. */
export interface AssessmentBySkill {
  writing: WritingAssessment;
  speaking: SpeakingAssessment;
  reading: ObjectiveAssessment;
  listening: ObjectiveAssessment;
  mock: MockAssessment;
}

/** The skills a worker scores: only they have a result, attempts, billing and a rescore history. */
export type ScoredAssessment = WritingAssessment | SpeakingAssessment;

export function isScoredByWorker(assessment: Assessment): assessment is ScoredAssessment {
  return assessment.skill === "writing" || assessment.skill === "speaking";
}

export function isObjective(assessment: Assessment): assessment is ObjectiveAssessment {
  return assessment.skill === "reading" || assessment.skill === "listening";
}

export function isMock(assessment: Assessment): assessment is MockAssessment {
  return assessment.skill === "mock";
}

/** The band an assessment has earned so far, whichever way its skill is scored; null before. */
export function bandOf(assessment: Assessment): number | null {
  if (isScoredByWorker(assessment)) return assessment.result?.overall ?? null;
  if (isObjective(assessment)) return assessment.marking?.band ?? null;
  return assessment.mockBands?.overall ?? null;
}

/**
 * A Reading or Listening paper: marked against the key at submit, so it goes draft -> scored
 * and is never queued for a scoring worker.
 */
export interface ObjectiveSubmission {
  kind: "objective";
  module: Module;
  testId: string;
  /** The mock test this paper belongs to, if any. */
  mockId?: string;
  /** Listening taken another way than the exam's play-once recordings, chosen at Start. */
  adjustment?: ListeningAdjustment;
}

/**
 * For students who cannot take the recordings as the exam plays them: "free-playback" lets
 * them pause, rewind and replay; "transcript" gives the script to read instead (deaf or
 * hard-of-hearing students). Either way the band is not comparable with the exam's.
 */
export const LISTENING_ADJUSTMENTS = ["free-playback", "transcript"] as const;
export type ListeningAdjustment = (typeof LISTENING_ADJUSTMENTS)[number];

/** A full mock test: a record that only groups the four skills' own assessments. */
interface MockSubmission {
  kind: "mock";
  module: Module;
}

/** What `markTest` and the band table gave, as stored for the review page. */
export interface ObjectiveMarking {
  raw: number;
  maxRaw: number;
  band: number;
  form: "listening" | "reading-academic" | "reading-general";
  byType: Record<string, { marks: number; maxMarks: number; accuracy: number }>;
  results: {
    id: string;
    type: string;
    correct: boolean;
    marks: number;
    maxMarks: number;
    reason: string;
    expected: string;
  }[];
}

/** The writing and speaking assessments a student attached to a mock test, by step. */
export type MockChildren = Partial<Record<"writing1" | "writing2" | "speaking", string>>;

export interface MockBands {
  listening: number;
  reading: number;
  writing: number;
  speaking: number;
  overall: number;
}

/** The one ownership rule: a student sees and changes only their own work; others get "not found". */
export function ownedBy<T extends { userId: string }>(item: T | null, userId: string): T | null {
  return item && item.userId === userId ? item : null;
}

/** Late work is accepted and marked, never refused: the deadline only labels it. */
export function isLate(assessment: Pick<Assessment, "deadlineAt">, now: Date): boolean {
  return assessment.deadlineAt ? now.getTime() > Date.parse(assessment.deadlineAt) : false;
}
