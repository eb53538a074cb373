import type { Detector, Finding, Sentence } from "./types";
import { matchCase, quote } from "./words";

const UNCOUNTABLE: Readonly<Record<string, string>> = {
  informations: "information",
  advices: "advice",
  knowledges: "knowledge",
  equipments: "equipment",
  furnitures: "furniture",
  homeworks: "homework",
  evidences: "evidence",
  researches: "research",
  feedbacks: "feedback",
  luggages: "luggage",
};

/** Words that are also verbs in -s: only a noun reading counts. */
const VERB_HOMOGRAPHS: ReadonlySet<string> = new Set(["researches", "evidences"]);

function findUncountable({ tokens }: Sentence): Finding[] {
  const out: Finding[] = [];
  tokens.forEach((t, i) => {
    const singular = UNCOUNTABLE[t.lower];
    if (singular === undefined) return;
    if (VERB_HOMOGRAPHS.has(t.lower)) {
      const prev = tokens[i - 1];
      const afterDeterminer =
        prev !== undefined &&
        (prev.pos === "DET" || prev.pos === "ADJ" || prev.pos === "NUM" || prev.pos === "ADP");
      const nounHere =
        t.pos === "NOUN" && (prev === undefined || (prev.pos !== "PRON" && prev.pos !== "NOUN"));
      if (!afterDeterminer && !nounHere) return;
    }
    out.push({
      start: t.start,
      end: t.end,
      message: `${quote(singular)} is uncountable and has no plural: write ${quote(singular)} (with ${quote("much")} or ${quote("a lot of")}, not ${quote("many")}).`,
      suggestion: matchCase(t.text, singular),
      rule: "learner/uncountable-plural",
    });
  });
  return out;
}

/** Plurals of uncountable nouns: "informations", "advices". */
export const uncountable: Detector = { modes: ["writing", "speech"], find: findUncountable };
