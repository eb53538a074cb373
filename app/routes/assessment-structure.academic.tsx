export default function Academic() {
  return (
    <>
      <h2>Academic</h2>
      <h3>Reading (60 minutes, 40 questions)</h3>
      <p>
        Three long texts from books, journals and magazines, about 2,150 to 2,750 words in all,
        written for a general reader but academic in tone. There is no extra time to copy answers.
      </p>
      <h3>Writing Task 1 (about 20 minutes, at least 150 words)</h3>
      <p>
        Describe a graph, table, chart, diagram, map or process in your own words: give an overview
        of the main trends or stages, then select and compare the key figures. You do not give
        opinions or reasons the data does not show.
      </p>
      <h3>Writing Task 2 (about 40 minutes, at least 250 words)</h3>
      <p>
        An essay that answers a question about an issue: give your opinion, discuss two views,
        explain problems and solutions, weigh advantages and disadvantages, or answer a two-part
        question. Task 2 counts twice as much as Task 1.
      </p>
      <h3>Listening and Speaking</h3>
      <p>The same as for General Training: see the overview.</p>
    </>
  );
}
