import type { ListeningAdjustment } from "../domain/assessment";
import type { QuestionType } from "../scoring/question-schema";
import type { IeltsTest } from "../content/papers";
import {
  audioSources,
  numberLabel,
  paperLayout,
  transcriptOf,
  wordLimitHint,
  type AudioSource,
  type LaidOutGroup,
  type Stimulus,
} from "./objective-paper";

// The paper as the candidate sees it on the test page and in drills: no key anywhere in it.

/** A question as the candidate sees it: no key, no accepted variants, no evidence. */
export interface PaperQuestion {
  id: string;
  number: number;
  span: number;
  label: string;
  type: QuestionType;
  prompt: string;
  options: { label: string; text: string }[];
}

export interface PaperGroup {
  type: QuestionType;
  instructions: string;
  title: string | null;
  /** The shared box (headings, people, endings), printed once above the questions. */
  box: { label: string; text: string }[];
  limitHint: string | null;
  questions: PaperQuestion[];
}

export interface PaperBlock {
  id: string;
  heading: string;
  title: string | null;
  paragraphs: { label: string | null; text: string }[];
  /** The part's recording in every format, in the order the player should try them. */
  audio: AudioSource[] | null;
  introduction: string | null;
  groups: PaperGroup[];
}

function paperGroup({ group, numbered }: LaidOutGroup): PaperGroup {
  const written = group.questions.some((q) => q.wordLimit !== undefined);
  return {
    type: group.type,
    instructions: group.instructions,
    title: group.title ?? null,
    box: group.options ?? [],
    limitHint: written ? wordLimitHint(group.instructions) : null,
    questions: numbered.map((n) => ({
      id: n.question.id,
      number: n.number,
      span: n.span,
      label: numberLabel(n),
      type: n.question.type,
      prompt: n.question.prompt ?? "",
      options: n.question.options ?? [],
    })),
  };
}

/**
 * One passage or recorded part as the paper shows it. With the transcript adjustment a part is
 * its script to read, speaker by speaker, in place of the recording.
 */
export function paperBlock(
  stimulus: Stimulus,
  index: number,
  groups: readonly LaidOutGroup[],
  adjustment?: ListeningAdjustment,
): PaperBlock {
  const passage = stimulus.kind === "passage" ? stimulus.section : null;
  const part = stimulus.kind === "audio" ? stimulus.part : null;
  const read = part !== null && adjustment === "transcript";
  return {
    id: passage ? passage.id : `part-${part!.number}`,
    heading: passage ? `Passage ${index + 1}` : `Part ${part!.number}`,
    title: passage?.title ?? null,
    paragraphs: read
      ? (transcriptOf(stimulus) ?? []).map((line) => ({ label: line.speaker, text: line.text }))
      : (passage?.passage.paragraphs ?? []).map((p) => ({
          label: p.label ?? null,
          text: p.text,
        })),
    audio: part && !read ? audioSources(part) : null,
    introduction: part?.introduction ?? null,
    groups: groups.map(paperGroup),
  };
}

/** The whole paper for the test page, with nothing that gives an answer away. */
export function paperView(test: IeltsTest, adjustment?: ListeningAdjustment): PaperBlock[] {
  return paperLayout(test).map(({ stimulus, groups }, i) =>
    paperBlock(stimulus, i, groups, adjustment),
  );
}
