import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { countWords } from "../../../src/scoring/language/text";

const AUTOSAVE_MS = 4_000;

function minutesLeft(deadlineAt: string, now: number): number {
  return Math.ceil((Date.parse(deadlineAt) - now) / 60_000);
}

function timeLabel(deadlineAt: string, now: number): string {
  const left = minutesLeft(deadlineAt, now);
  if (left <= 0) return "Time is up. You can still submit: your answer will be marked as late.";
  return `${left} minute${left === 1 ? "" : "s"} left`;
}

/**
 * The essay box. Without JavaScript it is a plain textarea in the page's form (the "Save draft"
 * button saves it). With JavaScript it also counts words as the student types, counts down to
 * the server's deadline, and saves the draft a few seconds after each change.
 */
export function EssayEditor(props: {
  initialText: string;
  minWords: number;
  deadlineAt: string;
  serverNow: number;
  csrf: string;
  assessmentId: string;
  maxChars: number;
}) {
  const [text, setText] = useState(props.initialText);
  const [now, setNow] = useState(props.serverNow);
  const saver = useFetcher<{ savedAt?: string | null; formError?: string | null }>();
  const lastSaved = useRef(props.initialText);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (text === lastSaved.current) return;
    const timer = setTimeout(() => {
      lastSaved.current = text;
      saver.submit(
        { intent: "save", response: text, csrf: props.csrf, assessmentId: props.assessmentId },
        { method: "post" },
      );
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [text, saver, props.csrf, props.assessmentId]);

  const words = countWords(text);
  const savedAt = saver.data?.savedAt;
  // A failed autosave leaves the text in the box; the student is told so they can save by hand.
  const saveError = saver.state === "idle" ? saver.data?.formError : null;
  return (
    <div className="essay-editor">
      <label htmlFor="response" className="essay-label">
        Your answer
      </label>
      <p className="essay-status" aria-live="polite">
        <span className={words < props.minWords ? "under-minimum" : undefined}>
          {words} words (at least {props.minWords})
        </span>{" "}
        · <span>{timeLabel(props.deadlineAt, now)}</span>
        {savedAt ? <> · Draft saved {new Date(savedAt).toLocaleTimeString()}</> : null}
      </p>
      <p className="essay-save-status" role="status">
        {saveError ? `Not saved: ${saveError}` : null}
        {text.length >= props.maxChars
          ? ` You have reached the limit of ${props.maxChars.toLocaleString("en-GB")} characters.`
          : null}
      </p>
      <textarea
        id="response"
        name="response"
        rows={18}
        spellCheck={false}
        autoCorrect="off"
        autoCapitalize="sentences"
        maxLength={props.maxChars}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </div>
  );
}
