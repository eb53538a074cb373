import { Link } from "@remix-run/react";

export interface NoCredit {
  skill: "writing" | "speaking";
  /** The student already said "Submit anyway" to the short-answer question. */
  confirmedShort?: boolean;
}

/**
 * Shown when a hand-in for cloud scoring found no credit left: the answer is kept as the draft,
 * and the student chooses the free offline scorer now or a pack first. The button submits the
 * page's own form, so whatever is in it now is what gets scored.
 */
export function NoCreditNotice(props: {
  form: string;
  skill: NoCredit["skill"];
  offlineIntent: string;
}) {
  return (
    <section className="confirm" role="alert" aria-labelledby="no-credit-heading">
      <h2 id="no-credit-heading">
        No AI-scored {props.skill === "writing" ? "Writing" : "Speaking"} left
      </h2>
      <p>
        Your answer is saved as a draft. You can have it scored now by the offline scorer, which is
        free and always available, or get a pack and then submit it for AI scoring.
      </p>
      <div className="actions">
        <button type="submit" form={props.form} name="intent" value={props.offlineIntent}>
          Score it offline now
        </button>
        <Link to="/pricing" className="button-secondary">
          See packs
        </Link>
      </div>
    </section>
  );
}
