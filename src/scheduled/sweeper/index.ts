// Declared now so the schedule exists in the template; re-publishing stuck assessments lands
// with issue 4.
export const handler = async (): Promise<void> => {
  console.log("sweeper ran");
};
