/** Why a student reports feedback; plain data, so the page can list it without the schema. */
export const REPORT_REASONS = {
  wrong: "The band or a correction is wrong",
  unclear: "The feedback is unclear",
  harmful: "The feedback is offensive or unsafe",
  other: "Something else",
} as const;
