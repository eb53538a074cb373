import { check, feedback, keptShare, sameWords, type DrillFeedback } from "./feedback";

/** A sentence with one known error, from the student's own essays or the built-in set. */
export interface RewriteItem {
  id: string;
  sentence: string;
  /** The words that were wrong, as they appear in `sentence`. */
  flagged: string;
  /** Why they were wrong. */
  message: string;
  suggestion?: string;
}

const MEANING_KEPT = 0.5;

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

/** Is `part` in `text` as whole words (so "the" is not found inside "there")? */
function containsWords(text: string, part: string): boolean {
  const escaped = normalise(part).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, "u").test(normalise(text));
}

/** The student rewrites the sentence; the error must be gone and the meaning kept. */
export function checkRewrite(item: RewriteItem, answer: string): DrillFeedback {
  return feedback(answer, () => {
    const checks = [
      check(
        "changed",
        !sameWords(answer, item.sentence),
        "Changes the sentence",
        `The sentence is unchanged, so the error is still there: ${item.message}`,
      ),
      check(
        "error-gone",
        !containsWords(answer, item.flagged),
        "Removes the error",
        `“${item.flagged}” is still in your sentence. ${item.message}`,
      ),
    ];
    if (item.suggestion) {
      checks.push(
        check(
          "correction",
          containsWords(answer, item.suggestion),
          "Uses the correct form",
          `Compare your version with the suggested correction: “${item.suggestion}”.`,
        ),
      );
    }
    checks.push(
      check(
        "meaning",
        keptShare(item.sentence, answer) >= MEANING_KEPT,
        "Keeps the meaning of the sentence",
        "Correct the error but keep the rest of the sentence: a different sentence does not show that you can fix this one.",
      ),
    );
    return checks;
  });
}

/** Original sentences with errors learners often make, used until a student has their own. */
export const GRAMMAR_ITEMS: readonly RewriteItem[] = [
  {
    id: "number-of",
    sentence: "The number of students at the college have increased since 2015.",
    flagged: "have increased",
    message: "The subject is “the number”, which is singular, so the verb is singular too.",
    suggestion: "has increased",
  },
  {
    id: "informations",
    sentence: "The website gives many useful informations about local buses.",
    flagged: "many useful informations",
    message: "“Information” is uncountable: it has no plural and takes “much” or “a lot of”.",
    suggestion: "a lot of useful information",
  },
  {
    id: "since-tense",
    sentence: "She lives in this city since 2018.",
    flagged: "lives",
    message:
      "With “since” and a point in time, use the present perfect for a state that continues.",
    suggestion: "has lived",
  },
  {
    id: "article-environment",
    sentence: "Governments should do more to protect environment.",
    flagged: "protect environment",
    message: "“The environment” meaning the natural world takes “the”.",
    suggestion: "protect the environment",
  },
  {
    id: "despite-of",
    sentence: "Despite of the high cost, many families travel abroad every year.",
    flagged: "despite of",
    message: "“Despite” takes no “of”; “in spite of” does.",
    suggestion: "despite the high cost",
  },
  {
    id: "people-is",
    sentence: "Nowadays people is more aware of healthy eating than before.",
    flagged: "people is",
    message: "“People” is plural, so the verb is “are”.",
    suggestion: "people are",
  },
];
