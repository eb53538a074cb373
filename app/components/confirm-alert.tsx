import { useEffect, useRef, type ReactNode } from "react";

/**
 * What Submit asks back (questions left unanswered, an essay far too short). It takes focus
 * each time `when` changes, so a screen reader reads it out, and scrolls to its top: a Submit
 * tapped at the foot of a long paper would otherwise leave it thousands of pixels above, unseen.
 */
export function ConfirmAlert(props: {
  id: string;
  heading: ReactNode;
  when: unknown;
  children: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const alert = ref.current;
    if (!alert) return;
    alert.scrollIntoView({ block: "start" });
    alert.focus({ preventScroll: true });
  }, [props.when]);
  return (
    <section className="confirm" role="alert" aria-labelledby={props.id} tabIndex={-1} ref={ref}>
      <h2 id={props.id}>{props.heading}</h2>
      {props.children}
    </section>
  );
}
