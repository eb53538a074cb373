import type { LinkingCategory, LinkingStats, LinkingUse } from "./types";

/**
 * Cohesive devices learners are taught, by function. Plain "and"/"but"/"so" are left out:
 * every text has them, so counting them says nothing about cohesion.
 */
const DEVICES: Record<LinkingCategory, string[]> = {
  addition: [
    "moreover",
    "furthermore",
    "in addition",
    "additionally",
    "besides",
    "what is more",
    "also",
    "as well as",
    "not only",
    "apart from this",
  ],
  contrast: [
    "however",
    "nevertheless",
    "nonetheless",
    "on the other hand",
    "in contrast",
    "by contrast",
    "although",
    "even though",
    "whereas",
    "while",
    "despite",
    "in spite of",
    "yet",
    "conversely",
    "on the contrary",
    "instead",
  ],
  cause: ["because", "since", "due to", "owing to", "as a result of", "because of"],
  result: [
    "therefore",
    "thus",
    "hence",
    "consequently",
    "as a result",
    "as a consequence",
    "accordingly",
    "for this reason",
    "this means that",
    "so that",
  ],
  example: ["for example", "for instance", "such as", "in particular", "namely", "to illustrate"],
  sequence: [
    "firstly",
    "first of all",
    "secondly",
    "thirdly",
    "finally",
    "lastly",
    "then",
    "afterwards",
    "subsequently",
    "meanwhile",
    "to begin with",
    "next",
  ],
  comparison: ["similarly", "likewise", "in the same way", "compared to", "compared with"],
  conclusion: [
    "in conclusion",
    "to conclude",
    "to sum up",
    "in summary",
    "overall",
    "all in all",
    "in short",
    "to summarise",
    "to summarize",
  ],
  opinion: [
    "in my opinion",
    "in my view",
    "i believe",
    "i think",
    "from my perspective",
    "personally",
    "it seems to me",
  ],
};

interface Device {
  words: string[];
  phrase: string;
  category: LinkingCategory;
}

const DEVICE_LIST: Device[] = Object.entries(DEVICES)
  .flatMap(([category, phrases]) =>
    phrases.map((phrase) => ({
      phrase,
      words: phrase.split(" "),
      category: category as LinkingCategory,
    })),
  )
  // Longest first, so "as a result of" wins over "as a result".
  .sort((a, b) => b.words.length - a.words.length);

const matchesAt = (words: readonly string[], i: number, d: Device): boolean =>
  d.words.every((w, k) => words[i + k] === w);

/** Finds devices in one sentence (lower-cased words); returns them in order of appearance. */
export function findDevices(words: readonly string[]): Device[] {
  const found: Device[] = [];
  for (let i = 0; i < words.length; i++) {
    const d = DEVICE_LIST.find((dev) => matchesAt(words, i, dev));
    if (d) {
      found.push(d);
      i += d.words.length - 1;
    }
  }
  return found;
}

export function openingDevice(words: readonly string[]): string | undefined {
  return DEVICE_LIST.find((d) => matchesAt(words, 0, d))?.phrase;
}

/**
 * Variety and overuse rather than raw counts: examiners reward devices that fit, and mark down
 * the same connective at every turn or a connective opening every sentence.
 */
export function linkingStats(sentenceWords: readonly (readonly string[])[]): LinkingStats {
  const uses = new Map<string, LinkingUse>();
  let initial = 0;
  for (const words of sentenceWords) {
    for (const d of findDevices(words)) {
      const use = uses.get(d.phrase) ?? { phrase: d.phrase, category: d.category, count: 0 };
      use.count++;
      uses.set(d.phrase, use);
    }
    if (openingDevice(words)) initial++;
  }
  const devices = [...uses.values()].sort((a, b) => b.count - a.count);
  const n = Math.max(1, sentenceWords.length);
  const total = devices.reduce((s, d) => s + d.count, 0);
  const sentenceInitialShare = initial / n;
  return {
    devices,
    distinctDevices: devices.length,
    distinctCategories: new Set(devices.map((d) => d.category)).size,
    perSentence: total / n,
    sentenceInitialShare,
    mechanical: sentenceWords.length >= 5 && sentenceInitialShare >= 0.7,
    overused: devices
      .filter((d) => d.count >= 3 && d.count / n > 0.2 && d.phrase !== "because")
      .map((d) => d.phrase),
  };
}
