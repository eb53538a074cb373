import arc from "@architect/functions";

export type ScoringEventName = "score-writing" | "score-speaking" | "explain-answers";

export type Publish = (name: ScoringEventName, payload: { assessmentId: string }) => Promise<void>;

/** SNS in AWS, Sandbox's event bus locally: @architect/functions resolves which. */
export const publishEvent: Publish = async (name, payload) => {
  await arc.events.publish({ name, payload });
};
