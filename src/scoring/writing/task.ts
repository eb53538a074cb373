/** What the task asks for, beyond language: length, overview, letter format, relevance. */
import topicData from "./data/topics.json";

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

/**
 * Words that frame a question on any subject ("Some people believe ... is a problem"). The writing
 * model was fitted with them counted as keywords, so only the off-topic check leaves them out.
 */
const SCAFFOLDING = new Set(
  (
    "believe claim argue feel consider help keep use need take get become seem mean way thing " +
    "person time nowadays today increasingly common important problem"
  ).split(" "),
);

const stem = (lemma: string): string => (lemma.length > 6 ? lemma.slice(0, 6) : lemma);

/**
 * Subject areas and the words an answer on each tends to use, so that an essay that answers the
 * question in other words than the prompt's still counts as relevant.
 */
const TOPICS: readonly ReadonlySet<string>[] = Object.values(topicData.topics).map(
  (words) => new Set(words.split(" ").map(stem)),
);

export interface Relevance {
  /** Share of the prompt's topic words that the response uses. */
  promptCoverage: number;
  /** Share of the response's content words that come from the prompt's topic. */
  responseOverlap: number;
  keywords: number;
  /** Both shares again, without the words that frame any question (SCAFFOLDING). */
  focus: { coverage: number; overlap: number; keywords: number };
  /** Share of the response's content words from the prompt's focus or its subject areas. */
  topicOverlap: number;
}

function overlapWith(keywords: ReadonlySet<string>, used: readonly string[]) {
  const usedSet = new Set(used);
  const covered = [...keywords].filter((k) => usedSet.has(k)).length;
  return {
    coverage: keywords.size === 0 ? 1 : covered / keywords.size,
    overlap: share(keywords, used),
    keywords: keywords.size,
  };
}

const share = (set: ReadonlySet<string>, used: readonly string[]) =>
  used.length === 0 ? 0 : used.filter((u) => set.has(u)).length / used.length;

/** The words that carry a response's subject: lemmas of its nouns, verbs and adjectives. */
export function subjectLemmas(words: readonly { pos: string; lemma: string }[]): string[] {
  return words
    .filter((w) => w.pos === "NOUN" || w.pos === "VERB" || w.pos === "ADJ")
    .map((w) => w.lemma);
}

/** Lexical overlap of content lemmas (crudely stemmed) between prompt and response. */
export function relevance(
  promptLemmas: readonly string[],
  responseLemmas: readonly string[],
): Relevance {
  const keywords = new Set(promptLemmas.filter((l) => !INSTRUCTION_WORDS.has(l)).map(stem));
  const focusWords = new Set(
    promptLemmas.filter((l) => !INSTRUCTION_WORDS.has(l) && !SCAFFOLDING.has(l)).map(stem),
  );
  const subject = new Set(focusWords);
  for (const topic of TOPICS) {
    if ([...focusWords].some((k) => topic.has(k))) for (const word of topic) subject.add(word);
  }
  const used = responseLemmas.map(stem);
  const all = overlapWith(keywords, used);
  return {
    promptCoverage: all.coverage,
    responseOverlap: all.overlap,
    keywords: all.keywords,
    focus: overlapWith(focusWords, used),
    topicOverlap: share(subject, used),
  };
}

/**
 * How far a response strays from its prompt, in the descriptors' words: wholly unrelated (band
 * 1), barely related (band 2), or tangential (band 4 at most). Thresholds from
 * `npm run off-topic-check` on the calibration set: each essay under its own prompt and under
 * another one; none of the essays under their own prompts is called unrelated.
 */
export type Relatedness = "unrelated" | "barely-related" | "tangential";

const RELATEDNESS: readonly { level: Relatedness; lexical: number; topic: number }[] = [
  { level: "unrelated", lexical: 0.15, topic: 0.08 },
  { level: "barely-related", lexical: 0.3, topic: 0.15 },
  { level: "tangential", lexical: 0.3, topic: 0.2 },
];

export function relatedness(rel: Relevance): Relatedness | undefined {
  if (rel.focus.keywords < 3) return undefined;
  const lexical = rel.focus.coverage + rel.focus.overlap;
  return RELATEDNESS.find((r) => lexical < r.lexical && rel.topicOverlap < r.topic)?.level;
}
