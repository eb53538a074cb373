import type { WritingQuestion } from "../../../src/content/schema";
import { TaskVisual } from "~/components/charts/TaskVisual";

/** The task as the student sees it: the prompt, and for Academic Task 1 the chart itself. */
export function QuestionView({ question }: { question: WritingQuestion }) {
  return (
    <section className="card task-prompt" aria-label="Task">
      {question.prompt.split(/\n{2,}/).map((paragraph, i) =>
        paragraph.startsWith("- ") ? (
          <ul key={i}>
            {paragraph.split("\n").map((line) => (
              <li key={line}>{line.replace(/^- /, "")}</li>
            ))}
          </ul>
        ) : (
          <p key={i}>{paragraph}</p>
        ),
      )}
      {question.task === 1 && question.module === "academic" ? (
        <TaskVisual visual={question.visual} />
      ) : null}
    </section>
  );
}
