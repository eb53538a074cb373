import { listQuestions, pickNext } from "../content/bank";
import type { Assessment } from "../domain/assessment";
import type { AcademicTask1Question, Task2Question, Visual } from "../content/schema";
import { listUserAssessments } from "../data/assessments";
import type { DrillFeedback } from "../scoring/practice/feedback";
import {
  isGrammarError,
  isLinkingError,
  pastErrorItems,
  type MarkedText,
} from "../scoring/practice/errors";
import { checkIntroduction } from "../scoring/practice/introduction";
import { LINKING_ITEMS, checkLinking, type LinkingItem } from "../scoring/practice/linking";
import { checkOverview } from "../scoring/practice/overview";
import { GRAMMAR_ITEMS, checkRewrite, type RewriteItem } from "../scoring/practice/rewrite";
import { checkPart1 } from "../scoring/practice/speaking";

// Drills are checked here, in the HTTP Lambda, with light pure checks: nothing on this path may
// load the scoring worker's language libraries (harper.js, wink-nlp, dictionaries).

const DRILL_NAMES = ["overview", "introduction", "linking", "grammar", "speaking"] as const;
export type DrillName = (typeof DRILL_NAMES)[number];

export function parseDrill(value: string | undefined): DrillName | null {
  return DRILL_NAMES.find((d) => d === value) ?? null;
}

export interface DrillSummary {
  name: DrillName;
  title: string;
  blurb: string;
}

export const DRILL_MENU: readonly DrillSummary[] = [
  {
    name: "overview",
    title: "Task 1 overview sentence",
    blurb: "Look at a chart and write the one or two sentences that sum it up.",
  },
  {
    name: "introduction",
    title: "Task 2 introduction",
    blurb: "Paraphrase an essay question and state your position.",
  },
  {
    name: "linking",
    title: "Linking words",
    blurb: "Join ideas with the right linker and punctuation.",
  },
  {
    name: "grammar",
    title: "Grammar from your essays",
    blurb: "Correct sentences with the errors found in your own writing.",
  },
  {
    name: "speaking",
    title: "Speaking Part 1 question",
    blurb: "Type a short, natural answer to one examiner question.",
  },
];

/** Everything a drill page shows; plain data, so it crosses from loader to page as JSON. */
interface DrillView {
  drill: DrillName;
  title: string;
  instructions: string;
  itemId: string;
  nextItemId: string;
  /** Where the item came from: the student's own essays, or our built-in set. */
  source: "yours" | "built-in";
  /** The question, the sentences to join or the sentence to correct. */
  context: string[];
  visual?: Visual;
  answerLabel: string;
  /** Text the answer box starts with, for drills that edit given sentences. */
  starter: string;
  rows: number;
}

interface Item {
  id: string;
  view: Omit<DrillView, "drill" | "title" | "itemId" | "nextItemId">;
  check: (answer: string) => DrillFeedback;
}

/** An item written from a question in the bank, answered from an empty box. */
function fromQuestion(
  id: string,
  view: Omit<Item["view"], "source" | "starter">,
  check: Item["check"],
): Item {
  return { id, view: { ...view, source: "built-in", starter: "" }, check };
}

function overviewItem(q: AcademicTask1Question): Item {
  const instructions =
    "Write the overview for this visual: one or two sentences that give the main trends or features, without figures.";
  const context = [q.prompt.split("\n")[0]!];
  return fromQuestion(
    q.id,
    { instructions, context, visual: q.visual, answerLabel: "Your overview", rows: 4 },
    (answer) => checkOverview({ prompt: q.prompt, keyFeatures: q.keyFeatures }, answer),
  );
}

function introductionItem(q: Task2Question): Item {
  const instructions =
    "Write the introduction to this essay: paraphrase the question in your own words and say what your essay will argue.";
  const { prompt, type, keywords } = q;
  return fromQuestion(
    q.id,
    { instructions, context: prompt.split(/\n+/), answerLabel: "Your introduction", rows: 6 },
    (answer) => checkIntroduction({ prompt, type, keywords }, answer),
  );
}

function rewriteItem(item: RewriteItem, source: DrillView["source"], instructions: string): Item {
  return {
    id: item.id,
    view: {
      instructions,
      source,
      context: [item.sentence],
      answerLabel: "Your corrected sentence",
      starter: item.sentence,
      rows: 3,
    },
    check: (answer) => checkRewrite(item, answer),
  };
}

