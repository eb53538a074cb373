/** Something a scorer did or was asked to do that an admin should be able to review. */
export type SafetyEvent = {
  kind: "prompt-injection" | "invalid-output" | "implausible-result" | "refused-output";
  detail: string;
  provider?: string;
};

/** What an admin reads for each kind; plain data, so the safety page can show it in the browser. */
export const SAFETY_KINDS: Record<SafetyEvent["kind"], string> = {
  "prompt-injection": "Prompt injection",
  "refused-output": "Guard refusal",
  "invalid-output": "Invalid output",
  "implausible-result": "Implausible result",
};
