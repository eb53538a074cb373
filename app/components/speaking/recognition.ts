import type { RefObject } from "react";

// Not in TypeScript's DOM library: the part of the Web Speech API used here.
export interface Recognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  onresult: ((event: { resultIndex: number; results: ResultList }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}
type ResultList = ArrayLike<{ isFinal: boolean; 0: { transcript: string } }>;
type RecognitionConstructor = new () => Recognition;

function recognitionConstructor(): RecognitionConstructor | undefined {
  const w = window as unknown as Record<string, RecognitionConstructor | undefined>;
  return w.SpeechRecognition ?? w.webkitSpeechRecognition;
}

/**
 * Speech recognition drafting a part's transcript while it is recorded, or undefined where the
 * browser has none. Final results are appended to what the student already typed, for them to
 * correct.
 */
export function startRecognition(
  transcriptRef: RefObject<HTMLTextAreaElement>,
  isRecording: (recognition: Recognition) => boolean,
): Recognition | undefined {
  const Constructor = recognitionConstructor();
  if (!Constructor) return undefined;
  const recognition = new Constructor();
  recognition.lang = "en-GB";
  recognition.continuous = true;
  recognition.interimResults = false;
  recognition.onresult = (event) => {
    const box = transcriptRef.current;
    if (!box) return;
    for (let i = event.resultIndex; i < event.results.length; i++) {
      const result = event.results[i];
      if (result?.isFinal)
        box.value = `${box.value.trimEnd()} ${result[0].transcript.trim()}`.trim();
    }
  };
  // Recognition ends by itself after a silence; keep it going while the recording runs.
  recognition.onend = () => {
    if (isRecording(recognition)) recognition.start();
  };
  recognition.start();
  return recognition;
}
