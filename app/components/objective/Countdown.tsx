import { useEffect, useState } from "react";
import { minutesAndSeconds } from "~/components/clock";

// Rounded up, so the count reads 0:00 only once the time has really run out.
const clock = (ms: number) => minutesAndSeconds(Math.max(0, Math.ceil(ms / 1000)));

const timeOfDay = (at: number, timeZone?: string) =>
  new Intl.DateTimeFormat("en-GB", { timeStyle: "short", timeZone }).format(at);

/**
 * The time left on a timed paper. The server renders the deadline as a time of day: without
 * JavaScript a count frozen at "60:00 left" would be wrong a minute later, while "Hand in by
 * 14:32" stays true. The server does not know the student's time zone, so it says UTC. With
 * JavaScript it counts down to the server's deadline, corrected for the difference between
 * the clocks, and gives the deadline in local time.
 */
export function Countdown(props: { deadlineAt: string; serverNow: number; lateNote: string }) {
  const deadline = Date.parse(props.deadlineAt);
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const skew = props.serverNow - Date.now();
    const tick = () => setNow(Date.now() + skew);
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [props.serverNow]);
  const left = deadline - (now ?? props.serverNow);
  const low = left <= 5 * 60_000;
  return (
    <p className={low ? "countdown countdown-low" : "countdown"} role="timer">
      {left <= 0
        ? props.lateNote
        : now === null
          ? `Hand in by ${timeOfDay(deadline, "UTC")} UTC`
          : `${clock(left)} left · hand in by ${timeOfDay(deadline)}`}
    </p>
  );
}
