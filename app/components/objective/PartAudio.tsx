import { useEffect, useRef, useState } from "react";
import type { PaperBlock } from "../../../src/assessments/objective-paper-view";
import { minutesAndSeconds } from "~/components/clock";
import { AudioSources } from "./Paper";

/**
 * A part's recording. Without JavaScript it is a plain player. With it, as in the exam, it
 * plays once: no seeking back, and once it ends the player is replaced by a note (the element
 * stays, so the page can still report it). Remembered per paper, so a reload does not replay;
 * where it had got to is remembered too, so a reload or a dropped connection carries on from
 * there instead of losing the rest of the part.
 */
export function PartAudio({ block, storageKey }: { block: PaperBlock; storageKey: string }) {
  const ref = useRef<HTMLAudioElement>(null);
  const furthest = useRef(0);
  const [played, setPlayed] = useState(false);
  const [stoppedAt, setStoppedAt] = useState<number | null>(null);
  const positionKey = `${storageKey}:at`;
  useEffect(() => {
    setPlayed(window.localStorage.getItem(storageKey) === "played");
    furthest.current = Number(window.localStorage.getItem(positionKey)) || 0;
    const audio = ref.current;
    if (!audio) return;
    // The metadata may have arrived before React was listening for it.
    if (audio.readyState >= HTMLMediaElement.HAVE_METADATA && furthest.current > 0) {
      audio.currentTime = furthest.current;
    }
    // A source that fails to load fires its error on the <source>, which does not bubble:
    // caught on the way down instead.
    const onError = () => setStoppedAt(furthest.current);
    audio.addEventListener("error", onError, true);
    return () => audio.removeEventListener("error", onError, true);
  }, [storageKey, positionKey]);
  const onEnded = () => {
    window.localStorage.setItem(storageKey, "played");
    setPlayed(true);
  };
  const resume = () => {
    const audio = ref.current;
    if (!audio) return;
    setStoppedAt(null);
    audio.load();
    void audio.play().catch(() => setStoppedAt(furthest.current));
  };
  return (
    <>
      <audio
        ref={ref}
        controls={!played}
        preload="metadata"
        onLoadedMetadata={(e) => {
          if (furthest.current > 0) e.currentTarget.currentTime = furthest.current;
        }}
        onTimeUpdate={(e) => {
          const at = e.currentTarget.currentTime;
          if (Math.floor(at) > Math.floor(furthest.current)) {
            window.localStorage.setItem(positionKey, String(Math.floor(at)));
          }
          furthest.current = Math.max(furthest.current, at);
        }}
        onSeeking={(e) => {
          if (e.currentTarget.currentTime < furthest.current - 0.5) {
            e.currentTarget.currentTime = furthest.current;
          }
        }}
        onPlay={(e) => {
          if (played) e.currentTarget.pause();
        }}
        onEnded={onEnded}
      >
        <AudioSources sources={block.audio ?? []} />
      </audio>
      {stoppedAt !== null && !played ? (
        <div className="form-message form-message-error" role="alert">
          <p>
            The recording stopped at {minutesAndSeconds(stoppedAt)}: the connection may have
            dropped. Your answers are kept.
          </p>
          <button type="button" onClick={resume}>
            Carry on from {minutesAndSeconds(stoppedAt)}
          </button>
        </div>
      ) : null}
      {played ? (
        <p className="hint">
          {block.heading} has been played. Use the time left to check your answers.
        </p>
      ) : (
        <p className="hint">You will hear the recording once. It cannot be rewound.</p>
      )}
    </>
  );
}
