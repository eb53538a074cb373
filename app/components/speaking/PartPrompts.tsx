import type { SpeakingSet } from "../../../src/content/schema";
import type { SpeakingPart } from "../../../src/assessments/speaking-fields";

type Prompts = Pick<SpeakingSet, "part1" | "part2" | "part3">;

/** What the examiner asks in one part, as the test sets it out: topics, the cue card, themes. */
export function PartPrompts({ part, set }: { part: SpeakingPart; set: Prompts }) {
  if (part === 2) {
    const { cueCard, roundingOff } = set.part2;
    return (
      <>
        <div className="cue-card">
          <p className="cue-card-topic">{cueCard.topic}</p>
          <p>You should say:</p>
          <ul>
            {cueCard.points.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
          <p>{cueCard.finalPoint}</p>
        </div>
        <p>Then the examiner may ask:</p>
        <ul>
          {roundingOff.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ul>
      </>
    );
  }
  const groups =
    part === 1
      ? set.part1.map(({ topic, questions }) => ({ heading: topic, questions }))
      : set.part3.map(({ theme, questions }) => ({ heading: theme, questions }));
  return groups.map(({ heading, questions }) => (
    <div key={heading}>
      <h3>{heading}</h3>
      <ul>
        {questions.map((q) => (
          <li key={q}>{q}</li>
        ))}
      </ul>
    </div>
  ));
}
