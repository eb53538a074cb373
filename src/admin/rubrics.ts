import * as z from "zod";
import { DEFAULT_RUBRIC } from "../ai/prompt";
import { deleteRubricText, listRubricTexts, putRubricText } from "../data/rubrics";
import { assertAdmin, audit, type Actor, type Refusal } from "./actor";

/**
 * The rubric the cloud models score against, one criterion at a time: an admin may reword it
 * (to match a school's own marking guide) or put the default back. The criterion's code must
 * stay at the front, because the model's answer is keyed by it.
 */

const RUBRIC_IDS = Object.keys(DEFAULT_RUBRIC) as [string, ...string[]];

const RUBRIC_LABELS: Readonly<Record<string, string>> = {
  "writing.TA_academic": "Writing Task 1, Academic: Task Achievement",
  "writing.TA_general": "Writing Task 1, General Training: Task Achievement",
  "writing.TR": "Writing Task 2: Task Response",
  "writing.CC": "Writing: Coherence and Cohesion",
  "writing.LR": "Writing: Lexical Resource",
  "writing.GRA": "Writing: Grammatical Range and Accuracy",
  "speaking.FC": "Speaking: Fluency and Coherence",
  "speaking.LR": "Speaking: Lexical Resource",
  "speaking.GRA": "Speaking: Grammatical Range and Accuracy",
  "speaking.P": "Speaking: Pronunciation",
};

const MIN_CHARS = 40;
const MAX_CHARS = 800;

/** "writing.TA_general" -> "TA": the code the model's answer uses. */
const codeOf = (rubricId: string) => rubricId.split(".")[1]!.split("_")[0]!;

export const editRubricSchema = z
  .object({
    intent: z.enum(["save", "reset"], { error: "Choose Save or Put the default back." }),
    rubricId: z.enum(RUBRIC_IDS, { error: "There is no such criterion." }),
    text: z.string().trim().max(MAX_CHARS, `Keep it under ${MAX_CHARS} characters.`).default(""),
  })
  .superRefine((input, ctx) => {
    if (input.intent !== "save") return;
    const code = codeOf(input.rubricId);
    if (input.text.length < MIN_CHARS) {
      ctx.addIssue({
        code: "custom",
        path: ["text"],
        message: `Say what ${code} rewards in at least ${MIN_CHARS} characters.`,
      });
    } else if (!input.text.startsWith(`${code} (`)) {
      ctx.addIssue({
        code: "custom",
        path: ["text"],
        message: `Start with “${code} (” and the criterion's name, as the default does: the model's bands are keyed by ${code}.`,
      });
    }
  });

export interface RubricEntry {
  rubricId: string;
  label: string;
  text: string;
  defaultText: string;
  /** When an admin last changed it; null while it is the default. */
  updatedAt: string | null;
}

export async function listRubric(actor: Actor): Promise<RubricEntry[]> {
  assertAdmin(actor);
  const stored = new Map((await listRubricTexts()).map((r) => [r.rubricId, r]));
  return RUBRIC_IDS.map((rubricId) => ({
    rubricId,
    label: RUBRIC_LABELS[rubricId] ?? rubricId,
    text: stored.get(rubricId)?.text ?? DEFAULT_RUBRIC[rubricId]!,
    defaultText: DEFAULT_RUBRIC[rubricId]!,
    updatedAt: stored.get(rubricId)?.updatedAt ?? null,
  }));
}

export async function editRubric(
  actor: Actor,
  input: z.infer<typeof editRubricSchema>,
  now = new Date(),
): Promise<{ ok: true } | Refusal> {
  assertAdmin(actor);
  const before = (await listRubricTexts()).find((r) => r.rubricId === input.rubricId)?.text;
  const current = before ?? DEFAULT_RUBRIC[input.rubricId]!;
  if (input.intent === "reset") {
    if (before === undefined)
      return { ok: false, message: "This criterion already has the default wording." };
    await deleteRubricText(input.rubricId);
  } else {
    if (input.text === current)
      return { ok: false, message: "Nothing changed: the wording is the same." };
    await putRubricText({
      rubricId: input.rubricId,
      text: input.text,
      updatedAt: now.toISOString(),
    });
  }
  const after = input.intent === "reset" ? DEFAULT_RUBRIC[input.rubricId]! : input.text;
  await audit(
    actor,
    `rubric.${input.intent === "reset" ? "reset" : "edit"}`,
    `rubric#${input.rubricId}`,
    {
      before: { text: current },
      after: { text: after },
    },
    now,
  );
  return { ok: true };
}
