import { publishToArc } from "./arc";

export type ScoringEventName = "score-writing" | "score-speaking" | "explain-answers";

export type Publish = (name: ScoringEventName, payload: { assessmentId: string }) => Promise<void>;

/** SNS in AWS, Sandbox's event bus locally. */
export const publishEvent: Publish = async (name, payload) => {
  await publishToArc({ name, payload });
};
