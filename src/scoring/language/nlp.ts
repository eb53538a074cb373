import type { WinkMethods } from "wink-nlp";
import type { WordToken } from "./types";

/** Every token wink-nlp finds, punctuation included, with its span in the original text. */
export interface Token extends WordToken {
  type: string;
}

export interface ParsedText {
  /** The text that was parsed; token spans index into it. */
  text: string;
  tokens: Token[];
  /** [first, last] token index of each sentence, inclusive. */
  sentenceRanges: [number, number][];
}

let nlpPromise: Promise<WinkMethods> | undefined;

/** wink-nlp and its model take ~200 ms to load, so they load once, on first use. */
function loadNlp(): Promise<WinkMethods> {
  nlpPromise ??= (async () => {
    const [{ default: winkNLP }, { default: model }] = await Promise.all([
      import("wink-nlp"),
      import("wink-eng-lite-web-model"),
    ]);
    return winkNLP(model, ["sbd", "pos"]);
  })();
  return nlpPromise;
}

export async function parseText(text: string): Promise<ParsedText> {
  const nlp = await loadNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  // wink's typings do not accept its helpers as out() arguments, hence the casts.
  const tokenOut = <T>(helper: unknown): T[] => doc.tokens().out(helper as never) as T[];
  const values = tokenOut<string>(its.value);
  const pos = tokenOut<string>(its.pos);
  const lemmas = tokenOut<string>(its.lemma);
  const types = tokenOut<string>(its.type);
  const stop = tokenOut<boolean>(its.stopWordFlag);
  const sentenceRanges: [number, number][] = [];
  const sentences = doc.sentences();
  for (let i = 0; i < sentences.length(); i++) {
    sentenceRanges.push(sentences.itemAt(i).out(its.span as never) as unknown as [number, number]);
  }
  const sentenceOf = new Array<number>(values.length).fill(0);
  sentenceRanges.forEach(([a, b], si) => sentenceOf.fill(si, a, b + 1));

  const tokens: Token[] = [];
  let cursor = 0;
  values.forEach((value, i) => {
    // wink keeps the original characters of each token, so a forward search finds its span.
    const found = text.indexOf(value, cursor);
    const start = found >= 0 ? found : cursor;
    const end = found >= 0 ? start + value.length : cursor;
    cursor = end;
    tokens.push({
      text: value,
      lower: value.toLowerCase(),
      lemma: lemmas[i] ?? value.toLowerCase(),
      pos: pos[i] ?? "X",
      type: types[i] ?? "word",
      start,
      end,
      isStopWord: stop[i] ?? false,
      sentence: sentenceOf[i] ?? 0,
    });
  });
  return { text, tokens, sentenceRanges };
}

export const isWordToken = (t: Token): boolean => t.type === "word" && /\p{L}/u.test(t.text);
