import * as z from "zod";

const wordTimingSchema = z
  .object({
    word: z.string(),
    /** Seconds from the start of the recording. */
    start: z.number().min(0),
    end: z.number().min(0),
    /** The speech recogniser's confidence in this word, 0-1. */
    confidence: z.number().min(0).max(1).optional(),
  })
  .refine((t) => t.end >= t.start, { error: "A word cannot end before it starts." });

export const speakingInputSchema = z.object({
  transcript: z.string(),
  part: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  timings: z.array(wordTimingSchema).optional(),
  /** A pronunciation score from an acoustic model, 0-1; the only direct evidence of P. */
  acoustic: z.object({ pronunciationConfidence: z.number().min(0).max(1) }).optional(),
});

export type WordTiming = z.infer<typeof wordTimingSchema>;
export type SpeakingInput = z.infer<typeof speakingInputSchema>;
