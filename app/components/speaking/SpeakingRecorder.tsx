import { useMatches } from "@remix-run/react";
import { useEffect, useRef, useState, type RefObject } from "react";
import { minutesAndSeconds } from "~/components/clock";
import {
  AUDIO_TYPES,
  baseMimeType,
  MAX_AUDIO_BYTES,
  type AudioMimeType,
} from "../../../src/assessments/speaking-fields";
import { startRecognition, type Recognition } from "./recognition";
import {
  backgroundSave,
  postToAction,
  putRecording,
  ticketRequest,
  type UploadTicket,
} from "./recording-upload";

// Ogg is a format Gemini documents (Firefox records it); Chrome records Opus only in WebM,
// which the server moves into Ogg (src/ai/audio-format.ts). Safari records MP4.
const RECORDING_TYPES = ["audio/ogg;codecs=opus", "audio/webm;codecs=opus"];

type Phase = "idle" | "preparing" | "recording";

interface Session {
  stream: MediaStream;
  recorder: MediaRecorder;
  audio: AudioContext;
  frame: number;
  recognition?: Recognition;
}

/**
 * The JavaScript layer of one Speaking part: reads the questions aloud, records the answer into
 * the part's file input (so the ordinary form submits it), shows a level meter and lets speech
 * recognition draft the transcript. Renders nothing until it knows the browser can record, so
 * the page without JavaScript is the plain form.
 */
