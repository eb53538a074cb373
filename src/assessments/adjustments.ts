import type { ListeningAdjustment } from "../domain/assessment";

// Its own module because the paper and the result page (browser code) show it: importing it
// from objective-paper.ts would bring the marking code into the browser bundle.

/** What a paper taken with an adjustment says about itself, on the paper and beside its band. */
export function adjustmentNote(adjustment: ListeningAdjustment): string {
  return adjustment === "transcript"
    ? "Taken by reading the transcripts instead of listening: the band shows how well you understand the conversations, not how you would do hearing them once in the exam."
    : "Taken with free playback (pause, rewind, replay): the band shows how well you understand the recordings, not how you would do hearing each once in the exam.";
}
