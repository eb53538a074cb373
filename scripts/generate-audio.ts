/**
 * Regenerates the Listening recordings in public/audio/ from the scripts in
 * src/content/papers/listening-*.json, so that the audio can never drift from the answer keys.
 *
 *   npm run audio                    (tsx scripts/generate-audio.ts): every test
 *   npm run audio -- listening-3     only the tests named
 *
 * Needs Debian's speech synthesisers and audio tools; the script checks for them and says what
 * to install when one is missing:
 *
 *   apt-get update && apt-get install -y festival festvox-us-slt-hts festvox-kallpc16k \
 *     festvox-kdlpc16k espeak-ng sox opus-tools lame
 *
 * Voices. Candidates must tell speakers apart by ear alone, so each voice in the content schema
 * is a different synthesiser or accent, and the announcer has one of its own:
 *   female-us              Festival, CMU SLT HTS (the most natural of the free voices)
 *   male-us                Festival, KAL diphone
 *   female-uk              espeak-ng en-gb, female variant
 *   male-uk                espeak-ng en-gb-x-rp (Received Pronunciation)
 *   female-scotland        espeak-ng en-gb-scotland, female variant
 *   male-scotland          espeak-ng en-gb-scotland
 *   female-caribbean       espeak-ng en-029, female variant
 *   male-northern-england  espeak-ng en-gb-x-gbclan (Lancashire)
 *   announcer              Festival, KED diphone
 * Debian has no Australian English voice (espeak-ng has none and MBROLA is not packaged); with
 * Polly, below, Olivia and Russell add one.
 *
 * Each part is: the announcer's introduction, which ends by giving time to look at the
 * questions, 20 s of silence for that, then the script line by line with 0.6 s between turns
 * (0.9 s between paragraphs of a monologue). Every segment is trimmed of the synthesiser's own
 * silence and peak-normalised, so pauses and loudness do not vary by voice. Each part is written
 * twice, mono: Ogg Opus at 12 kbit/s and MP3 at 16 kbit/s, 16 kHz (decision 033), so that every
 * browser has one it plays and the whole bank stays under AUDIO_BUDGET_BYTES.
 *
 * Deterministic: the synthesisers are deterministic, sox runs with -R (fixed seeds) and -D (no
 * dither), and opusenc is given a fixed stream serial and no date, so the same scripts give the
 * same bytes; the SHA-256 printed for each file makes that easy to check.
 *
 * Production voices with Amazon Polly. The free voices are clearly synthetic; for production,
 * synthesise each segment with Polly's neural engine instead and keep the rest of the pipeline:
 *   aws polly synthesize-speech --engine neural --voice-id Joanna --output-format pcm \
 *     --sample-rate 16000 --text "<line>" segment.pcm
 *   sox -t raw -r 16000 -e signed -b 16 -c 1 segment.pcm segment.wav
 * using Joanna (female-us), Matthew (male-us), Amy (female-uk), Brian (male-uk), Arthur
 * (announcer) and, for accents the free engines lack, Olivia and Russell (Australian) or
 * Aria (New Zealand), in place of `synthesise` below. Polly output is not guaranteed byte-identical
 * across service versions, so commit the result rather than regenerating it in CI.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AUDIO_BUDGET_BYTES,
  AUDIO_FORMATS,
  listeningTests,
  type ListeningPart,
  type ListeningTest,
  type Voice,
} from "../src/content/papers";
import { mp3Info, oggOpusInfo } from "../src/content/papers/audio-headers";

const PUBLIC_DIR = join(__dirname, "../public");
const RATE = 16000;
const TURN_PAUSE = 0.6;
const PARAGRAPH_PAUSE = 0.9;
/** Time to look at the questions, as the introduction announces. */
const AFTER_INTRODUCTION = 20;
const INSTALL =
  "apt-get update && apt-get install -y festival festvox-us-slt-hts festvox-kallpc16k festvox-kdlpc16k espeak-ng sox opus-tools lame";

type Speaker = Voice | "announcer";

interface Synthesiser {
  command: string;
  args: (textFile: string, wavFile: string) => string[];
  /** Debian package that provides the voice. */
  package: string;
}

