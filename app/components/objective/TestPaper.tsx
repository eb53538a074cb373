import { Form, useFetcher, useLocation } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import type { ListeningAdjustment } from "../../../src/domain/assessment";
import type { PaperBlock } from "../../../src/assessments/objective-paper-view";
import { adjustmentNote } from "../../../src/assessments/adjustments";
import { fieldName } from "../../../src/assessments/objective-fields";
import { CsrfInput } from "~/components/csrf-input";
import { ConfirmAlert } from "~/components/confirm-alert";
import { FormMessage } from "~/components/field";
import { Countdown } from "./Countdown";
import { PartAudio } from "./PartAudio";
import { PaperBlocks } from "./Paper";
import { currentHighlights, markRange, restoreHighlights } from "./highlights";

const AUTOSAVE_MS = 5_000;

function answeredIds(form: HTMLFormElement, blocks: readonly PaperBlock[]): Set<string> {
  const data = new FormData(form);
  const ids = new Set<string>();
  for (const q of blocks.flatMap((b) => b.groups.flatMap((g) => g.questions))) {
    if (data.getAll(fieldName(q.id)).some((v) => String(v).trim())) ids.add(q.id);
  }
  return ids;
}

/**
 * Select passage text to wrap it in <mark>; tap a mark to remove it. Like a pen on the question
 * paper, but kept in this browser for this paper, so a reload does not wipe them. A selection
 * across paragraphs is ignored.
 */
function useHighlighting(enabled: boolean, storageKey: string) {
  useEffect(() => {
    if (!enabled) return;
    try {
      restoreHighlights(JSON.parse(window.localStorage.getItem(storageKey) ?? "[]"));
    } catch {
      window.localStorage.removeItem(storageKey);
    }
    const save = () => window.localStorage.setItem(storageKey, JSON.stringify(currentHighlights()));
    const onUp = () => {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      const start = range.startContainer.parentElement;
      if (!start?.closest("[data-highlightable]")) return;
      if (!markRange(range)) return;
      selection.removeAllRanges();
      save();
    };
    const onClick = (event: MouseEvent) => {
      const mark = (event.target as HTMLElement).closest("mark.highlight");
      if (!mark) return;
      mark.replaceWith(...mark.childNodes);
      save();
    };
    document.addEventListener("mouseup", onUp);
    document.addEventListener("touchend", onUp);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("mouseup", onUp);
      document.removeEventListener("touchend", onUp);
      document.removeEventListener("click", onClick);
    };
  }, [enabled, storageKey]);
}

const WIDE = "(min-width: 56rem)";

/**
 * The pinned bar's height as `--bar-height` on the page, so jump targets stop clear of it
 * whatever it holds; the question navigator opens on wide screens and folds again on a phone
 * once a question is chosen.
 */
function usePinnedBar() {
  const barRef = useRef<HTMLDivElement>(null);
  const foldRef = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const bar = barRef.current;
    if (!bar) return;
    if (foldRef.current && window.matchMedia(WIDE).matches) foldRef.current.open = true;
    const measure = () =>
      document.documentElement.style.setProperty("--bar-height", `${bar.offsetHeight}px`);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);
  const foldOnPhone = useCallback(() => {
    if (foldRef.current && !window.matchMedia(WIDE).matches) foldRef.current.open = false;
  }, []);
  return { barRef, foldRef, foldOnPhone };
}

export interface TestPaperProps {
  assessmentId: string;
  skill: "reading" | "listening";
  heading: string;
  adjustment: ListeningAdjustment | null;
  blocks: PaperBlock[];
  answers: Record<string, string>;
  deadlineAt: string;
  serverNow: number;
  unanswered: number[] | null;
  formError: string | null;
  saved: boolean;
}

/**
 * The whole test as one form: "Save answers" and "Submit" work without JavaScript. With it, the
 * navigator follows the answers live, answers are saved every few seconds, the clock counts
 * down, passage text can be highlighted and recordings play once.
 */
