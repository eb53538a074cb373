import { TFNG_KEYS, YNNG_KEYS, canonicalVerdict } from "../question-schema";
import { CORRECT, answerText, keysOf, result, type Marker } from "./shared";

const VERDICT_MEANING: Record<string, Record<string, string>> = {
  "true-false-not-given": {
    TRUE: "the passage states this.",
    FALSE: "the passage says the opposite.",
    "NOT GIVEN": "the passage does not say whether this is true or false.",
  },
  "yes-no-not-given": {
    YES: "the writer's views or claims agree with this.",
    NO: "the writer's views or claims contradict this.",
    "NOT GIVEN": "the writer does not say what they think about this.",
  },
};

/** TRUE/FALSE/NOT GIVEN and YES/NO/NOT GIVEN. */
export const markJudgement: Marker = (question, answer) => {
  const given = answerText(answer);
  const key = canonicalVerdict(keysOf(question)[0]!) ?? "";
  const allowed = question.type === "true-false-not-given" ? TFNG_KEYS : YNNG_KEYS;
  const because = `The key is '${key}': ${question.explanation ?? VERDICT_MEANING[question.type]![key]}`;
  if (!given) return result(false, `No answer given. ${because}`, key);
  const verdict = canonicalVerdict(given);
  // T/F/NG and Y/N/NG are not interchangeable on the answer sheet: "YES" to a T/F/NG
  // statement is wrong even when the meaning matches.
  if (!verdict || !allowed.includes(verdict)) {
    const options = `${allowed.slice(0, 2).join(", ")} or ${allowed[2]}`;
    return result(false, `Write ${options}; '${given}' is not one of them. ${because}`, key);
  }
  return verdict === key ? result(true, CORRECT, key) : result(false, because, key);
};
