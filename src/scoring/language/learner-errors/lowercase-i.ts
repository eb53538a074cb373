import type { Detector, Finding, Sentence } from "./types";
import { quote } from "./words";

function findLowercaseI({ tokens }: Sentence): Finding[] {
  const out: Finding[] = [];
  tokens.forEach((t, i) => {
    if (t.text !== "i") return;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // "(i)" and "i." label list items; "i.e." is one token and never matches.
    if (prev?.text === "(" || next?.text === ")" || next?.text === ".") return;
    const pronoun = t.pos === "PRON" || (next !== undefined && /^'(m|ve|d|ll)$/.test(next.lower));
    if (!pronoun) return;
    out.push({
      start: t.start,
      end: t.end,
      message: `The pronoun ${quote("I")} is always a capital letter.`,
      suggestion: "I",
      rule: "learner/lowercase-i",
    });
  });
  return out;
}

/** The pronoun "i" in lower case; written text only, a transcript has no case to judge. */
export const lowercaseI: Detector = { modes: ["writing"], find: findLowercaseI };
