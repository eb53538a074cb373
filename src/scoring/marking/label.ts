import type { Question } from "../question-schema";
import { normaliseText } from "./answer-text";
import {
  CORRECT,
  answerText,
  keysOf,
  normaliseLabel,
  result,
  withExplanation,
  type Marker,
} from "./shared";

/** A label, or the full text of an option, resolved to the option's label. */
function resolveLabel(question: Question, given: string): string {
  const label = normaliseLabel(given);
  const byText = question.options?.find((o) => normaliseText(o.text) === normaliseText(given));
  return byText ? normaliseLabel(byText.label) : label;
}

function describeOption(question: Question, key: string): string {
  const option = question.options?.find((o) => normaliseLabel(o.label) === normaliseLabel(key));
  return option && option.text ? `'${key}' (${option.text})` : `'${key}'`;
}

/** Multiple choice with one key, and every matching type: one label per question. */
export const markLabel: Marker = (question, answer) => {
  const given = answerText(answer);
  const key = keysOf(question)[0]!;
  const expected = key.trim();
  if (!given) {
    return result(false, `No answer given. The key is ${describeOption(question, key)}.`, expected);
  }
  if (resolveLabel(question, given) === normaliseLabel(key)) return result(true, CORRECT, expected);
  return result(
    false,
    withExplanation(`The key is ${describeOption(question, key)}.`, question),
    expected,
  );
};
