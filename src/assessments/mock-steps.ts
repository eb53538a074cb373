// Apart from mock.ts so the pages' browser code can list the steps without the data layer.

/** The full test in the order and with the timings of the real one. */
export const MOCK_STEPS = [
  { step: "listening", name: "Listening", minutes: "about 30 minutes, then 2 to check" },
  { step: "reading", name: "Reading", minutes: "60 minutes" },
  { step: "writing1", name: "Writing Task 1", minutes: "20 minutes" },
  { step: "writing2", name: "Writing Task 2", minutes: "40 minutes" },
  { step: "speaking", name: "Speaking", minutes: "11 to 14 minutes" },
] as const;
export type MockStep = (typeof MOCK_STEPS)[number]["step"];