export function SpeakingRecorder({
  part,
  questions,
  prepareSeconds,
  limitSeconds,
  transcriptRef,
  fileRef,
  uploadedRef,
  maxDirectBytes,
}: {
  part: number;
  questions: string[];
  prepareSeconds?: number;
  limitSeconds: number;
  transcriptRef: RefObject<HTMLTextAreaElement>;
  fileRef: RefObject<HTMLInputElement>;
  /** The hidden field that names a recording already sent to storage. */
  uploadedRef: RefObject<HTMLInputElement>;
  /** The largest recording the page may send to storage itself. */
  maxDirectBytes: number;
}) {
  const [ready, setReady] = useState(false);
  const routeId = useMatches().at(-1)?.id ?? "";
  const [phase, setPhase] = useState<Phase>("idle");
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [level, setLevel] = useState(0);
  const [playback, setPlayback] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  // A recording the last attempt could not save: kept for "Send it again".
  const [failed, setFailed] = useState<Blob | null>(null);
  const session = useRef<Session | null>(null);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    setReady(Boolean(navigator.mediaDevices?.getUserMedia) && typeof MediaRecorder !== "undefined");
    return () => {
      window.clearInterval(timer.current);
      stopSession();
    };
  }, []);

  useEffect(() => () => void (playback && URL.revokeObjectURL(playback)), [playback]);

  if (!ready) return null;

  function countdown(seconds: number, then: () => void) {
    window.clearInterval(timer.current);
    setSecondsLeft(seconds);
    const endsAt = Date.now() + seconds * 1000;
    timer.current = window.setInterval(() => {
      const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      setSecondsLeft(left);
      if (left === 0) {
        window.clearInterval(timer.current);
        then();
      }
    }, 250);
  }

  function readAloud() {
    if (!("speechSynthesis" in window)) return;
    speechSynthesis.cancel();
    for (const question of questions) {
      const utterance = new SpeechSynthesisUtterance(question);
      utterance.lang = "en-GB";
      speechSynthesis.speak(utterance);
    }
  }

  function prepare() {
    setPhase("preparing");
    setStatus("Prepare your talk. You may make notes.");
    countdown(prepareSeconds ?? 0, () => void record());
  }

  async function record() {
    window.clearInterval(timer.current);
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      setPhase("idle");
      setStatus("The microphone is not available. Type your answer or choose a recording.");
      return;
    }
    const chunks: Blob[] = [];
    const mimeType = RECORDING_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
    const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    recorder.ondataavailable = (event) => chunks.push(event.data);
    recorder.onstop = () => attach(new Blob(chunks, { type: recorder.mimeType }));
    recorder.start();

    const audio = new AudioContext();
    const analyser = audio.createAnalyser();
    analyser.fftSize = 512;
    audio.createMediaStreamSource(stream).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    const current: Session = {
      stream,
      recorder,
      audio,
      frame: 0,
      recognition: startRecognition(
        transcriptRef,
        (recognition) => session.current?.recognition === recognition,
      ),
    };
    const measure = () => {
      analyser.getByteTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += ((s - 128) / 128) ** 2;
      // Speech sits far below full scale: stretch it so a normal voice fills most of the meter.
      setLevel(Math.min(1, Math.sqrt(sum / samples.length) * 4));
      current.frame = requestAnimationFrame(measure);
    };
    measure();
    session.current = current;
    setPhase("recording");
    setStatus("Recording. Speak now.");
    countdown(limitSeconds, stop);
  }

  function stopSession() {
    const current = session.current;
    session.current = null;
    if (!current) return;
    cancelAnimationFrame(current.frame);
    current.recognition?.stop();
    if (current.recorder.state !== "inactive") current.recorder.stop();
    for (const track of current.stream.getTracks()) track.stop();
    void current.audio.close();
  }

  function stop() {
    window.clearInterval(timer.current);
    stopSession();
    setPhase("idle");
    setLevel(0);
  }

  function attach(blob: Blob) {
    const type = baseMimeType(blob.type) || "audio/webm";
    const extension = AUDIO_TYPES[type as AudioMimeType] ?? "webm";
    const file = new File([blob], `part-${part}.${extension}`, { type });
    const input = fileRef.current;
    if (input) {
      const transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
    }
    if (uploadedRef.current) uploadedRef.current.value = "";
    setPlayback(URL.createObjectURL(blob));
    void send(blob);
  }

  /**
   * Each part goes up as soon as it ends, so a lost connection later costs at most the part in
   * progress: straight to storage (S3 in production) when it can, else inside the form's own
   * request (up to 4 MB), and then the draft is saved naming it. Failures are said, never
   * silent, and the recording stays in the page to send again or with the form.
   */
  async function send(blob: Blob) {
    const form = fileRef.current?.form;
    if (!form) return;
    setFailed(null);
    if (blob.size > maxDirectBytes) {
      setStatus(
        `This recording is larger than ${Math.floor(maxDirectBytes / 1024 / 1024)} MB. Record a shorter answer.`,
      );
      return;
    }
    setStatus(`Recorded ${Math.max(1, Math.round(blob.size / 1024))} KB. Uploading…`);
    const asked = await postToAction(form, routeId, ticketRequest(form, part, blob));
    const ticket = asked?.ticket as UploadTicket | undefined;
    if (ticket && (await putRecording(ticket, blob))) {
      if (uploadedRef.current) uploadedRef.current.value = ticket.key;
      if (fileRef.current) fileRef.current.value = "";
    } else if (blob.size > MAX_AUDIO_BYTES) {
      setFailed(blob);
      setStatus(
        `${typeof asked?.error === "string" ? asked.error : "The recording could not be sent: the connection may have dropped."} It is still here: press “Send it again”.`,
      );
      return;
    }
    const saved = await postToAction(form, routeId, backgroundSave(form, part));
    if (saved?.uploaded) {
      // Saved with the draft on the server: the form need not send it again.
      if (fileRef.current) fileRef.current.value = "";
      setStatus("Recording saved with your draft. Record again to replace it.");
      return;
    }
    setFailed(blob);
    setStatus(
      `${typeof saved?.formError === "string" ? saved.formError : "Not saved yet: the connection may have dropped."} It will be sent when you save or submit, or press “Send it again”.`,
    );
  }

  const minutes = minutesAndSeconds(secondsLeft);
  return (
    <div className="recorder">
      <div className="recorder-buttons">
        <button type="button" className="button-secondary" onClick={readAloud}>
          Hear the questions
        </button>
        {phase === "idle" && prepareSeconds ? (
          <button type="button" onClick={prepare}>
            Prepare (1 minute), then speak
          </button>
        ) : null}
        {phase !== "recording" ? (
          <button type="button" onClick={() => void record()}>
            {phase === "preparing" ? "Start speaking now" : "Record my answer"}
          </button>
        ) : (
          <button type="button" onClick={stop}>
            Stop recording
          </button>
        )}
      </div>
      {phase !== "idle" ? (
        <p className="recorder-clock">
          {phase === "preparing" ? "Preparation" : "Speaking time"} left: <output>{minutes}</output>
        </p>
      ) : null}
      {phase === "recording" ? (
        <label className="recorder-level">
          Microphone level <meter min={0} max={1} low={0.15} optimum={0.5} value={level} />
        </label>
      ) : null}
      <p className="recorder-status" role="status">
        {status}
      </p>
      {failed ? (
        <button type="button" className="button-secondary" onClick={() => send(failed)}>
          Send it again
        </button>
      ) : null}
      {playback ? <audio controls src={playback} /> : null}
    </div>
  );
}
