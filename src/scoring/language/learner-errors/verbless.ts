import type { Token } from "../nlp";
import type { Detector, Finding, Sentence } from "./types";
import { POSSESSIVE } from "./words";

/** A sentence opening or closing a letter ("Dear Sir,", "Yours faithfully, Ana Lima."). */
const LETTER_FORMULA = /^(dear|yours|regards|best|kind|warm|many thanks|sincerely|love)\b/;

/**
 * Could this token be a verb that wink-nlp tagged as a noun or adjective? Its tagger reads
 * "People work hard" as three nouns, so a word right after a noun or pronoun, or opening the
 * sentence, counts as a possible verb.
 */
function mayBeVerb(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  if (t.pos === "VERB" || t.pos === "AUX") return true;
  if (t.pos !== "NOUN" && t.pos !== "ADJ") return false;
  const prev = tokens[k - 1];
  if (prev === undefined) return true;
  // "The popularity of parties, however, causes ...": an -s word after a pause.
  if ((prev.pos === "PUNCT" || prev.pos === "ADV") && t.lower.endsWith("s")) return true;
  return (
    prev.pos === "NOUN" ||
    prev.pos === "PROPN" ||
    (prev.pos === "PRON" && !POSSESSIVE.test(prev.lower)) ||
    // "This results in ...": a demonstrative may be the subject, not a determiner.
    /^(this|that|these|those|which|who|what)$/.test(prev.lower)
  );
}

/**
 * A written sentence with no verb at all ("It on new technology.", "For example, in Japan."):
 * only full stops and exclamations of three words or more, never letter formulas, and only
 * where no word could be a verb the tagger missed.
 */
function findVerbless({ text, tokens }: Sentence): Finding[] {
  const last = tokens[tokens.length - 1];
  if (last === undefined || (last.text !== "." && last.text !== "!")) return [];
  const words = tokens.filter((t) => t.pos !== "PUNCT" && t.pos !== "SYM");
  const first = words[0];
  // "Not at all." has no noun or pronoun to be the subject of a missing verb.
  const head = words.some((t) => t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "PRON");
  if (first === undefined || words.length < 3 || !head) return [];
  if (LETTER_FORMULA.test(tokens.map((t) => t.lower).join(" "))) return [];
  // Lines of a list or a table ("1. Lack of time;\n2. ...") are not sentences.
  const lineStart = text.lastIndexOf("\n", first.start - 1) + 1;
  if (/^\s*((\d+|[a-z])[.)]|[•*–-])\s*$/i.test(text.slice(lineStart, first.start))) return [];
  if (text.slice(first.start, last.start).includes("\n")) return [];
  if (tokens.some((_, k) => mayBeVerb(tokens, k))) return [];
  return [
    {
      start: first.start,
      end: last.start,
      message:
        "This sentence has no verb, so it is not a complete sentence: add a verb or join it to the sentence before.",
      rule: "learner/no-verb",
    },
  ];
}

/** A written sentence with no verb ("It on new technology."); written text only. */
export const verbless: Detector = { modes: ["writing"], find: findVerbless };
