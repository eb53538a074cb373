import {
  ASSESSMENT_STATUSES,
  type Assessment,
  type MockAssessment,
  type ObjectiveAssessment,
  type ScoredAssessment,
  type Submission,
} from "../domain/assessment";
import { moduleFrom, type Skill } from "../domain/module";

type Item = Record<string, unknown>;

/** The optional fields each kind of assessment keeps; anything else on the item is dropped. */
const COMMON = [
  "questionId",
  "startedAt",
  "deadlineAt",
  "submittedAt",
  "late",
  "discardedAt",
] as const satisfies readonly (keyof Assessment)[];
const SCORED = [
  "result",
  "attempts",
  "failureReason",
  "mockId",
  "billing",
  "history",
  "rescoreProvider",
] as const satisfies readonly (keyof ScoredAssessment)[];
const OBJECTIVE = [
  "answers",
  "marking",
  "explanations",
  "explainedBy",
  "explainFailure",
] as const satisfies readonly (keyof ObjectiveAssessment)[];
const MOCK = ["mockChildren", "mockBands"] as const satisfies readonly (keyof MockAssessment)[];

/** The item's attributes named by `keys` that are present: absent ones stay absent, not undefined. */
function present<T>(item: Item, keys: readonly (keyof T & string)[]): Partial<T> {
  return Object.fromEntries(
    keys.filter((key) => item[key] !== undefined).map((key) => [key, item[key]]),
  ) as Partial<T>;
}

const SUBMISSION_KIND = {
  writing: "writing",
  speaking: "speaking",
  reading: "objective",
  listening: "objective",
  mock: "mock",
} as const satisfies Record<Skill, Submission["kind"]>;

/**
 * The item as the domain type, field by field and by skill: attributes this version does not
 * know, or that belong to another skill (left by an older or newer deploy), are dropped rather
 * than passed on as if they were typed. A skill and submission that disagree are corrupt
 * storage, not something to guess at.
 */
export function toAssessment(item: Item): Assessment {
  const skill = String(item.skill);
  const status = ASSESSMENT_STATUSES.find((known) => known === item.status);
  const submission = item.submission as Submission | undefined;
  if (
    !status ||
    !(skill in SUBMISSION_KIND) ||
    submission?.kind !== SUBMISSION_KIND[skill as Skill]
  ) {
    throw new Error(
      `assessments item ${String(item.assessmentId)}: status "${String(item.status)}", skill "${skill}" with a ${String(submission?.kind)} submission`,
    );
  }
  const base = {
    assessmentId: String(item.assessmentId),
    userId: String(item.userId),
    module: moduleFrom(item.module),
    status,
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
    publishCount: Number(item.publishCount ?? 0),
    ...present<Assessment>(item, COMMON),
  };
  switch (submission.kind) {
    case "writing":
      return { ...base, ...present<ScoredAssessment>(item, SCORED), skill: "writing", submission };
    case "speaking":
      return { ...base, ...present<ScoredAssessment>(item, SCORED), skill: "speaking", submission };
    case "objective":
      return {
        ...base,
        ...present<ObjectiveAssessment>(item, OBJECTIVE),
        skill: skill as ObjectiveAssessment["skill"],
        submission,
      };
    case "mock":
      return { ...base, ...present<MockAssessment>(item, MOCK), skill: "mock", submission };
  }
}
