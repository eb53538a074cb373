import { afterEach, describe, expect, it, vi } from "vitest";
import * as essays from "../writing/fixtures/essays";
import { scoreWriting } from "../writing";
import { analyseLanguage } from "./index";
import type * as learnerErrors from "./learner-errors";
import { findLearnerErrors } from "./learner-errors";
import { parseText } from "./nlp";
import { isKnownWord, loadDictionaries } from "./spelling";
import type { AnalysisMode } from "./types";

async function findIn(text: string, mode: AnalysisMode) {
  const dicts = await loadDictionaries();
  return findLearnerErrors(await parseText(text), mode, (w) => isKnownWord(dicts, w));
}

async function detect(text: string, mode: AnalysisMode = "writing") {
  const issues = await findIn(text, mode);
  return issues.map((i) => ({
    text: text.slice(i.start, i.end),
    suggestion: i.suggestion,
    rule: i.rule,
  }));
}

describe("findLearnerErrors", () => {
  it.each([
    ["People is happy.", "is", "are", "subject-verb-agreement"],
    ["I think he have a car.", "have", "has", "subject-verb-agreement"],
    ["They has two cars.", "has", "have", "subject-verb-agreement"],
    ["She don't know.", "do", "does", "subject-verb-agreement"],
    ["In the city there is many problems.", "is", "are", "subject-verb-agreement"],
    ["I is tired.", "is", "am", "subject-verb-agreement"],
    ["He go to school.", "go", "goes", "subject-verb-agreement"],
    ["We likes football.", "likes", "like", "subject-verb-agreement"],
    ["This problems are serious.", "This problems", "These problems", "determiner-number"],
    ["I like these book.", "these book", "this book", "determiner-number"],
    ["They gave me many informations.", "informations", "information", "uncountable-plural"],
    ["His advices were useful.", "advices", "advice", "uncountable-plural"],
    ["Students need knowledges.", "knowledges", "knowledge", "uncountable-plural"],
    ["The gym bought new equipments.", "equipments", "equipment", "uncountable-plural"],
    ["Many researches show this.", "researches", "research", "uncountable-plural"],
    ["We got feedbacks.", "feedbacks", "feedback", "uncountable-plural"],
    ["Cars are more better than buses.", "more better", "better", "double-comparative"],
    ["Life is more easier now.", "more easier", "easier", "double-comparative"],
    ["You can to go home.", "to go", "go", "modal-verb-form"],
    ["She should goes home.", "goes", "go", "modal-verb-form"],
    ["We must went there.", "went", "go", "modal-verb-form"],
    ["Despite of the rain, we left.", "Despite of", "Despite", "fixed-phrase"],
    ["We will discuss about this issue.", "discuss about", "discuss", "fixed-phrase"],
    ["In the other hand, cars pollute.", "In", "On", "fixed-phrase"],
    ["According to me, cars pollute.", "According to me", "In my view", "fixed-phrase"],
    ["Yesterday i went home.", "i", "I", "lowercase-i"],
    ["Doctor give them medicine.", "give", "gives", "subject-verb-agreement"],
    ["My grandfather have heart problems.", "have", "has", "subject-verb-agreement"],
    ["The technology make life easier.", "make", "makes", "subject-verb-agreement"],
    ["This problem affect everyone.", "affect", "affects", "subject-verb-agreement"],
    ["Every child deserve a good education.", "deserve", "deserves", "subject-verb-agreement"],
    ["The city do not have parks.", "do", "does", "subject-verb-agreement"],
    ["It on new technology.", "It on new technology", undefined, "no-verb"],
    ["For example, in Japan.", "For example, in Japan", undefined, "no-verb"],
    [
      "In conclusion, a difficult question.",
      "In conclusion, a difficult question",
      undefined,
      "no-verb",
    ],
  ])("%s", async (sentence, wrong, suggestion, rule) => {
    expect(await detect(sentence)).toEqual([{ text: wrong, suggestion, rule: `learner/${rule}` }]);
  });

  it("gives spans as UTF-16 offsets into the original text", async () => {
    const text = "🙂 Café owners 🙂 are busy, and people is tired.";
    const [issue] = await findIn(text, "writing");
    expect(issue && text.slice(issue.start, issue.end)).toBe("is");
    expect(issue?.kind).toBe("grammar");
    expect(issue?.source).toBe("learner");
  });

  it("skips capitalisation in speech mode", async () => {
    expect(await detect("Yesterday i went home.", "speech")).toEqual([]);
    expect(await detect("people is happy", "speech")).toHaveLength(1);
  });

  it.each([
    "The people are kind.",
    "He has a car.",
    "There are many reasons.",
    "This problem is serious.",
    "On the other hand, cars are cheap.",
    "Information is power.",
    "She can go.",
    "The number of people is rising.",
    "One of the students is here.",
    "What worries parents is the cost.",
    "What I want to tell you is simple.",
    "Let it go.",
    "It cost a lot last year.",
    "If he were rich, he would help.",
    "Does he have a car?",
    "You and he have the same car.",
    "The news is good.",
    "Physics is hard.",
    "This means that cities grow.",
    "This results in pollution.",
    "This works.",
    "These include schools and parks.",
    "Those who work hard succeed.",
    "These kinds of jobs are rare.",
    "These data are clear.",
    "This sports centre is new.",
    "More older people live alone.",
    "The most important thing is health.",
    "He researches climate change.",
    "We discuss the problem.",
    "In spite of this, we continue.",
    "According to the report, crime fell.",
    "The will to live is strong.",
    "There is a lot of traffic.",
    "They must have gone.",
    "He used to live here.",
    "He need not worry.",
    "Everyone has a phone.",
    "I am here, i.e. at home.",
    "The government have decided.",
    "My family live abroad.",
    "The team are training.",
    "I suggest that the government provide more money.",
    "Many poeple are happy.",
    "The popularity of parties, however, causes some tension.",
    "Two reasons:\n1. Lack of time;\n2. Lack of money.",
    "Given are two figures.",
    "They fear these will destroy the balance.",
    "The floor underexperienced a change.",
    "Salt, sugar and fat are bad for you.",
    "Others believe that cars pollute.",
    "Its layout and weight tend to be lighter.",
    "It is vital that every child have a place.",
    "Let the child play outside.",
    "It makes the economy grow.",
    "The school bus stops here.",
    "Each student must bring a pen.",
    "The car park is full.",
    "The price cut helped sales.",
    "Thank you for your letter.",
    "People work hard.",
    "Governments fund schools.",
    "Prices rise every year.",
    "Students study abroad.",
    "Dear Sir or Madam,",
    "Yours faithfully, Ana Lima.",
    "Best wishes, Tom.",
    "Why not?",
    "Good luck!",
    "Not at all.",
  ])("finds nothing in %s", async (sentence) => {
    expect(await detect(sentence)).toEqual([]);
  });
});

