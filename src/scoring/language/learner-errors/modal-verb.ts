import type { Token } from "../nlp";
import type { Detector, Finding, Sentence } from "./types";
import { MODALS, quote } from "./words";

/**
 * wink's lemmas are American ("organise" -> "organize", "practise" -> "practice"), so a British
 * base form that differs from its lemma only by that spelling is still the base form.
 */
function isBaseForm(word: Token): boolean {
  const american = [word.lower.replace(/([iy])se$/, "$1ze"), word.lower.replace(/se$/, "ce")];
  return word.lower === word.lemma || american.includes(word.lemma);
}

function findModalVerb({ tokens }: Sentence): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const modal = tokens[i] as Token;
    if (modal.pos !== "AUX" || !MODALS.has(modal.lower)) continue;
    let j = i + 1;
    while (j < tokens.length && /^(not|n't)$/.test((tokens[j] as Token).lower)) j++;
    const word = tokens[j];
    if (word === undefined) continue;
    const name = modal.lower === "ca" ? "can" : modal.lower === "wo" ? "will" : modal.lower;
    const verbAfterTo = tokens[j + 1];
    if (
      word.lower === "to" &&
      verbAfterTo?.pos === "VERB" &&
      verbAfterTo.lower === verbAfterTo.lemma
    ) {
      out.push({
        start: word.start,
        end: verbAfterTo.end,
        message: `After ${quote(name)}, use the verb without ${quote("to")}.`,
        suggestion: verbAfterTo.text,
        rule: "learner/modal-verb-form",
      });
      continue;
    }
    if (
      (word.pos === "VERB" || word.pos === "AUX") &&
      !MODALS.has(word.lower) &&
      /^\p{L}+$/u.test(word.text) &&
      !isBaseForm(word)
    ) {
      const base = word.lower === "been" ? "have been" : word.lemma;
      out.push({
        start: word.start,
        end: word.end,
        message: `After ${quote(name)}, use the base form of the verb: ${quote(`${name} ${base}`)}.`,
        suggestion: base,
        rule: "learner/modal-verb-form",
      });
    }
  }
  return out;
}

/** The verb after a modal: "can to go", "should goes". */
export const modalVerb: Detector = { modes: ["writing", "speech"], find: findModalVerb };