const festival = (voice: string, pkg: string): Synthesiser => ({
  command: "text2wave",
  args: (text, wav) => ["-eval", `(${voice})`, text, "-o", wav],
  package: pkg,
});

// espeak-ng runs faster than its nominal rate; at 145 it speaks about 170 words a minute, the
// pace of Festival's voices and of the real recordings.
const espeak = (voice: string): Synthesiser => ({
  command: "espeak-ng",
  args: (text, wav) => ["-v", voice, "-s", "145", "-f", text, "-w", wav],
  package: "espeak-ng",
});

const SYNTHESISERS: Record<Speaker, Synthesiser> = {
  "female-us": festival("voice_cmu_us_slt_arctic_hts", "festvox-us-slt-hts"),
  "male-us": festival("voice_kal_diphone", "festvox-kallpc16k"),
  "female-uk": espeak("en-gb+f3"),
  "male-uk": espeak("en-gb-x-rp"),
  "female-scotland": espeak("en-gb-scotland+f2"),
  "male-scotland": espeak("en-gb-scotland"),
  "female-caribbean": espeak("en-029+f4"),
  "male-northern-england": espeak("en-gb-x-gbclan"),
  announcer: festival("voice_ked_diphone", "festvox-kdlpc16k"),
};

const LETTER_NAMES: Record<string, string> = {
  A: "ay", B: "bee", C: "see", D: "dee", E: "ee", F: "eff", G: "jee", H: "aitch", I: "eye",
  J: "jay", K: "kay", L: "ell", M: "em", N: "en", O: "oh", P: "pee", Q: "cue", R: "ar",
  S: "ess", T: "tee", U: "you", V: "vee", W: "double you", X: "ex", Y: "why", Z: "zed",
}; // prettier-ignore

/**
 * Text as the synthesisers need it: the voices read a lone capital "A" as the article, and
 * Festival mangles accented letters, so spelt-out names become letter names and accents go.
 */