function linkingItem(item: LinkingItem): Item {
  return {
    id: item.id,
    view: {
      instructions:
        "Join these two sentences into one or two with a linking word or phrase that shows how the ideas connect.",
      source: "built-in",
      context: [item.first, item.second],
      answerLabel: "Your joined sentences",
      starter: `${item.first} ${item.second}`,
      rows: 3,
    },
    check: (answer) => checkLinking(item, answer),
  };
}

function speakingItems(): Item[] {
  return listQuestions({ skill: "speaking" }).flatMap((set) =>
    set.skill === "speaking"
      ? set.part1.flatMap((topic, t) =>
          topic.questions.map((question, i) => ({
            id: `${set.id}-${t}-${i}`,
            view: {
              instructions:
                "Answer as you would aloud in Part 1: answer directly, then add a reason or an example.",
              source: "built-in" as const,
              context: [`${topic.topic}: ${question}`],
              answerLabel: "Your answer",
              starter: "",
              rows: 4,
            },
            check: (answer: string) => checkPart1(question, answer),
          })),
        )
      : [],
  );
}

function pastErrors(history: readonly Assessment[], keep: Parameters<typeof pastErrorItems>[1]) {
  const texts: MarkedText[] = history.flatMap((a) =>
    a.status === "scored" && a.skill === "writing" && a.result
      ? [{ sourceId: a.assessmentId, text: a.submission.response, highlights: a.result.highlights }]
      : [],
  );
  return pastErrorItems(texts, keep);
}

/** The student's own marked sentences to rewrite, or, until they have some, the built-in items. */
function ownOr(own: readonly RewriteItem[], instructions: string, builtIn: Item[]): Item[] {
  return own.length > 0 ? own.map((e) => rewriteItem(e, "yours", instructions)) : builtIn;
}

function itemsFor(drill: DrillName, history: readonly Assessment[]): Item[] {
  switch (drill) {
    case "overview":
      return listQuestions({ skill: "writing", task: 1, module: "academic" }).flatMap((q) =>
        q.skill === "writing" && q.task === 1 && q.module === "academic" ? [overviewItem(q)] : [],
      );
    case "introduction":
      return listQuestions({ skill: "writing", task: 2 }).flatMap((q) =>
        q.skill === "writing" && q.task === 2 ? [introductionItem(q)] : [],
      );
    case "linking":
      return ownOr(
        pastErrors(history, isLinkingError),
        "This sentence from one of your essays was marked for how it links ideas. Rewrite it so the connection is clear.",
        LINKING_ITEMS.map(linkingItem),
      );
    case "grammar":
      return ownOr(
        pastErrors(history, isGrammarError),
        "This sentence from one of your essays has an error. Correct it and keep the rest.",
        GRAMMAR_ITEMS.map((e) =>
          rewriteItem(e, "built-in", "This sentence has one error. Correct it and keep the rest."),
        ),
      );
    case "speaking":
      return speakingItems();
  }
}

/**
 * The requested item, or, without one, a random item so that returning students see variety:
 * one whose question the student has not written on lately, by the rounds of `pickNext`, so a
 * drill does not hand back the essay question of the test just taken. Null when the id names
 * no item (an old link, or a past error that has left the history).
 */
async function findItem(drill: DrillName, userId: string, itemId: string | null) {
  const history = await listUserAssessments(userId);
  const items = itemsFor(drill, history);
  const seen = history
    .map((a) => a.questionId)
    .filter((id): id is string => id !== undefined)
    .reverse();
  const index =
    itemId === null
      ? items.indexOf(pickNext(items, seen)!)
      : items.findIndex((i) => i.id === itemId);
  const item = items[index];
  if (!item) return null;
  const title = DRILL_MENU.find((d) => d.name === drill)!.title;
  const next = items[(index + 1) % items.length]!;
  const view: DrillView = { drill, title, itemId: item.id, nextItemId: next.id, ...item.view };
  return { item, view };
}

export async function loadDrill(drill: DrillName, userId: string, itemId: string | null) {
  return (await findItem(drill, userId, itemId))?.view ?? null;
}

export async function checkDrill(drill: DrillName, userId: string, itemId: string, answer: string) {
  const found = await findItem(drill, userId, itemId);
  return found ? { view: found.view, feedback: found.item.check(answer) } : null;
}