export function TestPaper(props: TestPaperProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [answered, setAnswered] = useState(() => new Set(Object.keys(props.answers)));
  const [enhanced, setEnhanced] = useState(false);
  const dirty = useRef(false);
  const saver = useFetcher<{ savedAt?: string }>();
  const location = useLocation();
  useEffect(() => setEnhanced(true), []);
  useHighlighting(enhanced && props.skill === "reading", `highlights:${props.assessmentId}`);

  // `input`, not `change`: a text box fires `change` only when it loses focus. React's
  // onChange listened to `input`; Preact's (decision 44) is the DOM's own `change`.
  const onInput = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      setAnswered(answeredIds(event.currentTarget, props.blocks));
      dirty.current = true;
    },
    [props.blocks],
  );

  useEffect(() => {
    const timer = setInterval(() => {
      const form = formRef.current;
      if (!form || !dirty.current || saver.state !== "idle") return;
      dirty.current = false;
      const data = new FormData(form);
      data.set("intent", "save");
      saver.submit(data, { method: "post", action: `${location.pathname}${location.search}` });
    }, AUTOSAVE_MS);
    return () => clearInterval(timer);
  }, [saver, location.pathname, location.search]);

  const { barRef, foldRef, foldOnPhone } = usePinnedBar();
  const questions = props.blocks.flatMap((b) => b.groups.flatMap((g) => g.questions));
  const numbered = questions.reduce((n, q) => n + q.span, 0);
  const answeredCount = questions.reduce((n, q) => n + (answered.has(q.id) ? q.span : 0), 0);
  const savedAt = saver.data?.savedAt;
  return (
    <Form method="post" className="paper" ref={formRef} onInput={onInput}>
      <CsrfInput />
      <input type="hidden" name="assessmentId" value={props.assessmentId} />
      <div className="paper-bar" ref={barRef}>
        <h1>{props.heading}</h1>
        <Countdown
          deadlineAt={props.deadlineAt}
          serverNow={props.serverNow}
          lateNote="Time is up. Submit now: your answers will be marked, and shown as late."
        />
        <p className="save-status" aria-live="polite">
          {savedAt
            ? `Answers saved at ${new Date(savedAt).toLocaleTimeString("en-GB")}`
            : props.saved
              ? "Answers saved."
              : enhanced
                ? "Answers are saved as you go."
                : "Press “Save answers” now and then to keep your work."}
        </p>
        {/* Folded on a phone, where forty numbers would take a third of the screen. */}
        <details className="navigator-fold" ref={foldRef}>
          <summary>
            Questions: {answeredCount} of {numbered} answered
          </summary>
          <nav className="navigator" aria-label="Questions">
            <ol>
              {questions.flatMap((q) =>
                Array.from({ length: q.span }, (_, i) => (
                  <li key={`${q.id}-${i}`}>
                    <a
                      onClick={foldOnPhone}
                      href={`#q-${q.number}`}
                      className={answered.has(q.id) ? "answered" : undefined}
                      aria-label={`Question ${q.number + i}${answered.has(q.id) ? ", answered" : ""}`}
                    >
                      {q.number + i}
                    </a>
                  </li>
                )),
              )}
            </ol>
          </nav>
        </details>
      </div>
      <FormMessage tone="error" message={props.formError} />
      {props.unanswered && props.unanswered.length > 0 ? (
        <ConfirmAlert
          id="unanswered-heading"
          when={props.unanswered}
          heading={`${props.unanswered.length} question${props.unanswered.length === 1 ? "" : "s"} not answered`}
        >
          <p>
            {props.unanswered.map((n, i) => (
              <span key={n}>
                {i > 0 ? ", " : ""}
                <a href={`#q-${n}`}>{n}</a>
              </span>
            ))}
          </p>
          <p>Your answers are saved. An unanswered question scores zero.</p>
          <button type="submit" name="intent" value="confirm-submit">
            Submit anyway
          </button>
        </ConfirmAlert>
      ) : null}
      {props.adjustment ? <p className="hint">{adjustmentNote(props.adjustment)}</p> : null}
      {enhanced && props.skill === "reading" ? (
        <p className="hint">
          Select words in a passage to highlight them; tap a highlight to remove it.
        </p>
      ) : null}
      <PaperBlocks
        blocks={props.blocks}
        answers={props.answers}
        audio={
          // Free playback keeps the plain player; the transcript way has no recordings at all.
          props.skill === "listening" && props.adjustment === null
            ? (block) => (
                <PartAudio block={block} storageKey={`played:${props.assessmentId}:${block.id}`} />
              )
            : undefined
        }
      />
      <div className="actions">
        <button type="submit" name="intent" value="save" className="button-secondary">
          Save answers
        </button>
        <button type="submit" name="intent" value="submit">
          Submit
        </button>
      </div>
    </Form>
  );
}