describe("analyseLanguage with learner errors", () => {
  it("adds learner errors to harper's issues in writing and speech mode", async () => {
    for (const mode of ["writing", "speech"] as const) {
      const text = "Most people is busy, so they has little time and this problems grow.";
      const a = await analyseLanguage(text, { mode });
      const learner = a.issues.filter((i) => i.source === "learner");
      expect(learner.map((i) => text.slice(i.start, i.end))).toEqual(["is", "this problems"]);
      expect(learner.every((i) => i.kind === "grammar")).toBe(true);
      // harper marks "they has" itself; the learner detector's finding is dropped as a duplicate.
      expect(a.issues.filter((i) => text.slice(i.start, i.end) === "has")).toHaveLength(1);
    }
  });

  it("does not repeat an error harper already marks", async () => {
    const a = await analyseLanguage(essays.WEAK_ESSAY, { mode: "writing" });
    const harper = a.issues.filter((i) => i.source === undefined);
    for (const l of a.issues.filter((i) => i.source === "learner")) {
      expect(harper.some((h) => h.kind !== "style" && h.start < l.end && l.start < h.end)).toBe(
        false,
      );
    }
  });
});

describe("the writing model ignores learner errors", () => {
  const cases = [
    ["good essay", 2, "academic", essays.REMOTE_WORK_PROMPT, essays.GOOD_ESSAY],
    ["weak essay", 2, "academic", essays.REMOTE_WORK_PROMPT, essays.WEAK_ESSAY],
    ["French text", 2, "academic", essays.REMOTE_WORK_PROMPT, essays.FRENCH_TEXT],
    ["chart with overview", 1, "academic", essays.CHART_PROMPT, essays.CHART_WITH_OVERVIEW],
    ["chart without overview", 1, "academic", essays.CHART_PROMPT, essays.CHART_WITHOUT_OVERVIEW],
    ["letter", 1, "general", essays.LETTER_PROMPT, essays.LETTER],
    ["letter without format", 1, "general", essays.LETTER_PROMPT, essays.LETTER_WITHOUT_FORMAT],
  ] as const;

  afterEach(() => {
    vi.doUnmock("./learner-errors");
    vi.resetModules();
  });

  it("gives the same overall band with the learner-error detectors switched off", async () => {
    const withDetectors = await Promise.all(
      cases.map(([, task, module, prompt, response]) =>
        scoreWriting({ task, module, prompt, response }),
      ),
    );
    vi.resetModules();
    vi.doMock("./learner-errors", async (importOriginal) => ({
      ...(await importOriginal<typeof learnerErrors>()),
      findLearnerErrors: () => [],
    }));
    const { scoreWriting: withoutDetectors } = await import("../writing");
    for (const [k, [name, task, module, prompt, response]] of cases.entries()) {
      const off = await withoutDetectors({ task, module, prompt, response });
      const on = withDetectors[k]!;
      expect(off.errors.length, name).toBeLessThanOrEqual(on.errors.length);
      // The model never counts them; the split into criteria does (GRA moves with them).
      expect({ name, overall: on.overall }).toEqual({ name, overall: off.overall });
      expect(on.criteria.GRA as number, name).toBeLessThanOrEqual(off.criteria.GRA as number);
    }
    // The switch is real: the weak essay loses its learner-error highlights without detectors.
    const weakOff = await withoutDetectors({
      task: 2,
      module: "academic",
      prompt: essays.REMOTE_WORK_PROMPT,
      response: essays.WEAK_ESSAY,
    });
    expect(weakOff.errors.length).toBeLessThan(withDetectors[1]!.errors.length);
  });

  it("marks learner errors in the result without counting them as features", async () => {
    const input = {
      task: 2,
      module: "academic",
      prompt: essays.REMOTE_WORK_PROMPT,
      response: essays.WEAK_ESSAY,
    } as const;
    const [score, analysis] = await Promise.all([
      scoreWriting(input),
      analyseLanguage(essays.WEAK_ESSAY, { mode: "writing" }),
    ]);
    const harperGrammar = analysis.issues.filter((i) => i.kind === "grammar" && !i.source).length;
    const learner = analysis.issues.filter((i) => i.source === "learner").length;
    expect(learner).toBeGreaterThan(0);
    expect(score.errors).toHaveLength(analysis.issues.length);
    expect(score.errors.some((e) => "source" in e)).toBe(false);
    expect(score.features.grammarPer100).toBeCloseTo(
      (harperGrammar / analysis.wordCount) * 100,
      10,
    );
  });
});
