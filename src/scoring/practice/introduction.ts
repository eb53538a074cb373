import { copiedWords } from "../writing/task";
import {
  check,
  feedback,
  keptShare,
  sentenceCount,
  type Check,
  type DrillFeedback,
} from "./feedback";

type EssayType =
  "opinion" | "discussion" | "problem-solution" | "advantages-disadvantages" | "two-part";

export interface IntroductionTask {
  prompt: string;
  type: EssayType;
  keywords: readonly string[];
}

const COPIED_LIMIT = 0.5;
const MIN_WORDS = 35;
const MAX_WORDS = 90;

const POSITION =
  /\b(i (strongly |completely |fully |partly |partially |largely |firmly |would )?(agree|disagree|believe|think|feel|argue|support|oppose)|in my (view|opinion)|my (view|opinion|position) is|from my (perspective|point of view)|this essay (will )?(argue|argues|contend|maintain)|(is|are|would be) (a )?(positive|negative|beneficial|harmful)|(outweigh|outweighs|outweighed)|personally)\b/i;
const BOTH_VIEWS =
  /\b(both (views|sides|opinions|arguments|positions)|some (people )?(argue|believe|think|feel|say)|others|on the one hand|whereas|while some)\b/i;
const CAUSES = /\b(cause|causes|reason|reasons|why|because|due to|result of|stems? from|factor)/i;
const SOLUTIONS =
  /\b(solution|solutions|solve|measure|measures|tackle|address|reduce|prevent|steps|ways? to|could|should)\b/i;
const PROS = /\b(advantage|benefit|positive|merit|pro|upside|gain)/i;
const CONS = /\b(disadvantage|drawback|negative|downside|risk|cost|problem|harm)/i;

/** What this question asks the introduction to show beyond the topic. */
function partsChecks(task: IntroductionTask, answer: string): Check[] {
  const asksView =
    task.type === "opinion" ||
    task.type === "discussion" ||
    /\boutweigh|positive or (a )?negative|do you (think|agree)\b/i.test(task.prompt);
  const checks: Check[] = [];
  if (asksView) {
    checks.push(
      check(
        "position",
        POSITION.test(answer),
        "States your position",
        "This question asks for your view: state it in the introduction, for example “I largely agree that…” or “This essay will argue that…”, and keep to it to the end.",
      ),
    );
  }
  if (task.type === "discussion") {
    checks.push(
      check(
        "both-views",
        BOTH_VIEWS.test(answer),
        "Shows that the essay covers both views",
        "Mention both sides before your view, for example “While some argue that…, others believe that…”.",
      ),
    );
  }
  if (task.type === "problem-solution" || /\bwhy\b|reasons?|causes?/i.test(task.prompt)) {
    checks.push(
      check(
        "causes",
        CAUSES.test(answer),
        "Says the essay will explain why",
        "The question asks why: say that you will give the reasons or causes, for example “This essay will examine why…”.",
      ),
    );
  }
  if (task.type === "problem-solution") {
    checks.push(
      check(
        "solutions",
        SOLUTIONS.test(answer),
        "Says the essay will suggest solutions",
        "The question also asks what can be done: say that you will propose measures, for example “…and suggest how it could be reduced”.",
      ),
    );
  }
  if (task.type === "advantages-disadvantages" && !/\boutweigh/i.test(task.prompt)) {
    checks.push(
      check(
        "both-sides",
        PROS.test(answer) && CONS.test(answer),
        "Mentions both advantages and disadvantages",
        "This question asks for both sides: say that the essay will discuss the benefits and the drawbacks.",
      ),
    );
  }
  return checks;
}

/** A Task 2 introduction: the question in the student's own words, plus what the essay will do. */
export function checkIntroduction(task: IntroductionTask, answer: string): DrillFeedback {
  return feedback(answer, () => {
    const { copied, total } = copiedWords(task.prompt, answer);
    const ownWords = check(
      "paraphrase",
      copied === 0,
      "Paraphrases the question instead of copying it",
      copied / total > COPIED_LIMIT
        ? "Most of this is copied from the question, and copied words do not count. Say the same idea with synonyms and a different sentence structure."
        : `${copied} of your ${total} words repeat the question word for word (runs of four or more). Rephrase those parts: change the word order and use synonyms.`,
    );
    if (copied / total > COPIED_LIMIT) return [ownWords];
    const topical = task.keywords.some((k) => keptShare(k, answer) >= 0.5);
    const sentences = sentenceCount(answer);
    return [
      ownWords,
      check(
        "topic",
        topical,
        "Names the topic of the question",
        `Make the topic clear in the first sentence: this question is about ${task.keywords.slice(0, 2).join(" and ")}.`,
      ),
      ...partsChecks(task, answer),
      check(
        "length",
        total >= MIN_WORDS && total <= MAX_WORDS && sentences >= 2,
        "Two or three sentences, 40 to 80 words",
        total < MIN_WORDS || sentences < 2
          ? "Write at least two sentences: one that paraphrases the question and one that gives your answer or plan."
          : `At ${total} words this is too long for an introduction; move the arguments to the body paragraphs.`,
      ),
    ];
  });
}
