import { checkChartData } from "../scoring/writing/chart-data";
import { chartFactsSchema } from "../scoring/writing/types";
import { checkCounts } from "./bank-totals";
import { chartFacts } from "./facts";
import type {
  AcademicTask1Question,
  GeneralTask1Question,
  MapVisual,
  ProcessVisual,
  Question,
  SpeakingSet,
  Task2Question,
  Task2Type,
  Visual,
  VisualKind,
} from "./schema";

// The schema says what a question is; these checks say whether the bank is one a student can
// practise from for a month: enough of each kind, worded as the test words it, and Task 1 data
// that the report checks can use. Each returns "id: problem" lines, so a test names them all.

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A sentence or phrase of sane length: not a stub, not a paragraph pasted by mistake. */
function lengthProblem(what: string, text: string, min: number, max: number): string[] {
  const n = wordCount(text);
  return n < min || n > max ? [`${what} has ${n} words (expected ${min}-${max})`] : [];
}

/** The question the test asks after the statement, one wording (or family) per essay type. */
const TASK2_INSTRUCTIONS: Record<Task2Type, (instruction: string) => boolean> = {
  opinion: (s) =>
    /^(To what extent do you agree or disagree( with this (view|opinion|statement))?\?|Do you agree or disagree\?|(Do you think|Is) this (is )?a positive or (a )?negative development\?)$/.test(
      s,
    ),
  discussion: (s) => /^Discuss both (these )?views and give your own opinion\.$/.test(s),
  "advantages-disadvantages": (s) =>
    /^(Do the advantages of this( \w+)? outweigh the disadvantages\?|What are the advantages and disadvantages of (this|doing this)\?|Discuss the advantages and disadvantages of this\.)$/.test(
      s,
    ),
  // A cause or an effect, and what can be done about it: in one question or two.
  "problem-solution": (s) =>
    /\b(causes?|why|reasons?|problems?|effects?)\b/i.test(s) &&
    /\b(solv|solution|reduc|done|measure|tackl|prevent)/i.test(s) &&
    /\?$/.test(s),
  "two-part": (s) => (s.match(/\?/g) ?? []).length === 2 && /\?$/.test(s),
};

/** Four-letter beginnings of words: "reading" meets "read", "cashless" meets "cash". */
const roots = (text: string) =>
  new Set((text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).map((w) => w.slice(0, 4)));

function checkTask2(q: Task2Question): string[] {
  const [statement = "", instruction = "", ...rest] = q.prompt.split("\n\n");
  const problems = [
    ...lengthProblem("the statement", statement, 10, 50),
    ...lengthProblem("the question", instruction, 5, 30),
  ];
  if (rest.length > 0) problems.push("the prompt has more than a statement and a question");
  if (!TASK2_INSTRUCTIONS[q.type](instruction)) {
    problems.push(`the question does not ask what a ${q.type} essay answers: "${instruction}"`);
  }
  if (q.keywords.length < 3 || q.keywords.length > 8) problems.push("needs 3-8 keywords");
  // The introduction drill tells a student who misses the topic that the question "is about"
  // the first keywords, so the first one must come from the prompt.
  const prompt = roots(q.prompt);
  if (![...roots(q.keywords[0]!)].some((r) => prompt.has(r))) {
    problems.push(`the first keyword "${q.keywords[0]}" is not in the prompt`);
  }
  return problems;
}

const TASK1_LAST = "Write at least 150 words.";
const SUMMARISE = "Summarise the information by selecting and reporting the main features";

/** What the prompt calls each kind of visual, so that it never says "graph" of a table. */
const VISUAL_NAMES: Record<Exclude<VisualKind, "mixed">, RegExp> = {
  line: /\b(line )?graphs?\b/,
  bar: /\b(bar )?charts?\b/,
  pie: /\bpie charts?\b/,
  table: /\btables?\b/,
  process: /\b(diagram|flow chart)\b/,
  map: /\b(maps|plans)\b/,
};

