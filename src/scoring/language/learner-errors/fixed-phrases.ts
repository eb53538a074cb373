import type { Token } from "../nlp";
import type { Detector, Finding, Sentence } from "./types";
import { matchCase, quote } from "./words";

function findFixedPhrases({ tokens }: Sentence): Finding[] {
  const out: Finding[] = [];
  const lower = tokens.map((t) => t.lower);
  const at = (i: number, ...words: string[]) => words.every((w, k) => lower[i + k] === w);
  const sentence = lower.join(" ");
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (at(i, "despite", "of")) {
      const of = tokens[i + 1] as Token;
      out.push({
        start: t.start,
        end: of.end,
        message: `${quote("Despite")} is not followed by ${quote("of")}: write ${quote("despite")} or ${quote("in spite of")}.`,
        suggestion: t.text,
        rule: "learner/fixed-phrase",
      });
    } else if (t.lemma === "discuss" && t.pos === "VERB" && lower[i + 1] === "about") {
      const about = tokens[i + 1] as Token;
      out.push({
        start: t.start,
        end: about.end,
        message: `${quote("Discuss")} takes a direct object, without ${quote("about")}.`,
        suggestion: t.text,
        rule: "learner/fixed-phrase",
      });
    } else if (at(i, "in", "the", "other", "hand") && !sentence.includes("one hand")) {
      out.push({
        start: t.start,
        end: t.end,
        message: `The linking phrase is ${quote("on the other hand")}.`,
        suggestion: matchCase(t.text, "on"),
        rule: "learner/fixed-phrase",
      });
    } else if (at(i, "according", "to", "me")) {
      const me = tokens[i + 2] as Token;
      out.push({
        start: t.start,
        end: me.end,
        message: `${quote("According to")} introduces someone else's view; for your own, write ${quote("in my view")} or ${quote("in my opinion")}.`,
        suggestion: matchCase(t.text, "in my view"),
        rule: "learner/fixed-phrase",
      });
    }
  }
  return out;
}

/** Set phrases learners often bend: "despite of", "discuss about", "in the other hand". */
export const fixedPhrases: Detector = { modes: ["writing", "speech"], find: findFixedPhrases };
