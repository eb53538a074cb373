/** Something a scorer did or was asked to do that an admin should be able to review. */
export type SafetyEvent = {
  kind: "prompt-injection" | "invalid-output" | "implausible-result" | "refused-output";
  detail: string;
  provider?: string;
};