function speakable(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\b[A-Z](?:, [A-Z]){2,}\b/g, (spelt) =>
      spelt
        .split(", ")
        .map((letter) => LETTER_NAMES[letter])
        .join(", "),
    );
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.error || result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} failed: ${result.error?.message ?? result.stderr}`,
    );
  }
}

function fileHasAudio(path: string): boolean {
  try {
    return readFileSync(path).length > 44;
  } catch {
    return false;
  }
}

function synthesise(speaker: Speaker, text: string, work: string, name: string): string {
  const synthesiser = SYNTHESISERS[speaker];
  const textFile = join(work, `${name}.txt`);
  const raw = join(work, `${name}.raw.wav`);
  const wav = join(work, `${name}.wav`);
  writeFileSync(textFile, `${speakable(text)}\n`);
  run(synthesiser.command, synthesiser.args(textFile, raw));
  // text2wave exits 0 even when the voice is missing, so the file is the only evidence.
  if (!fileHasAudio(raw)) {
    throw new Error(`No audio from ${speaker} voice; install ${synthesiser.package}: ${INSTALL}`);
  }
  run("sox", [
    "-R", "-D", raw, "-b", "16", "-c", "1", wav,
    "silence", "1", "0.02", "0.1%", "reverse", "silence", "1", "0.02", "0.1%", "reverse",
    "norm", "-3", "rate", String(RATE),
  ]); // prettier-ignore
  return wav;
}

function silence(seconds: number, work: string): string {
  const wav = join(work, `silence-${seconds}.wav`);
  run("sox", ["-R", "-D", "-n", "-r", String(RATE), "-c", "1", "-b", "16", wav, "trim", "0", String(seconds)]); // prettier-ignore
  return wav;
}

function preflight(work: string): void {
  const missing = ["text2wave", "espeak-ng", "sox", "opusenc", "lame"].filter(
    (command) => spawnSync("sh", ["-c", `command -v ${command}`]).status !== 0,
  );
  if (missing.length > 0) {
    throw new Error(`Missing ${missing.join(", ")}. Install with:\n  ${INSTALL}`);
  }
  for (const speaker of Object.keys(SYNTHESISERS) as Speaker[]) {
    synthesise(speaker, "Check.", work, `check-${speaker}`);
  }
}

function renderPart(test: ListeningTest, part: ListeningPart, work: string): string {
  const voices = new Map(part.speakers.map((s) => [s.id, s.voice]));
  const prefix = `${test.id}-part${part.number}`;
  const pieces = [
    silence(0.5, work),
    synthesise("announcer", part.introduction, work, `${prefix}-intro`),
    silence(AFTER_INTRODUCTION, work),
  ];
  part.script.forEach((line, i) => {
    if (i > 0) {
      const sameSpeaker = part.script[i - 1]!.speaker === line.speaker;
      pieces.push(silence(sameSpeaker ? PARAGRAPH_PAUSE : TURN_PAUSE, work));
    }
    pieces.push(synthesise(voices.get(line.speaker)!, line.text, work, `${prefix}-${i}`));
  });
  pieces.push(silence(1, work));
  const wav = join(work, `${prefix}.wav`);
  run("sox", ["-R", "-D", ...pieces, wav]);
  return wav;
}

const ENCODERS: Record<(typeof AUDIO_FORMATS)[number]["extension"], EncodeArgs> = {
  ogg: (wav, target, title) => [
    "opusenc",
    ["--quiet", "--bitrate", "12", "--speech", "--comp", "10", "--serial", "1",
     "--title", title, "--artist", "IELTS AI Prep", wav, target],
  ],
  // --resample keeps 16 kHz: at 16 kbit/s LAME would otherwise drop to 8 kHz, which muffles
  // the consonants that spelt names and numbers depend on.
  mp3: (wav, target, title) => [
    "lame",
    ["--silent", "-m", "m", "--cbr", "-b", "16", "--resample", "16", "-q", "2",
     "--tt", title, "--ta", "IELTS AI Prep", wav, target],
  ],
}; // prettier-ignore

type EncodeArgs = (wav: string, target: string, title: string) => [string, string[]];

const READERS = { ogg: oggOpusInfo, mp3: mp3Info };

function main(only: readonly string[]): void {
  const unknown = only.filter((id) => !listeningTests().some((test) => test.id === id));
  if (unknown.length > 0) throw new Error(`No Listening test ${unknown.join(", ")}.`);
  const work = mkdtempSync(join(tmpdir(), "ielts-audio-"));
  try {
    preflight(work);
    for (const test of listeningTests().filter((t) => only.length === 0 || only.includes(t.id))) {
      let bytes = 0;
      let seconds = 0;
      for (const part of test.parts) {
        const wav = renderPart(test, part, work);
        for (const format of AUDIO_FORMATS) {
          const target = join(PUBLIC_DIR, `${part.audio}.${format.extension}`);
          mkdirSync(join(target, ".."), { recursive: true });
          const partial = `${target}.partial`;
          run(...ENCODERS[format.extension](wav, partial, `${test.title}, Part ${part.number}`));
          renameSync(partial, target);
          const data = readFileSync(target);
          const duration = READERS[format.extension](data).seconds;
          const sha = createHash("sha256").update(data).digest("hex");
          bytes += data.length;
          if (format.extension === "ogg") seconds += duration;
          console.log(
            `${part.audio}.${format.extension}  ${formatDuration(duration)}  ${(data.length / 1024).toFixed(0)} KiB  sha256 ${sha}`,
          );
        }
      }
      console.log(
        `${test.id}: ${formatDuration(seconds)} in all, ${(bytes / 1e6).toFixed(2)} MB in both formats`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  // Counted on disk, so a run for one test still checks the whole bank against the budget.
  const total = listeningTests()
    .flatMap((test) => test.parts)
    .flatMap((part) => AUDIO_FORMATS.map((f) => join(PUBLIC_DIR, `${part.audio}.${f.extension}`)))
    .reduce((sum, file) => sum + (existsSync(file) ? statSync(file).size : 0), 0);
  console.log(`All Listening audio: ${(total / 1e6).toFixed(2)} MB`);
  if (total > AUDIO_BUDGET_BYTES) {
    throw new Error(`The audio is ${total} bytes; the budget is ${AUDIO_BUDGET_BYTES}.`);
  }
}

function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

main(process.argv.slice(2));
