import type { ScoringResult } from "../../../src/domain/result";
import { CRITERION_NAMES, FLAG_TEXT, PROVIDER_TEXT } from "./labels";
import { HighlightedText } from "./HighlightedText";
import { reliabilityText } from "./reliability";

function nextHalf(band: number): number {
  return Math.min(9, band + 0.5);
}

/**
 * Below band 3 the answer shows too little to rate (too short, not English, copied, no speech):
 * the way up is a full answer, not half a band on one criterion.
 */
const FULL_ANSWER_BELOW = 3;

/** The criterion that holds the overall band down: the lowest, the first in rubric order on ties. */
function weakestCriterion(criteria: Record<string, number>): string | undefined {
  return Object.entries(criteria).reduce<[string, number] | undefined>(
    (low, entry) => (low === undefined || entry[1] < low[1] ? entry : low),
    undefined,
  )?.[0];
}

export function ScoreReport(props: {
  result: ScoringResult;
  text: string;
  question: readonly string[];
  speaking: boolean;
  /** Cloud scorers configured here that failed, so the offline scorer gave the bands. */
  fellBackFrom: readonly string[];
}) {
  const { result, text } = props;
  const weakest = weakestCriterion(result.criteria);
  const advice = result.feedback.points.filter((p) => p.kind === "improve");
  const strengths = result.feedback.points.filter((p) => p.kind === "strength");
  const weakestBand = weakest ? (result.criteria[weakest] ?? 0) : 0;
  return (
    <>
      {props.question.length ? (
        <section aria-labelledby="question">
          <h2 id="question">The question</h2>
          {props.question.map((line, i) => (
            <p key={i} className="question-text">
              {line}
            </p>
          ))}
        </section>
      ) : null}
      <section className="band-summary" aria-label="Bands">
        <p className="overall">
          Overall band <strong>{result.overall.toFixed(1)}</strong>
        </p>
        <table className="criteria">
          <caption>Band for each criterion</caption>
          <tbody>
            {Object.entries(result.criteria).map(([key, band]) => (
              <tr key={key} className={key === weakest ? "weakest" : undefined}>
                <th scope="row">{CRITERION_NAMES[key] ?? key}</th>
                <td>{band.toFixed(1)}</td>
              </tr>
            ))}
            {props.speaking && result.criteria.P === undefined ? (
              <tr>
                <th scope="row">{CRITERION_NAMES.P}</th>
                <td>Not assessed: it needs a recording</td>
              </tr>
            ) : null}
          </tbody>
        </table>
        <p>{result.feedback.summary}</p>
      </section>

      <section aria-labelledby="how-sure">
        <h2 id="how-sure">How sure is this band?</h2>
        {reliabilityText(result, props.speaking).map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </section>

      {weakest ? (
        <section aria-labelledby="next-band">
          <h2 id="next-band">What holds your band down</h2>
          {weakestBand < FULL_ANSWER_BELOW ? (
            <p>
              The answer shows too little to rate each criterion. The first step is a full answer to
              the question, in English and in your own words.
            </p>
          ) : (
            <p>
              {CRITERION_NAMES[weakest] ?? weakest} is your lowest criterion (
              {weakestBand.toFixed(1)}). Raising it to {nextHalf(weakestBand).toFixed(1)} is the
              quickest way up.
            </p>
          )}
          <ul>
            {advice
              .filter((p) => p.criterion === weakest)
              .map((p, i) => (
                <li key={i}>{p.text}</li>
              ))}
          </ul>
        </section>
      ) : null}

      {result.unscoredParts?.length ? (
        <section aria-labelledby="unscored">
          <h2 id="unscored">Parts not scored</h2>
          <ul>
            {result.unscoredParts.map((u) => (
              <li key={u.part}>
                Part {u.part}: {u.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {result.flags.length ? (
        <section aria-labelledby="flags">
          <h2 id="flags">Things that affected your score</h2>
          <ul>
            {result.flags.map((flag) => (
              <li key={flag}>{FLAG_TEXT[flag] ?? flag}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="feedback">
        <h2 id="feedback">Feedback by criterion</h2>
        {advice.length ? (
          <ul>
            {advice.map((p, i) => (
              <li key={i}>
                <strong>{CRITERION_NAMES[p.criterion] ?? p.criterion}:</strong> {p.text}
              </li>
            ))}
          </ul>
        ) : null}
        {strengths.length ? (
          <>
            <h3>What you did well</h3>
            <ul>
              {strengths.map((p, i) => (
                <li key={i}>{p.text}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="your-text">
        <h2 id="your-text">{props.speaking ? "What you said" : "Your answer"}, marked</h2>
        <HighlightedText text={text} highlights={result.highlights} />
      </section>

      <p className="hint">
        Scored by {PROVIDER_TEXT[result.provider] ?? result.provider} ({result.modelId})
        {result.selectionReason ? `: ${result.selectionReason}` : ""}. Bands are estimates from the
        public descriptors, not official results.
      </p>
      {props.fellBackFrom.length ? (
        <p className="hint" role="note">
          {props.fellBackFrom.map((p) => PROVIDER_TEXT[p] ?? p).join(" and ")}{" "}
          {props.fellBackFrom.length > 1 ? "are" : "is"} set up here but could not score this
          {props.speaking ? " (or some of its parts)" : ""} just now, so these bands come from our
          offline scorer instead.
        </p>
      ) : null}
    </>
  );
}
