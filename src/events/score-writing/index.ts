import { scoringEventHandler } from "../scoring-handler";

export const handler = scoringEventHandler("score-writing");
