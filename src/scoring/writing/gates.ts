import { roundToHalfBand } from "../bands";
import type { WritingEvidence } from "./features";
import { minimumWords, relatedness } from "./task";
import type { Criterion, WritingInput } from "./types";

/**
 * Evidence gates: conditions under which the regression must not be trusted, because its
 * features describe language the response does not really contain. Thresholds sit outside
 * the range seen in 753 human-marked responses (e.g. known-word share >= 0.87, function-word
 * share >= 0.36, implausible part-of-speech pairs <= 0.05 in all of them).
 */

export interface GateOutcome {
  flags: string[];
  /** Upper limits per criterion; "all" applies to every criterion. */
  caps: Partial<Record<Criterion | "all", number>>;
  /** Bands taken off the task criterion (TA/TR) for missing requirements. */
  taskPenalty: number;
  /** The response shows no real evidence of ability: feedback must not praise it. */
  noPraise: boolean;
}

const MIN_WORDS_FOR_ANY_BAND = 20;
const NOT_ENGLISH_KNOWN_SHARE = 0.6;
const SALAD_STOPWORD_SHARE = 0.28;
const SALAD_IMPLAUSIBLE_SHARE = 0.08;
/** Real responses: 99% below 0.41; the same responses shuffled: 95% above 0.55. */
const SALAD_UNEXPECTED_PAIRS = 0.5;
const COPIED_SHARE = 0.5;
/** The descriptors' Task Response bands for content wholly unrelated, barely related, tangential. */
const OFF_TOPIC_CAP = { unrelated: 1, "barely-related": 2, tangential: 4 } as const;

export function applyGates(input: WritingInput, ev: WritingEvidence): GateOutcome {
  const out: GateOutcome = { flags: [], caps: {}, taskPenalty: 0, noPraise: false };
  const cap = (key: Criterion | "all", band: number) => {
    out.caps[key] = Math.min(out.caps[key] ?? 9, band);
  };
  const lx = ev.analysis.lexical;
  const st = ev.analysis.structure;
  const taskCriterion: Criterion = input.task === 1 ? "TA" : "TR";

  if (ev.copiedShare >= COPIED_SHARE) {
    out.flags.push("copied-prompt");
    cap("all", 3);
    out.noPraise = true;
  }
  if (ev.countedWords <= MIN_WORDS_FOR_ANY_BAND) {
    out.flags.push("too-short-band-1");
    cap("all", 1);
    out.noPraise = true;
    return out;
  }
  if (lx.knownWordShare < NOT_ENGLISH_KNOWN_SHARE) {
    out.flags.push("not-english");
    cap("all", 1);
    out.noPraise = true;
    return out;
  }
  if (
    lx.stopWordShare < SALAD_STOPWORD_SHARE ||
    st.implausibleBigramShare > SALAD_IMPLAUSIBLE_SHARE ||
    st.unexpectedFunctionPairShare > SALAD_UNEXPECTED_PAIRS
  ) {
    out.flags.push("word-salad");
    cap("all", 2);
    out.noPraise = true;
  }
  const stray = relatedness(ev.relevance);
  if (stray) {
    out.flags.push("off-topic");
    cap(taskCriterion, OFF_TOPIC_CAP[stray]);
  }

  const ratio = ev.countedWords / minimumWords(input.task);
  if (ratio < 1) {
    out.flags.push("under-length");
    // No fixed deduction exists since 2023; shortfall loses marks through TA/TR.
    out.taskPenalty += roundToHalfBand(Math.max(0.5, (1 - ratio) * 4));
    if (ratio < 0.8) cap(taskCriterion, 5);
  }

  if (input.task === 1 && input.module === "academic" && !ev.overview) {
    out.flags.push("no-overview");
    cap("TA", 5);
  }
  // The band 5 descriptor: "there may be no data to support the description".
  if (input.facts?.values.length && ev.data?.figuresMatched === 0) {
    out.flags.push("no-data");
    cap("TA", 5);
  }
  // Band 4: key features "may be irrelevant, repetitive, inaccurate"; one slip is band 5 at most.
  const contradicted = ev.data?.contradicted.length ?? 0;
  if (contradicted > 0) {
    out.flags.push("misread-trends");
    cap("TA", contradicted >= 2 && contradicted > (ev.data?.trendsConfirmed ?? 0) ? 4 : 5);
  }
  if (input.task === 1 && input.module === "general") {
    const { salutation, signOff, purpose } = ev.letter;
    if (!salutation || !signOff) {
      out.flags.push("letter-format");
      out.taskPenalty += 0.5;
    }
    if (!purpose) {
      out.flags.push("unclear-purpose");
      out.taskPenalty += 0.5;
    }
  }
  if (ev.analysis.spelling.mixed) out.flags.push("mixed-spelling");
  if (ev.analysis.linking.mechanical) out.flags.push("mechanical-linking");
  return out;
}
