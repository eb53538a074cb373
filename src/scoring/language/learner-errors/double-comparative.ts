import type { Token } from "../nlp";
import type { Detector, Finding, Sentence } from "./types";
import { matchCase, quote, wordPairs } from "./words";

const isComparative = (t: Token): boolean =>
  (t.pos === "ADJ" || t.pos === "ADV") &&
  (/^(better|worse)$/.test(t.lower) || (t.lower.endsWith("er") && t.lemma !== t.lower));
const isSuperlative = (t: Token): boolean =>
  (t.pos === "ADJ" || t.pos === "ADV") &&
  (/^(best|worst)$/.test(t.lower) || (t.lower.endsWith("est") && t.lemma !== t.lower));

function findDoubleComparative({ tokens }: Sentence): Finding[] {
  const out: Finding[] = [];
  for (const { first: more, second: adj, next } of wordPairs(tokens)) {
    const double =
      (more.lower === "more" && isComparative(adj)) ||
      (more.lower === "most" && isSuperlative(adj));
    // "more older people" counts people, so a noun after the adjective means no error.
    if (!double || (next !== undefined && (next.pos === "NOUN" || next.pos === "PROPN"))) continue;
    out.push({
      start: more.start,
      end: adj.end,
      message: `${quote(adj.text)} is already ${more.lower === "more" ? "a comparative" : "a superlative"}, so it needs no ${quote(more.lower)}.`,
      suggestion: matchCase(more.text, adj.lower),
      rule: "learner/double-comparative",
    });
  }
  return out;
}

/** "more better", "most biggest": a comparative or superlative marked twice. */
export const doubleComparative: Detector = {
  modes: ["writing", "speech"],
  find: findDoubleComparative,
};
