import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

/**
 * With JavaScript, asks the server for the page's data again every `ms` (skipping a round while
 * one is in flight); without it, pages rely on a meta refresh inside <noscript> instead.
 */
export function usePolling(ms: number, active = true): void {
  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const poll = setInterval(() => {
      if (state === "idle") revalidate();
    }, ms);
    return () => clearInterval(poll);
  }, [revalidate, state, ms, active]);
}
