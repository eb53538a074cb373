/** What the task asks for, beyond language: length, overview, letter format, relevance. */

const tokenise = (text: string): string[] =>
  text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu) ?? [];

/** Runs of this many words or more found in the prompt count as copied. */
const COPY_RUN = 4;

/**
 * Words copied from the prompt do not count toward length. A word is copied when it sits in a
 * run of at least four consecutive words that also occurs in the prompt.
 */
export function copiedWords(prompt: string, response: string): { copied: number; total: number } {
  const p = tokenise(prompt);
  const r = tokenise(response);
  const grams = new Set<string>();
  for (let i = 0; i + COPY_RUN <= p.length; i++) grams.add(p.slice(i, i + COPY_RUN).join(" "));
  const copied = new Array<boolean>(r.length).fill(false);
  for (let i = 0; i + COPY_RUN <= r.length; i++) {
    if (grams.has(r.slice(i, i + COPY_RUN).join(" "))) copied.fill(true, i, i + COPY_RUN);
  }
  return { copied: copied.filter(Boolean).length, total: r.length };
}

export const minimumWords = (task: 1 | 2): number => (task === 1 ? 150 : 250);

const OVERVIEW =
  /\b(overall|in general|generally|in summary|to summari[sz]e|to sum up|in conclusion|it is (clear|evident|obvious|noticeable|apparent)|it can be (seen|observed|noticed)|(the )?(main|most (striking|noticeable|significant)) (trend|feature|change|point)s?|at a glance)\b/i;

/** Academic Task 1 needs a sentence that states the main trends rather than listing numbers. */
export function hasOverview(response: string): boolean {
  return OVERVIEW.test(response);
}

export interface LetterFormat {
  salutation: boolean;
  signOff: boolean;
  purpose: boolean;
  /** Contractions per 100 words: high in informal letters, near zero in formal ones. */
  contractionRate: number;
}

const SALUTATION = /^\s*(dear|hi|hello|hey|to whom it may concern|good (morning|afternoon))\b/i;
const SIGN_OFF =
  /\b(yours (faithfully|sincerely|truly)|(best|kind|warm|warmest)( regards| wishes)|regards|best|sincerely|love|cheers|take care|all the best|many thanks|thanks again|see you soon)\b[\s,.!]*(\n|$)/i;
const PURPOSE =
  /\b(i am writing|i'm writing|i’m writing|i write|the purpose of this letter|i would like to|i wanted to|i want to (let you know|tell|ask|inform|complain)|i am contacting|this letter is to)\b/i;

/** General Training Task 1: a letter opens, states why it is written, and closes. */
export function letterFormat(response: string, wordCount: number): LetterFormat {
  const lines = response.trim().split(/\r?\n/);
  const tail = lines.slice(-4).join("\n");
  const opening = response.trim().slice(0, 400);
  const contractions = response.match(/\b\p{L}+['’](s|t|re|ve|ll|d|m)\b/giu)?.length ?? 0;
  return {
    salutation: SALUTATION.test(lines[0] ?? ""),
    signOff: SIGN_OFF.test(tail),
    purpose: PURPOSE.test(opening),
    contractionRate: (contractions / Math.max(1, wordCount)) * 100,
  };
}

/**
 * Words every prompt uses to give instructions; they say nothing about the topic, so they do not
 * count as keywords.
 */
const INSTRUCTION_WORDS = new Set(
  (
    "write essay discuss opinion agree disagree extent give reason answer include relevant example " +
    "knowledge experience word least summarise summarize information select report main feature " +
    "make comparison letter chart graph table diagram map process show below describe view both " +
    "own explain think people many some other advantage disadvantage outweigh happen should would " +
    "also following provide say"
  ).split(" "),
);

const stem = (lemma: string): string => (lemma.length > 6 ? lemma.slice(0, 6) : lemma);

export interface Relevance {
  /** Share of the prompt's topic words that the response uses. */
  promptCoverage: number;
  /** Share of the response's content words that come from the prompt's topic. */
  responseOverlap: number;
  keywords: number;
}

/** Lexical overlap of content lemmas (crudely stemmed) between prompt and response. */
export function relevance(promptLemmas: readonly string[], responseLemmas: readonly string[]) {
  const keywords = new Set(promptLemmas.filter((l) => !INSTRUCTION_WORDS.has(l)).map(stem));
  const used = responseLemmas.map(stem);
  const usedSet = new Set(used);
  const covered = [...keywords].filter((k) => usedSet.has(k)).length;
  const onTopic = used.filter((u) => keywords.has(u)).length;
  return {
    promptCoverage: keywords.size === 0 ? 1 : covered / keywords.size,
    responseOverlap: used.length === 0 ? 0 : onTopic / used.length,
    keywords: keywords.size,
  } satisfies Relevance;
}
