import type { Assessment, SpeakingAssessment, SpeakingSubmission } from "../domain/assessment";
import { pickNext } from "../content/bank";
import type { SpeakingSet } from "../content/schema";
import {
  createAssessment,
  getAssessment,
  listUserAssessments,
  saveDraft,
} from "../data/assessments";
import { submitDraft } from "../data/assessment-transitions";
import type { AudioStore } from "../data/audio-store";
import type { Publish } from "../data/events";
import { getQuestionItem, listQuestionItems } from "../data/questions";
import { chargeAndSubmit, type ScoringOptions } from "./charge";
import { SPEAKING_PARTS, type AudioMimeType, type SpeakingPart } from "./speaking-fields";
import { partQuestions } from "./speaking-form";
import { checkUploads, newRecordingKey, type UploadedRecordings } from "./recording-upload";

import type { Module } from "../domain/module";

export interface SpeakingDraft {
  assessment: SpeakingAssessment;
  set: SpeakingSet;
}

function isSpeakingDraft(a: Assessment): a is SpeakingDraft["assessment"] {
  return a.skill === "speaking" && a.status === "draft";
}

async function speakingSet(questionId: string | undefined): Promise<SpeakingSet | null> {
  const item = questionId ? await getQuestionItem(questionId) : null;
  return item?.skill === "speaking" ? item : null;
}

/**
 * The student's open draft for this module (and mock test, if any), or a new one on a set they
 * have not had (until the bank runs out). Created on first view, so a reload or a second device shows the same set.
 */
export async function openSpeakingDraft(
  userId: string,
  module: Module,
  mockId?: string,
): Promise<SpeakingDraft> {
  const history = await listUserAssessments(userId);
  for (const assessment of history) {
    if (!isSpeakingDraft(assessment)) continue;
    if (assessment.module !== module || assessment.mockId !== mockId) continue;
    const set = await speakingSet(assessment.questionId);
    if (set) return { assessment, set };
  }
  const seen = history
    .filter((a) => a.skill === "speaking" && a.questionId)
    .map((a) => a.questionId!)
    .reverse();
  const candidates = (await listQuestionItems("speaking")).filter(
    (q): q is SpeakingSet => q.skill === "speaking",
  );
  const set = pickNext(candidates, seen);
  if (!set) throw new Error("The question bank has no Speaking sets.");
  const questions = partQuestions(set);
  const assessment = await createAssessment({
    userId,
    skill: "speaking",
    status: "draft",
    questionId: set.id,
    mockId,
    submission: {
      kind: "speaking",
      module,
      setId: set.id,
      parts: SPEAKING_PARTS.map((part) => ({ part, questions: questions[part], transcript: "" })),
    },
  });
  return { assessment: assessment as SpeakingDraft["assessment"], set };
}

/** The student's own draft, or null when it is not theirs or no longer a draft. */
export async function findSpeakingDraft(
  assessmentId: string,
  userId: string,
): Promise<{ draft: SpeakingDraft | null; assessment: Assessment | null }> {
  const assessment = await getAssessment(assessmentId);
  if (!assessment || assessment.userId !== userId) return { draft: null, assessment: null };
  if (!isSpeakingDraft(assessment)) return { draft: null, assessment };
  const set = await speakingSet(assessment.questionId);
  return { draft: set ? { assessment, set } : null, assessment };
}

/** The student's own Speaking assessment, in any state; null for anyone else's. */
export async function ownSpeakingTask(
  assessmentId: string,
  userId: string,
): Promise<SpeakingDraft["assessment"] | null> {
  const assessment = await getAssessment(assessmentId);
  if (assessment?.userId !== userId || assessment.submission.kind !== "speaking") return null;
  return assessment as SpeakingDraft["assessment"];
}

/** The parts as the app shows them: what is asked, what was typed, and which have a recording. */
export interface SpeakingTaskView {
  assessmentId: string;
  status: Assessment["status"];
  module: Module;
  parts: {
    part: SpeakingPart;
    questions: string[];
    transcript: string;
    recording: { contentType: string } | null;
  }[];
}

export function speakingTaskView(assessment: SpeakingDraft["assessment"]): SpeakingTaskView {
  return {
    assessmentId: assessment.assessmentId,
    status: assessment.status,
    module: assessment.module,
    parts: assessment.submission.parts.map((p) => ({
      part: p.part,
      questions: p.questions,
      transcript: p.transcript,
      recording: p.audioKey ? { contentType: p.audioMimeType ?? "audio/webm" } : null,
    })),
  };
}

export interface SpeakingAnswers {
  intent: "save" | "submit";
  transcripts: Record<SpeakingPart, string>;
  recordings: Partial<Record<SpeakingPart, { bytes: Uint8Array; mimeType: AudioMimeType }>>;
  /** Recordings the client already sent to the store itself (see recording-upload.ts). */
  uploaded?: UploadedRecordings;
}

export type SpeakingSaveOutcome = "saved" | "submitted" | "closed" | "no-credit" | "not-uploaded";

/**
 * Stores the recordings, then the draft or the submission. Recordings go first: a submission
 * must never reference audio that is not there (an uploaded one is checked in the store, and
 * nothing is saved when it is missing). A part keeps an earlier recording unless a new one
 * replaces it.
 */
export async function saveSpeakingAnswers(
  { assessment, set }: SpeakingDraft,
  answers: SpeakingAnswers,
  deps: { store: AudioStore; publish: Publish; scoring: ScoringOptions },
): Promise<SpeakingSaveOutcome> {
  const uploads = await checkUploads({ assessment, set }, answers.uploaded ?? {}, deps.store);
  if (!uploads.ok) return "not-uploaded";
  const questions = partQuestions(set);
  const parts = [];
  for (const part of SPEAKING_PARTS) {
    const previous = assessment.submission.parts.find((p) => p.part === part);
    const recording = answers.recordings[part];
    let audio: { audioKey?: string; audioMimeType?: string } =
      uploads.audio[part] ??
      (previous?.audioKey
        ? { audioKey: previous.audioKey, audioMimeType: previous.audioMimeType }
        : {});
    if (recording) {
      const key = newRecordingKey(assessment, part, recording.mimeType);
      await deps.store.save(key, recording.bytes, recording.mimeType);
      audio = { audioKey: key, audioMimeType: recording.mimeType };
    }
    parts.push({
      part,
      questions: questions[part],
      transcript: answers.transcripts[part],
      ...audio,
    });
  }
  const submission: SpeakingSubmission = { ...assessment.submission, parts };
  if (answers.intent === "save") {
    const saved = await saveDraft(assessment.assessmentId, assessment.userId, submission);
    return saved ? "saved" : "closed";
  }
  // Unanswered parts are left out: the combined band averages over the parts that were taken.
  const answered = parts.filter((p) => p.transcript.trim() !== "" || p.audioKey);
  const outcome = await chargeAndSubmit(
    assessment,
    deps.scoring,
    (billing) => submitDraft(assessment, { ...submission, parts: answered }, new Date(), billing),
    deps.publish,
  );
  if (outcome.kind === "no-credit") {
    // Every part as given, recordings included, waits as the draft for the student's choice.
    await saveDraft(assessment.assessmentId, assessment.userId, submission);
  }
  return outcome.kind === "queued" ? "submitted" : outcome.kind;
}
