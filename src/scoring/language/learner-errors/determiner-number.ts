import type { Token } from "../nlp";
import type { Detector, Finding, Sentence } from "./types";
import { isPluralNoun, isSingularNoun, matchCase, quote, wordPairs } from "./words";

/** Next token's part of speech suggests the word before it was a noun, not a verb. */
const endsNounPhrase = (next: Token | undefined): boolean =>
  next === undefined ||
  next.pos === "AUX" ||
  next.pos === "VERB" ||
  next.pos === "CCONJ" ||
  next.pos === "PUNCT";

function findDeterminerNumber({ tokens }: Sentence): Finding[] {
  const out: Finding[] = [];
  for (const { first: det, second: noun, next, prev } of wordPairs(tokens)) {
    if (det.pos !== "DET") continue;
    const singularDet = det.lower === "this";
    const pluralDet = det.lower === "these" || det.lower === "those";
    if (!singularDet && !pluralDet) continue;
    const fits = singularDet ? isPluralNoun(noun) : isSingularNoun(noun);
    if (!fits) continue;
    const nounEnds =
      endsNounPhrase(next) ||
      (pluralDet && next !== undefined && /^(of|who|which|that)$/.test(next.lower));
    if (!nounEnds) continue;
    // "This works." / "These help." are pronoun + verb; only object position reads as a noun.
    if (next === undefined || next.pos === "PUNCT") {
      if (prev === undefined || (prev.pos !== "ADP" && prev.pos !== "VERB")) continue;
    }
    const fixedDet = singularDet ? "these" : "this";
    const other = singularDet ? noun.lemma : `${noun.lower}s`;
    out.push({
      start: det.start,
      end: noun.end,
      message: singularDet
        ? `${quote(det.text)} goes with a singular noun: write ${quote(`these ${noun.lower}`)} or ${quote(`this ${other}`)}.`
        : `${quote(det.text)} goes with a plural noun: write ${quote(`this ${noun.lower}`)} or ${quote(`${det.lower} ${other}`)}.`,
      suggestion: `${matchCase(det.text, fixedDet)} ${noun.text}`,
      rule: "learner/determiner-number",
    });
  }
  return out;
}

/** A determiner whose number does not match its noun: "this problems", "these problem". */
export const determinerNumber: Detector = {
  modes: ["writing", "speech"],
  find: findDeterminerNumber,
};
