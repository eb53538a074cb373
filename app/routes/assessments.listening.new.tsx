import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { TestPaper } from "~/components/objective/TestPaper";
import { handleTestPost, loadTestPage } from "~/models/objective.server";
import styles from "~/styles/objective.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Listening test · IELTS AI Prep" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadTestPage(request, "listening"));
}

export function action({ request }: ActionFunctionArgs) {
  return handleTestPost(request);
}

// An autosave changes nothing on the page, so it does not reload the paper.
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  defaultShouldRevalidate,
}) => (formData?.get("intent") === "save" ? false : defaultShouldRevalidate);

export default function ListeningTest() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <TestPaper
      key={data.assessmentId}
      {...data}
      heading={`Listening: ${data.heading}`}
      unanswered={result?.unanswered ?? null}
      formError={result?.formError ?? null}
      saved={Boolean(result?.savedAt)}
    />
  );
}
