import { sweepStuck } from "../../assessments/queue";
import { publishEvent } from "../../data/events";

export const handler = async (): Promise<void> => {
  const report = await sweepStuck(publishEvent);
  if (report.republished.length || report.gaveUp.length) console.log("sweeper", report);
};
