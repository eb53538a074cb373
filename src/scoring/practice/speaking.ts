import { copiedWords } from "../writing/task";
import { check, feedback, keptShare, type DrillFeedback } from "./feedback";

const MIN_WORDS = 15;
const MAX_WORDS = 80;
const COPIED_LIMIT = 0.5;

const EXTENSION =
  /\b(because|since|as|so|for example|for instance|especially|particularly|such as|when|which|that's why|that is why|like|although|but)\b/i;
const PERSONAL = /\b(i|i'm|i’m|i've|i’ve|my|me|we|our|us)\b/i;

/** A typed Speaking Part 1 answer: direct, extended with a reason or example, about oneself. */
export function checkPart1(question: string, answer: string): DrillFeedback {
  return feedback(answer, () => {
    const { copied, total } = copiedWords(question, answer);
    if (copied / total > COPIED_LIMIT) {
      return [
        check(
          "own-words",
          false,
          "Answers in your own words",
          "This mostly repeats the question. Answer it directly instead, e.g. start with what you do or think, then say why.",
        ),
      ];
    }
    return [
      check(
        "relevant",
        keptShare(question, answer) > 0,
        "Answers the question that was asked",
        `Your answer does not pick up the question’s topic. Answer it directly in your first sentence: “${question}”`,
      ),
      check(
        "extended",
        EXTENSION.test(answer),
        "Adds a reason or an example",
        "Extend your answer with a reason or an example: “… because …”, “For example, …”, “especially when …”.",
      ),
      check(
        "personal",
        PERSONAL.test(answer),
        "Talks about your own life",
        "Part 1 is about you: answer from your own experience with “I” and “my”, not about people in general.",
      ),
      check(
        "length",
        total >= MIN_WORDS && total <= MAX_WORDS,
        "Two or three sentences long",
        total < MIN_WORDS
          ? `At ${total} words this is too short: a one-line answer sounds unsure. Aim for 20 to 50 words (about 15 seconds of speech).`
          : `At ${total} words this is long for Part 1; keep to two or three sentences and save detail for Part 2.`,
      ),
    ];
  });
}
