import { appendFile, readFile, writeFile } from "node:fs/promises";
import { bandCommand } from "./band";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from "./io";

export const HELP = `ielts: IELTS band maths and offline scoring

Usage:
  ielts band listening RAW               raw score (0-40) to band, e.g. "ielts band listening 30" -> 7
  ielts band reading-academic RAW
  ielts band reading-general RAW
  ielts band overall L R W S             overall band from the four skill bands
  ielts band writing T1 T2               Writing band as (T1 + 2 x T2) / 3 (an approximation:
                                         the test owners do not publish the weighting)
  ielts band speaking FC LR GRA [P]      Speaking band; without P pronunciation is not assessed

  ielts score --csv FILE [--module academic|general]
        Score essays offline. FILE is RFC 4180 CSV with columns id, task (1 or 2), prompt,
        essay; extra columns are ignored. Writes one JSON object per line to stdout:
        {"id","task","overall","criteria","wordCount","flags"}, or {"id","error"} for a bad
        row. --module sets the Task 1 form (default academic).

  ielts evaluate --csv FILE [--module academic|general] [--json]
        Score FILE and compare with its "band" column, per task and overall: n, mean
        absolute error, share within half a band, quadratic weighted kappa and a confusion
        table (true bands in rows, predicted in columns).

  ielts evaluate --provider bedrock|gemini --csv FILE [--out FILE] [--concurrency N]
                 [--module academic|general]
        Score FILE with a cloud model (configured as the workers are: GEMINI_API_KEY, or AWS
        credentials with BEDROCK_REGION and BEDROCK_MODEL_ID) and compare with its "band"
        column. Each answer is appended to --out (default FILE.<provider>.jsonl) as it comes
        back, so a run stopped halfway resumes where it stopped; at most --concurrency calls
        (default 4) run at once. Prints the agreement and what the calls cost.

  ielts calibrate --results FILE.jsonl [--out FILE]
        Fit a monotone mapping from the model's bands to the examiners' (per provider and
        model, with 5-fold cross-validated figures) and store it in --out (default
        src/ai/calibrations.json), which the scoring workers apply to that model's bands.

  ielts speak --transcript FILE [--timings FILE] [--part 1|2|3]
        Score a speaking answer from its transcript. --timings is a JSON array of
        {"word","start","end"} in seconds (optionally "confidence" 0-1).

  ielts --help                           this text

Exit codes: 0 success, 1 failure, 2 bad arguments or input.
`;

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  readFile: (path) => readFile(path, "utf8"),
  appendFile: (path, text) => appendFile(path, text, "utf8"),
  writeFile: (path, text) => writeFile(path, text, "utf8"),
  env: process.env,
};

/** Runs one command and returns the exit code; never calls process.exit so output is flushed. */
export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case "--help":
      case "-h":
      case "help":
        io.stdout(HELP);
        return command === undefined ? EXIT_USAGE : EXIT_OK;
      case "band":
        bandCommand(rest, io);
        return EXIT_OK;
      // Scoring commands load their modules on demand: the language analysers take seconds
      // to load and `ielts band` should not wait for them.
      case "score":
        await (await import("./score")).scoreCommand(rest, io);
        return EXIT_OK;
      case "evaluate":
        if (rest.some((arg) => arg === "--provider" || arg.startsWith("--provider="))) {
          await (await import("./cloud")).evaluateCloudCommand(rest, io);
        } else await (await import("./score")).evaluateCommand(rest, io);
        return EXIT_OK;
      case "calibrate":
        await (await import("./cloud")).calibrateCommand(rest, io);
        return EXIT_OK;
      case "speak":
        await (await import("./speak")).speakCommand(rest, io);
        return EXIT_OK;
      default:
        throw new UsageError(`Unknown command "${command}". Run "ielts --help".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`ielts: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`ielts: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
}
