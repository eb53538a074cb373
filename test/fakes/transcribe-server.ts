import { existsSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { sendJson, startScriptedServer, type ScriptedServer } from "./scripted-server";

/**
 * A fake Amazon Transcribe speaking its JSON 1.1 protocol (POST /, `x-amz-target:
 * Transcribe.<Operation>`) for the real SDK client pointed at it with `endpoint`, plus the
 * transcript JSON a finished job's TranscriptFileUri points to. Jobs live in memory by name, so
 * starting a name twice is a ConflictException, as on AWS. A `file://` recording must exist (the
 * local audio store), or the job fails as Transcribe's does for a missing object.
 */
type TranscribeOutcome =
  /** Words about 0.4 s apart; `pauseAfter` adds a 3-second silence after that many words. */
  | {
      kind: "transcript";
      text: string;
      confidence?: number;
      pauseAfter?: number;
      /** GetTranscriptionJob answers IN_PROGRESS this many times before it is done. */
      pollsUntilDone?: number;
    }
  | { kind: "fail"; reason: string; pollsUntilDone?: number }
  /** StartTranscriptionJob itself is answered with this error. */
  | { kind: "refuse"; status: number; errorType: string; message?: string };

type Job = {
  name: string;
  languageCode: string;
  mediaUri: string;
  mediaFormat?: string;
  outcome: Exclude<TranscribeOutcome, { kind: "refuse" }>;
  polls: number;
};

export type FakeTranscribe = Omit<ScriptedServer<never>, "script" | "otherwise"> & {
  /** The outcome for jobs whose name contains `match`; the first plan that matches wins. */
  plan(match: string, outcome: TranscribeOutcome): void;
  /** The outcome for every other job (unset: a transcript of "Hello."). */
  otherwise(outcome: TranscribeOutcome): void;
  jobs: Map<string, Job>;
  /** How many StartTranscriptionJob calls were made. */
  starts(): number;
};

const JSON_11 = { "content-type": "application/x-amz-json-1.1" };

function awsError(res: ServerResponse, status: number, type: string, message: string) {
  sendJson(res, status, { __type: type, Message: message }, JSON_11);
}

function transcriptJson(job: Job): unknown {
  if (job.outcome.kind !== "transcript") throw new Error("no transcript for a failed job");
  const { text, confidence = 0.93, pauseAfter } = job.outcome;
  const tokens = text.match(/[\p{L}\p{N}']+|[.,!?;:]/gu) ?? [];
  let clock = 0.5;
  let spoken = 0;
  const items = tokens.map((token, id) => {
    if (!/[\p{L}\p{N}]/u.test(token)) {
      return { id, type: "punctuation", alternatives: [{ confidence: "0.0", content: token }] };
    }
    const start = clock;
    const end = start + 0.3;
    clock = end + 0.1 + (++spoken === pauseAfter ? 3 : 0);
    return {
      id,
      type: "pronunciation",
      alternatives: [{ confidence: String(confidence), content: token }],
      start_time: start.toFixed(3),
      end_time: end.toFixed(3),
    };
  });
  return {
    jobName: job.name,
    accountId: "123456789012",
    status: "COMPLETED",
    results: { transcripts: [{ transcript: text }], items },
  };
}

export async function startFakeTranscribe(port = 0): Promise<FakeTranscribe> {
  const plans: { match: string; outcome: TranscribeOutcome }[] = [];
  let fallback: TranscribeOutcome = { kind: "transcript", text: "Hello." };
  const jobs = new Map<string, Job>();
  let url = "";

  const describe = (job: Job) => {
    // Start answers IN_PROGRESS, as Transcribe does; each poll moves the job on.
    const done = job.polls > (job.outcome.pollsUntilDone ?? 0);
    const status = !done ? "IN_PROGRESS" : job.outcome.kind === "fail" ? "FAILED" : "COMPLETED";
    return {
      TranscriptionJob: {
        TranscriptionJobName: job.name,
        TranscriptionJobStatus: status,
        LanguageCode: job.languageCode,
        Media: { MediaFileUri: job.mediaUri },
        ...(job.mediaFormat ? { MediaFormat: job.mediaFormat } : {}),
        CreationTime: Date.now() / 1000,
        ...(status === "COMPLETED"
          ? { Transcript: { TranscriptFileUri: `${url}/transcripts/${job.name}.json` } }
          : {}),
        ...(status === "FAILED" && job.outcome.kind === "fail"
          ? { FailureReason: job.outcome.reason }
          : {}),
      },
    };
  };

  const server = await startScriptedServer<never>((_, req, res) => {
    if (req.method === "GET" && req.path.startsWith("/transcripts/")) {
      const job = jobs.get(req.path.slice("/transcripts/".length).replace(/\.json$/, ""));
      if (!job || job.outcome.kind !== "transcript") {
        sendJson(res, 404, { message: "NoSuchKey" });
        return;
      }
      sendJson(res, 200, transcriptJson(job));
      return;
    }
    const target = String(req.headers["x-amz-target"] ?? "");
    const body = req.body as Record<string, unknown>;
    const name = String(body.TranscriptionJobName ?? "");
    if (target === "Transcribe.StartTranscriptionJob") {
      const outcome = plans.find((p) => name.includes(p.match))?.outcome ?? fallback;
      if (outcome.kind === "refuse") {
        awsError(res, outcome.status, outcome.errorType, outcome.message ?? outcome.errorType);
        return;
      }
      if (jobs.has(name)) {
        awsError(res, 400, "ConflictException", "The requested job name already exists.");
        return;
      }
      const media = body.Media as { MediaFileUri?: string } | undefined;
      const mediaUri = media?.MediaFileUri ?? "";
      const missing = mediaUri.startsWith("file:") && !existsSync(fileURLToPath(mediaUri));
      const job: Job = {
        name,
        languageCode: String(body.LanguageCode),
        mediaUri,
        ...(typeof body.MediaFormat === "string" ? { mediaFormat: body.MediaFormat } : {}),
        outcome: missing
          ? { kind: "fail", reason: "The specified media file does not exist." }
          : outcome,
        polls: 0,
      };
      jobs.set(name, job);
      sendJson(res, 200, describe(job), JSON_11);
      return;
    }
    if (target === "Transcribe.GetTranscriptionJob") {
      const job = jobs.get(name);
      if (!job) {
        awsError(res, 400, "BadRequestException", "The requested job couldn't be found.");
        return;
      }
      job.polls++;
      sendJson(res, 200, describe(job), JSON_11);
      return;
    }
    awsError(res, 400, "UnknownOperationException", `no operation ${target}`);
  }, port);
  url = server.url;

  return {
    url: server.url,
    requests: server.requests,
    jobs,
    plan: (match, outcome) => plans.push({ match, outcome }),
    otherwise: (outcome) => {
      fallback = outcome;
    },
    starts: () =>
      server.requests.filter(
        (r) => r.headers["x-amz-target"] === "Transcribe.StartTranscriptionJob",
      ).length,
    reset: () => {
      server.reset();
      plans.length = 0;
      jobs.clear();
      fallback = { kind: "transcript", text: "Hello." };
    },
    close: () => server.close(),
  };
}
