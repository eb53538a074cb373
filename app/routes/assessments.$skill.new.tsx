import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { PaperIntro } from "~/components/objective/PaperIntro";
import { TestPaper } from "~/components/objective/TestPaper";
import { handleTestPost, loadTestPage } from "~/models/objective.server";
import styles from "~/styles/objective.css";
import { stylesheet } from "~/route-head";

export const links = stylesheet(styles);

const SKILL_NAMES = { reading: "Reading", listening: "Listening" } as const;

// Writing and Speaking have routes of their own, which win over this one.
function skillOf(param: string | undefined): keyof typeof SKILL_NAMES {
  if (param === "reading" || param === "listening") return param;
  throw json({ message: "Not found" }, { status: 404 });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? SKILL_NAMES[data.skill] : "Test"} test · IELTS AI Prep` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return json(await loadTestPage(request, skillOf(params.skill)));
}

export function action({ request, params }: ActionFunctionArgs) {
  return handleTestPost(request, skillOf(params.skill));
}

// An autosave changes nothing on the page, so it does not reload the paper.
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  defaultShouldRevalidate,
}) => (formData?.get("intent") === "save" ? false : defaultShouldRevalidate);

/** The exam's way, or one of the adjustments for students who cannot take it that way. */
function ListeningWays() {
  return (
    <fieldset className="choices">
      <legend>How do you want to take it?</legend>
      <label>
        <input type="radio" name="adjustment" value="standard" defaultChecked /> As in the exam:
        each recording plays once
      </label>
      <label>
        <input type="radio" name="adjustment" value="free-playback" /> Free playback: pause, rewind
        and replay the recordings
      </label>
      <label>
        <input type="radio" name="adjustment" value="transcript" /> Read the transcripts instead of
        listening (for deaf or hard-of-hearing students)
      </label>
      <p className="hint">
        With free playback or transcripts your band is shown as taken with an adjustment: it says
        how well you understand, not how you would do under exam conditions.
      </p>
    </fieldset>
  );
}

export default function ObjectiveTest() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!data.started) {
    const module = data.module === "general" ? "General Training" : "Academic";
    const name = data.skill === "reading" ? `Reading (${module})` : "Listening";
    return (
      <PaperIntro
        heading={data.inMock ? `${name}, in your mock test` : name}
        minutes={data.minutes}
        formError={result?.formError}
        options={data.skill === "listening" ? <ListeningWays /> : null}
      >
        <p>
          40 questions
          {data.skill === "reading"
            ? " on three passages."
            : " in four parts. Each recording plays once; with headphones is best."}{" "}
          Answer on the page; an unanswered question scores zero.
        </p>
      </PaperIntro>
    );
  }
  return (
    <TestPaper
      key={data.assessmentId}
      {...data}
      heading={`${SKILL_NAMES[data.skill]}: ${data.heading}`}
      unanswered={result?.unanswered ?? null}
      formError={result?.formError ?? null}
      saved={Boolean(result?.savedAt)}
    />
  );
}
