export default function GeneralTraining() {
  return (
    <>
      <h2>General Training</h2>
      <h3>Reading (60 minutes, 40 questions)</h3>
      <p>
        Three sections built from everyday texts: notices, advertisements and timetables first, then
        workplace texts such as job descriptions and policies, then one longer general article. More
        correct answers are needed for the same band than in Academic Reading.
      </p>
      <h3>Writing Task 1 (about 20 minutes, at least 150 words)</h3>
      <p>
        A letter about an everyday situation, answering three bullet points. The tone depends on the
        reader: formal to a company or official, semi-formal to someone you know a little, informal
        to a friend. Say why you are writing early on.
      </p>
      <h3>Writing Task 2 (about 40 minutes, at least 250 words)</h3>
      <p>
        An essay on a topic of general interest, marked on the same four criteria as the Academic
        essay. Task 2 counts twice as much as Task 1.
      </p>
      <h3>Listening and Speaking</h3>
      <p>The same as for Academic: see the overview.</p>
    </>
  );
}
