import { errorFreeShare, type WritingEvidence } from "./features";
import { listed, plural, type Point } from "./feedback-text";

export function cohesionPoints(ev: WritingEvidence, praise: boolean): Point[] {
  const ln = ev.analysis.linking;
  const points: Point[] = [];
  if (ln.mechanical) {
    points.push({
      criterion: "CC",
      kind: "improve",
      text: "Almost every sentence starts with a linking word. Link ideas inside sentences too (which, because, while) and let some sentences follow on naturally.",
    });
  }
  if (ln.overused.length > 0) {
    points.push({
      criterion: "CC",
      kind: "improve",
      text: `You use ${ln.overused.map((p) => `"${p}"`).join(", ")} too often; vary your linking devices.`,
    });
  }
  if (ln.distinctCategories < 3) {
    points.push({
      criterion: "CC",
      kind: "improve",
      text: 'Show how ideas connect: add contrast ("however", "although"), result ("as a result", "therefore") and examples ("for instance").',
    });
  } else if (praise && !ln.mechanical && ln.overused.length === 0) {
    points.push({
      criterion: "CC",
      kind: "strength",
      text: `You link ideas with a range of devices (${ln.devices
        .slice(0, 4)
        .map((d) => `"${d.phrase}"`)
        .join(", ")}).`,
    });
  }
  return points;
}

export function lexicalPoints(ev: WritingEvidence, overused: string[], praise: boolean): Point[] {
  const points: Point[] = [];
  const spelling = ev.analysis.issues.filter((i) => i.kind === "spelling").length;
  if (overused.length > 0) {
    points.push({
      criterion: "LR",
      kind: "improve",
      text: `You repeat ${overused.map((w) => `"${w}"`).join(", ")}; use synonyms or more precise words.`,
    });
  }
  if (spelling > 0) {
    points.push({
      criterion: "LR",
      kind: "improve",
      text: `Check ${plural(spelling, "spelling mistake")} (highlighted).`,
    });
  }
  if (ev.analysis.spelling.mixed) {
    points.push({
      criterion: "LR",
      kind: "improve",
      text: `You mix British (${ev.analysis.spelling.british.slice(0, 2).join(", ")}) and American (${ev.analysis.spelling.american.slice(0, 2).join(", ")}) spelling; both are accepted, but keep to one.`,
    });
  }
  // About a quarter of calibration responses fall below 0.055; a fifth reach 0.15.
  if (ev.analysis.lexical.lessFrequentShare < 0.055) {
    points.push({
      criterion: "LR",
      kind: "improve",
      text: `Most of your words are very common ones (${Math.round(ev.analysis.cefr.upperShare * 100)}% of them at B2 level or above). Use more topic-specific vocabulary and collocations.`,
    });
  } else if (praise && ev.analysis.lexical.lessFrequentShare >= 0.15 && spelling <= 2) {
    points.push({
      criterion: "LR",
      kind: "strength",
      text: "You use a good share of less common, topic-specific words.",
    });
  }
  // Naming the advanced words shows which choices earned the band, on any topic.
  const advanced = ev.analysis.cefr.advanced;
  if (praise && advanced.length >= 3) {
    points.push({
      criterion: "LR",
      kind: "strength",
      text: `Words at C1 level and above in your answer: ${listed(advanced.slice(0, 6))}.`,
    });
  }
  return points;
}

export function grammarPoints(ev: WritingEvidence, praise: boolean): Point[] {
  const points: Point[] = [];
  const grammar = ev.analysis.issues.filter((i) => i.kind === "grammar").length;
  const punctuation = ev.analysis.issues.filter((i) => i.kind === "punctuation").length;
  // Unlike the model's feature, this counts the learner-error detectors' findings too: praise
  // must not contradict the errors highlighted on the same page.
  const errorFree = errorFreeShare(ev.analysis, ev.analysis.issues);
  const complex = ev.features.complexShare ?? 0;
  const found = [
    grammar > 0 ? plural(grammar, "grammar error") : "",
    punctuation > 0 ? plural(punctuation, "punctuation or capitalisation error") : "",
  ].filter(Boolean);
  if (found.length > 0) {
    points.push({
      criterion: "GRA",
      kind: "improve",
      text: `Fix ${found.join(" and ")} (highlighted).`,
    });
  }
  if (complex < 0.3) {
    points.push({
      criterion: "GRA",
      kind: "improve",
      text: 'Use more complex sentences: clauses with "although", "because", "which" or "if".',
    });
  } else if (praise && errorFree >= 0.7) {
    points.push({
      criterion: "GRA",
      kind: "strength",
      text: "You use a mix of simple and complex sentences, mostly without errors.",
    });
  }
  return points;
}
