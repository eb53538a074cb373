export const CRITERION_NAMES: Record<string, string> = {
  TA: "Task Achievement",
  TR: "Task Response",
  CC: "Coherence and Cohesion",
  LR: "Lexical Resource",
  GRA: "Grammatical Range and Accuracy",
  FC: "Fluency and Coherence",
  P: "Pronunciation",
};

/** What each scorer flag means for the student, in plain words. */
export const FLAG_TEXT: Record<string, string> = {
  "too-short-band-1": "The answer has 20 words or fewer, which is band 1 on every criterion.",
  "not-english": "Most of this is not English, so it cannot be scored as an English answer.",
  "word-salad": "The words do not form sentences that carry meaning.",
  "copied-prompt": "Much of the answer repeats the question; copied words do not count.",
  "off-topic": "The answer does not address this question, so Task Response is capped.",
  "under-length": "The answer is shorter than the minimum, which lowers the task score.",
  "no-overview":
    "There is no overview of the main trends, which Task 1 needs for band 6 and above.",
  "no-data":
    "The report quotes no figures from the chart; without data to support it, Task Achievement stays at band 5 or below.",
  "misread-trends":
    "Some statements say a series rose where the chart shows it fell, or the reverse; misreported key features hold Task Achievement down.",
  "letter-format": "The letter lacks a greeting or a sign-off suited to the reader.",
  "unclear-purpose": "The letter does not say early and clearly why you are writing.",
  "mixed-spelling": "British and American spellings are mixed; choose one and keep to it.",
  "mechanical-linking": "Linking words start too many sentences in a mechanical way.",
  "prompt-injection":
    "Instructions to the marker were found in the answer; they were ignored and marked as writing.",
  "too-short": "The answer is too short to show your level.",
  "no-speech": "No speech was found in this answer.",
  "short-long-turn": "The Part 2 talk is much shorter than the two minutes it should fill.",
  "no-timings": "Without a recording, speed and pauses could not be measured.",
  "low-confidence": "The scorer was unsure of this result.",
};

export const PROVIDER_TEXT: Record<string, string> = {
  bedrock: "Amazon Bedrock",
  gemini: "Google Gemini",
  local: "our offline scorer",
};