function checkAcademicPrompt(q: AcademicTask1Question): string[] {
  const [lead = "", summarise = "", last = "", ...rest] = q.prompt.split("\n\n");
  const problems = lengthProblem("the prompt's first paragraph", lead, 10, 50);
  if (rest.length > 0 || last !== TASK1_LAST) {
    problems.push(`the prompt must end "${TASK1_LAST}" after the summary instruction`);
  }
  if (!summarise.startsWith(SUMMARISE)) problems.push(`the prompt must say "${SUMMARISE}"`);
  if (!/\bbelow\b/.test(lead)) problems.push('the prompt must point to the visual "below"');
  const kinds = q.visual.kind === "mixed" ? q.visual.parts.map((p) => p.kind) : [q.visual.kind];
  for (const kind of kinds) {
    // A mixed task names each chart ("the line graph ... the pie chart"), so the reader
    // knows there are two; a lone chart may simply be "the chart".
    const name = q.visual.kind === "mixed" ? new RegExp(`\\b${kind} (graph|chart)|\\btable`) : null;
    if (!(name ?? VISUAL_NAMES[kind]).test(lead)) {
      problems.push(`the prompt does not name the ${kind} it shows`);
    }
  }
  if (q.keyFeatures.length < 3 || q.keyFeatures.length > 5) problems.push("needs 3-5 key features");
  // The overview drill offers the first key feature as an example of an overview, which
  // states the pattern without figures.
  if (/\d/.test(q.keyFeatures[0] ?? "")) problems.push("the first key feature quotes figures");
  q.keyFeatures.forEach((f, i) =>
    problems.push(...lengthProblem(`key feature ${i + 1}`, f, 6, 40)),
  );
  return problems;
}

function checkProcess(visual: ProcessVisual): string[] {
  const problems: string[] = [];
  const labels = visual.steps.map((s) => s.label);
  if (new Set(labels).size !== labels.length) problems.push("two process steps share a label");
  for (const step of visual.steps) {
    problems.push(...lengthProblem(`step "${step.label}"`, step.label, 1, 4));
    if (!step.detail) problems.push(`step "${step.label}" has no detail to report`);
    else problems.push(...lengthProblem(`the detail of "${step.label}"`, step.detail, 3, 16));
  }
  return problems;
}

const overlaps = (a: MapVisual["before"]["features"][number], b: typeof a) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function checkMap(visual: MapVisual): string[] {
  const problems: string[] = [];
  for (const state of [visual.before, visual.after]) {
    const labelled = state.features.filter((f) => f.label);
    if (labelled.length < 3) problems.push(`${state.label}: fewer than three labelled features`);
    const labels = labelled.map((f) => f.label);
    if (new Set(labels).size !== labels.length) problems.push(`${state.label}: repeated labels`);
    state.features.forEach((f, i) => {
      for (const g of state.features.slice(i + 1)) {
        if (overlaps(f, g)) problems.push(`${state.label}: "${f.label}" overlaps "${g.label}"`);
      }
    });
  }
  // Something must have changed, or there is nothing to compare.
  const placed = (s: MapVisual["before"]) =>
    new Set(s.features.map((f) => `${f.label}@${f.x},${f.y},${f.w},${f.h},${f.kind}`));
  const before = placed(visual.before);
  const after = placed(visual.after);
  if (before.size === after.size && [...before].every((f) => after.has(f))) {
    problems.push("the two maps are the same");
  }
  return problems;
}

/**
 * The data the report checks use: a chart's facts must fit their schema and name and number
 * something, and the key features (what a good overview says) must quote only figures the
 * chart shows and state no trend the data contradicts, or the checks would fault a student
 * for writing them. A process needs labelled steps and a map labelled, changed features,
 * since that is all a scorer is given of them.
 */
function checkVisualData(q: AcademicTask1Question): string[] {
  const visual: Visual = q.visual;
  if (visual.kind === "process") return checkProcess(visual);
  if (visual.kind === "map") return checkMap(visual);
  const facts = chartFacts(visual);
  const parsed = chartFactsSchema.safeParse(facts);
  if (!facts || !parsed.success) return ["its chart facts do not fit the report checks' schema"];
  const problems: string[] = [];
  if (facts.values.length === 0) problems.push("its chart facts have no values");
  if (facts.names.length === 0) problems.push("its chart facts name nothing to report");
  const report = checkChartData(facts, q.keyFeatures.join("\n"));
  if (report.unmatched.length > 0) {
    problems.push(
      `key features quote figures the chart does not show: ${report.unmatched.join(", ")}`,
    );
  }
  for (const sentence of report.contradicted) {
    problems.push(`a key feature states a trend the data contradicts: "${sentence}"`);
  }
  return problems;
}

