import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { countWords } from "../../../src/scoring/language/text";
import { Countdown } from "~/components/objective/Countdown";

const AUTOSAVE_MS = 4_000;

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
  const saver = useFetcher<{ savedAt?: string | null; formError?: string | null }>();
  const lastSaved = useRef(props.initialText);

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
      {/* Not a live region: a count read out after every word drowns what the student types. */}
      <p className="essay-status" id="essay-status">
        <span className={words < props.minWords ? "under-minimum" : undefined}>
          {words} words (at least {props.minWords})
        </span>
      </p>
      <Countdown
        deadlineAt={props.deadlineAt}
        serverNow={props.serverNow}
        lateNote="Time is up. You can still submit: your answer will be marked as late."
      />
      <p className="essay-saved" aria-live="polite">
        {savedAt ? `Draft saved ${new Date(savedAt).toLocaleTimeString()}` : null}
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
        aria-describedby="essay-status"
        maxLength={props.maxChars}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </div>
  );
}
