import type { Token } from "./nlp";
import type { SentenceInfo, SentenceStructure, StructureStats } from "./types";

/**
 * wink-nlp gives parts of speech but no parse tree, so clause structure is read from markers:
 * subordinating conjunctions, relative pronouns after a noun, coordinators followed by a new
 * subject and verb, and "be" + past participle for the passive. Approximate, but it tracks
 * what examiners call range of structures.
 */

const RELATIVE = new Set(["who", "whom", "whose", "which", "that", "where"]);
const SUBJECT_POS = new Set(["PRON", "NOUN", "PROPN", "DET", "ADJ", "NUM"]);
const FINITE_POS = new Set(["VERB", "AUX"]);
const IRREGULAR_PARTICIPLE =
  /(en|wn|ne|ght|lt|pt|un|ung|ank|uck|ade|id|ot|et|eft|elt|ept|ound|ood)$/;

function isParticiple(t: Token): boolean {
  if (t.pos !== "VERB") return false;
  if (t.lower.endsWith("ed")) return true;
  return t.lower !== t.lemma && IRREGULAR_PARTICIPLE.test(t.lower) && !t.lower.endsWith("ing");
}

function countPassives(tokens: readonly Token[]): number {
  let n = 0;
  tokens.forEach((t, i) => {
    if (!(t.lemma === "be" || t.lemma === "get")) return;
    for (let j = i + 1; j < Math.min(tokens.length, i + 4); j++) {
      const next = tokens[j] as Token;
      if (next.pos === "ADV" || next.pos === "PART") continue;
      if (isParticiple(next)) n++;
      break;
    }
  });
  return n;
}

function countRelatives(tokens: readonly Token[]): number {
  let n = 0;
  tokens.forEach((t, i) => {
    if (!RELATIVE.has(t.lower) || i === 0) return;
    let k = i - 1;
    if (tokens[k]?.text === ",") k--;
    const prev = tokens[k];
    if (prev && (prev.pos === "NOUN" || prev.pos === "PROPN" || prev.pos === "PRON")) n++;
  });
  return n;
}

/** "and/but/so/yet/or" followed by a subject and a finite verb within a few words. */
function countCoordinateClauses(tokens: readonly Token[]): number {
  let n = 0;
  tokens.forEach((t, i) => {
    if (t.pos !== "CCONJ" || i === 0) return;
    const next = tokens[i + 1];
    if (!next || !SUBJECT_POS.has(next.pos)) return;
    for (let j = i + 2; j < Math.min(tokens.length, i + 6); j++) {
      const tok = tokens[j] as Token;
      if (FINITE_POS.has(tok.pos)) {
        n++;
        return;
      }
      if (tok.pos === "PUNCT" || tok.pos === "CCONJ") return;
    }
  });
  return n;
}

/** wink tags some of these as ADP ("Although it is ..."), so they are listed by word. */
const SUBORDINATORS = new Set([
  "although",
  "though",
  "because",
  "whereas",
  "unless",
  "if",
  "whether",
  "while",
  "whilst",
]);
/** Subordinators only when a clause (subject + verb) follows: "since 1990" is not one. */
const CLAUSE_SUBORDINATORS = new Set(["when", "since", "before", "after", "until", "once", "as"]);

function clauseFollows(tokens: readonly Token[], i: number): boolean {
  const subject = tokens[i + 1];
  if (!subject || !SUBJECT_POS.has(subject.pos)) return false;
  for (let j = i + 2; j < Math.min(tokens.length, i + 6); j++) {
    const tok = tokens[j] as Token;
    if (FINITE_POS.has(tok.pos)) return true;
    if (tok.pos === "PUNCT") return false;
  }
  return false;
}

function countSubordinates(tokens: readonly Token[]): number {
  return tokens.filter((t, i) => {
    if (SUBORDINATORS.has(t.lower)) return true;
    if (CLAUSE_SUBORDINATORS.has(t.lower)) return clauseFollows(tokens, i);
    // "that" after a verb opens a noun clause (they believe that ...).
    if (t.lower === "that") return tokens[i - 1]?.pos === "VERB" && clauseFollows(tokens, i);
    return t.pos === "SCONJ";
  }).length;
}

/** Part-of-speech pairs that grammatical English almost never produces. */
const IMPLAUSIBLE = new Set([
  "DET VERB",
  "DET AUX",
  "DET ADP",
  "DET PRON",
  "DET CCONJ",
  "DET SCONJ",
  "DET PUNCT",
  "ADP ADP",
  "ADP AUX",
  "ADP CCONJ",
  "ADP PUNCT",
  "CCONJ CCONJ",
  "SCONJ PUNCT",
  "PART DET",
]);

function implausiblePairs(tokens: readonly Token[]): { bad: number; pairs: number } {
  let bad = 0;
  let pairs = 0;
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1] as Token;
    const b = tokens[i] as Token;
    if (a.type === "tabCRLF" || b.type === "tabCRLF") continue;
    pairs++;
    if (IMPLAUSIBLE.has(`${a.pos} ${b.pos}`)) bad++;
  }
  return { bad, pairs };
}

export function analyseSentence(
  tokens: readonly Token[],
  wordCount: number,
): Omit<SentenceInfo, "start" | "end" | "openingLinker"> {
  const subordinateClauses = countSubordinates(tokens);
  const relativeClauses = countRelatives(tokens);
  const coordinate = countCoordinateClauses(tokens);
  const dependent = subordinateClauses + relativeClauses > 0;
  const structure: SentenceStructure =
    dependent && coordinate > 0
      ? "compound-complex"
      : dependent
        ? "complex"
        : coordinate > 0
          ? "compound"
          : "simple";
  return {
    wordCount,
    structure,
    subordinateClauses,
    relativeClauses,
    passives: countPassives(tokens),
  };
}

export function structureStats(
  sentences: readonly SentenceInfo[],
  sentenceTokens: readonly (readonly Token[])[],
  unexpectedFunctionPairShare: number,
): StructureStats {
  const n = Math.max(1, sentences.length);
  const share = (s: SentenceStructure) => sentences.filter((x) => x.structure === s).length / n;
  const lengths = sentences.map((s) => s.wordCount);
  const mean = lengths.reduce((a, b) => a + b, 0) / n;
  const variance = lengths.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
  const kinds = new Set(sentences.map((s) => s.structure));
  let bad = 0;
  let pairs = 0;
  let verbless = 0;
  for (const tokens of sentenceTokens) {
    const r = implausiblePairs(tokens);
    bad += r.bad;
    pairs += r.pairs;
    if (!tokens.some((t) => FINITE_POS.has(t.pos))) verbless++;
  }
  return {
    simpleShare: share("simple"),
    compoundShare: share("compound"),
    complexShare: share("complex"),
    compoundComplexShare: share("compound-complex"),
    subordinatePerSentence: sentences.reduce((a, s) => a + s.subordinateClauses, 0) / n,
    relativePerSentence: sentences.reduce((a, s) => a + s.relativeClauses, 0) / n,
    passivePerSentence: sentences.reduce((a, s) => a + s.passives, 0) / n,
    meanSentenceLength: mean,
    sentenceLengthSd: Math.sqrt(variance),
    distinctStructures: kinds.size,
    verblessShare: verbless / n,
    implausibleBigramShare: pairs === 0 ? 0 : bad / pairs,
    unexpectedFunctionPairShare,
  };
}
