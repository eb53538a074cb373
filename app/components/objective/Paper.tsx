import { memo, type ReactNode } from "react";
import type { AudioSource } from "../../../src/assessments/objective-paper";
import type {
  PaperBlock,
  PaperGroup,
  PaperQuestion,
} from "../../../src/assessments/objective-paper-view";
import type { ReviewQuestion } from "../../../src/assessments/objective-review";
import { fieldName } from "../../../src/assessments/objective-fields";
import { ReviewItem } from "./ReviewItem";

const VERDICTS: Partial<Record<PaperQuestion["type"], string[]>> = {
  "true-false-not-given": ["TRUE", "FALSE", "NOT GIVEN"],
  "yes-no-not-given": ["YES", "NO", "NOT GIVEN"],
};

function Choice(props: {
  type: "radio" | "checkbox";
  question: PaperQuestion;
  value: string;
  checked: boolean;
  children: ReactNode;
}) {
  const id = `${props.question.id}-${props.value.replace(/\W+/g, "_")}`;
  return (
    <label className="choice" htmlFor={id}>
      <input
        id={id}
        type={props.type}
        name={fieldName(props.question.id)}
        value={props.value}
        defaultChecked={props.checked}
      />
      {props.children}
    </label>
  );
}

function Fields({
  question,
  group,
  answer,
}: {
  question: PaperQuestion;
  group: PaperGroup;
  answer: string;
}) {
  const verdicts = VERDICTS[question.type];
  if (verdicts) {
    return (
      <div className="choices choices-row">
        {verdicts.map((v) => (
          <Choice key={v} type="radio" question={question} value={v} checked={answer === v}>
            {v}
          </Choice>
        ))}
      </div>
    );
  }
  if (question.options.length > 0) {
    const multi = question.type === "multiple-choice-multi";
    const chosen = new Set(answer.split(","));
    return (
      <div className="choices">
        {question.options.map((o) => (
          <Choice
            key={o.label}
            type={multi ? "checkbox" : "radio"}
            question={question}
            value={o.label}
            checked={chosen.has(o.label)}
          >
            <span className="option-label">{o.label}</span> {o.text}
          </Choice>
        ))}
      </div>
    );
  }
  if (group.box.length > 0) {
    return (
      <div className="choices choices-row">
        {group.box.map((o) => (
          <Choice
            key={o.label}
            type="radio"
            question={question}
            value={o.label}
            checked={answer === o.label}
          >
            {o.label}
          </Choice>
        ))}
      </div>
    );
  }
  return (
    <input
      className="gap-input"
      type="text"
      id={`${question.id}-text`}
      name={fieldName(question.id)}
      defaultValue={answer}
      maxLength={120}
      autoComplete="off"
      autoCapitalize="off"
      spellCheck={false}
      aria-labelledby={`${question.id}-prompt`}
      aria-describedby={group.limitHint ? `${question.id}-limit` : undefined}
    />
  );
}

function Question(props: {
  question: PaperQuestion;
  group: PaperGroup;
  answer: string;
  review?: ReviewQuestion;
}) {
  const { question, group } = props;
  return (
    <fieldset className="question" id={`q-${question.number}`}>
      <legend id={`${question.id}-prompt`}>
        <span className="q-number">{question.label}</span>{" "}
        {question.prompt.replace(/_{3,}/g, "______")}
      </legend>
      <Fields question={question} group={group} answer={props.answer} />
      {group.limitHint ? (
        <p className="hint" id={`${question.id}-limit`}>
          {group.limitHint}
        </p>
      ) : null}
      {props.review ? <ReviewItem item={props.review} compact /> : null}
    </fieldset>
  );
}

function Group(props: {
  group: PaperGroup;
  answers: Readonly<Record<string, string>>;
  reviews?: ReadonlyMap<string, ReviewQuestion>;
}) {
  const { group } = props;
  const first = group.questions[0]!;
  const last = group.questions[group.questions.length - 1]!;
  const end = last.number + last.span - 1;
  return (
    <section className="q-group">
      <h3>
        Questions {first.number}
        {end > first.number ? `–${end}` : ""}
      </h3>
      <p className="instructions">{group.instructions}</p>
      {group.title ? <h4>{group.title}</h4> : null}
      {group.box.length > 0 ? (
        <dl className="box">
          {group.box.map((o) => (
            <div key={o.label}>
              <dt>{o.label}</dt>
              <dd>{o.text}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {group.questions.map((q) => (
        <Question
          key={q.id}
          question={q}
          group={group}
          answer={props.answers[q.id] ?? ""}
          review={props.reviews?.get(q.id)}
        />
      ))}
    </section>
  );
}

/** Memoised so that highlights the student adds inside it survive re-renders of the page. */
const Passage = memo(function Passage({ block }: { block: PaperBlock }) {
  return (
    <div className="passage" data-highlightable="">
      {block.title ? <h3>{block.title}</h3> : null}
      {block.paragraphs.map((p, i) => (
        <p key={i}>
          {p.label ? <strong className="para-label">{p.label}</strong> : null} {p.text}
        </p>
      ))}
    </div>
  );
});

/** Every format of a recording: the browser plays the first it can (Opus, else MP3). */
export function AudioSources({ sources }: { sources: readonly AudioSource[] }) {
  return (
    <>
      {sources.map((source) => (
        <source key={source.src} src={source.src} type={source.type} />
      ))}
    </>
  );
}

/**
 * Passages (or recordings) beside their questions: one form field per question, so the page
 * works as a plain HTML form. `audio` renders each part's player (the test page adds
 * play-once behaviour to it); `reviews` shows marks under the questions (drills).
 */
export function PaperBlocks(props: {
  blocks: readonly PaperBlock[];
  answers: Readonly<Record<string, string>>;
  audio?: (block: PaperBlock) => ReactNode;
  reviews?: ReadonlyMap<string, ReviewQuestion>;
}) {
  return (
    <>
      {props.blocks.map((block) => (
        <section
          className={block.audio ? "block block-listening" : "block"}
          key={block.id}
          aria-labelledby={`${block.id}-heading`}
        >
          {/* On a wide screen the passage scrolls beside the questions: focusable, so a
              keyboard can scroll it too. */}
          <div
            className="stimulus"
            tabIndex={0}
            role="region"
            aria-label={`${block.heading}: ${block.audio ? "recording" : "text"}`}
          >
            <h2 id={`${block.id}-heading`}>{block.heading}</h2>
            {block.introduction ? <p className="hint">{block.introduction}</p> : null}
            {block.audio ? (
              (props.audio?.(block) ?? (
                <audio controls preload="metadata">
                  <AudioSources sources={block.audio} />
                </audio>
              ))
            ) : (
              <Passage block={block} />
            )}
          </div>
          <div className="questions">
            {block.groups.map((group, i) => (
              <Group key={i} group={group} answers={props.answers} reviews={props.reviews} />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