const GREETINGS: Record<GeneralTask1Question["register"], RegExp> = {
  formal: /^Dear Sir or Madam,$/,
  "semi-formal": /^Dear (Mr|Mrs|Ms|Miss|Dr) [A-Z][a-z]+,$/,
  informal: /^Dear \.\.\.,$/,
};

function checkLetter(q: GeneralTask1Question): string[] {
  const problems = lengthProblem("the situation", q.situation, 8, 45);
  q.bullets.forEach((b, i) => {
    problems.push(...lengthProblem(`bullet ${i + 1}`, b, 2, 14));
    if (!/^[a-z]/.test(b)) problems.push(`bullet ${i + 1} must start with a lower-case verb`);
  });
  const paragraphs = q.prompt.split("\n\n");
  if (paragraphs[0] !== q.situation) problems.push("the prompt must open with the situation");
  if (!/^Write a letter to [^.]+\. In your letter$/.test(paragraphs[1] ?? "")) {
    problems.push('the prompt must say "Write a letter to ... In your letter"');
  }
  if (paragraphs[2] !== q.bullets.map((b) => `- ${b}`).join("\n")) {
    problems.push("the prompt must list the three bullets, in order");
  }
  if (paragraphs[3] !== "Write at least 150 words. You do NOT need to write any addresses.") {
    problems.push("the prompt must give the 150-word minimum and say no addresses are needed");
  }
  const greeting = paragraphs.at(-1) ?? "";
  if (paragraphs[4] !== "Begin your letter as follows:" || !GREETINGS[q.register].test(greeting)) {
    problems.push(`a ${q.register} letter cannot begin "${greeting}"`);
  }
  // A semi-formal letter goes to someone the writer knows by name: the same name both times.
  const name = /^Dear (.+),$/.exec(greeting)?.[1];
  if (q.register === "semi-formal" && name && !q.recipient.endsWith(name)) {
    problems.push(`the recipient "${q.recipient}" is not the "${name}" the letter greets`);
  }
  return problems;
}

/** Part 1 opens, as the examiner's frame does, with work or studies, or where the student lives. */
const PART1_OPENERS = /^(Work or studies|Your (home|hometown))$/;

function checkSpeaking(set: SpeakingSet): string[] {
  const problems: string[] = [];
  const question = (what: string, q: string) => {
    if (!q.endsWith("?")) problems.push(`${what} is not a question: "${q}"`);
    problems.push(...lengthProblem(what, q, 3, 22));
  };
  if (!PART1_OPENERS.test(set.part1[0]!.topic)) {
    problems.push(`Part 1 starts with "${set.part1[0]!.topic}", not work, studies or home`);
  }
  const topics = set.part1.map((t) => t.topic);
  if (new Set(topics).size !== topics.length) problems.push("Part 1 repeats a topic");
  set.part1.forEach((t) => t.questions.forEach((q) => question(`Part 1 "${t.topic}"`, q)));
  const card = set.part2.cueCard;
  problems.push(...lengthProblem("the cue card topic", card.topic, 4, 16));
  if (!/^Describe .+\.$/.test(card.topic)) problems.push('the cue card must be "Describe ... ."');
  for (const point of card.points)
    problems.push(...lengthProblem(`point "${point}"`, point, 2, 10));
  if (!/^and explain .+\.$/.test(card.finalPoint)) problems.push('the last point is "and explain"');
  set.part2.roundingOff.forEach((q) => question("a rounding-off question", q));
  set.part3.forEach((t) => t.questions.forEach((q) => question(`Part 3 "${t.theme}"`, q)));
  return problems;
}

function checkQuestion(q: Question): string[] {
  if (q.skill === "speaking") return checkSpeaking(q);
  if (q.task === 2) return checkTask2(q);
  if (q.module === "general") return checkLetter(q);
  return [...checkAcademicPrompt(q), ...checkVisualData(q)];
}

/** Every problem with the bank as a whole and with each question in it; empty when it is sound. */
export function checkBank(bank: readonly Question[]): string[] {
  return [
    ...checkCounts(bank),
    ...bank.flatMap((q) => checkQuestion(q).map((p) => `${q.id}: ${p}`)),
  ];
}
