// Declared now so app.arc, Sandbox and the deploy template carry the event; the scoring
// pipeline itself (load, queued -> scoring, provider chain, save) lands with issue 4.
export const handler = async (event: { Records?: unknown[] }): Promise<void> => {
  console.log("score-writing received", event.Records?.length ?? 0, "record(s)");
};
