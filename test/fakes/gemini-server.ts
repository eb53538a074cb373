import { sendJson, startScriptedServer, type ScriptedServer } from "./scripted-server";

/** A fake Gemini API serving `POST /v1beta/models/{model}:generateContent`. */
type GeminiBehaviour =
  /** A JSON answer: `answer` serialised as the candidate's text. */
  | {
      kind: "answer";
      answer: unknown;
      usage?: {
        promptTokenCount: number;
        candidatesTokenCount: number;
        promptTokensDetails?: { modality: "TEXT" | "AUDIO"; tokenCount: number }[];
      };
    }
  /** An answer that depends on what was asked (the request body as sent). */
  | { kind: "answer-for"; answer: (request: unknown) => unknown }
  /** Raw candidate text, e.g. malformed JSON. */
  | { kind: "text"; text: string; finishReason?: string }
  | { kind: "status"; status: number; message?: string }
  | { kind: "hang" };

export type FakeGemini = ScriptedServer<GeminiBehaviour> & {
  /** The model each generateContent call asked for, in order. */
  models(): string[];
};

type GenerateRequest = {
  contents?: { parts?: { inlineData?: { mimeType?: string } }[] }[];
};

const DOCUMENTED_AUDIO = new Set([
  "audio/wav",
  "audio/mp3",
  "audio/aiff",
  "audio/aac",
  "audio/ogg",
  "audio/flac",
]);

const DEFAULT_GEMINI_USAGE = { promptTokenCount: 1_500, candidatesTokenCount: 500 };

const STATUS_NAMES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  403: "PERMISSION_DENIED",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
};

const ROUTE = /^\/v1beta\/models\/([^/:]+):generateContent$/;

export async function startFakeGemini(): Promise<FakeGemini> {
  const server = await startScriptedServer<GeminiBehaviour>((behaviour, req, res) => {
    const model = ROUTE.exec(req.path)?.[1];
    if (req.method !== "POST" || !model) {
      sendJson(res, 404, { error: { code: 404, message: `no route ${req.path}` } });
      return;
    }
    // As the Gemini API does: audio only in the formats its documentation lists.
    const inline = (req.body as GenerateRequest | undefined)?.contents?.flatMap((c) =>
      (c.parts ?? []).map((p) => p.inlineData?.mimeType).filter(Boolean),
    );
    const unsupported = inline?.find((type) => !DOCUMENTED_AUDIO.has(type!));
    if (unsupported) {
      sendJson(res, 400, {
        error: {
          code: 400,
          message: `Unsupported MIME type: ${unsupported}`,
          status: "INVALID_ARGUMENT",
        },
      });
      return;
    }
    const b = behaviour ?? { kind: "status", status: 500, message: "no behaviour scripted" };
    if (b.kind === "hang") return;
    if (b.kind === "status") {
      sendJson(res, b.status, {
        error: {
          code: b.status,
          message: b.message ?? "scripted failure",
          status: STATUS_NAMES[b.status] ?? "UNKNOWN",
        },
      });
      return;
    }
    const usage = b.kind === "answer" ? (b.usage ?? DEFAULT_GEMINI_USAGE) : DEFAULT_GEMINI_USAGE;
    const text =
      b.kind === "answer"
        ? JSON.stringify(b.answer)
        : b.kind === "answer-for"
          ? JSON.stringify(b.answer(req.body))
          : b.text;
    sendJson(res, 200, {
      candidates: [
        {
          content: { role: "model", parts: [{ text }] },
          finishReason: b.kind === "text" ? (b.finishReason ?? "STOP") : "STOP",
          index: 0,
        },
      ],
      usageMetadata: {
        ...usage,
        totalTokenCount: usage.promptTokenCount + usage.candidatesTokenCount,
      },
      modelVersion: model,
    });
  });
  return {
    ...server,
    models: () => server.requests.map((r) => ROUTE.exec(r.path)?.[1] ?? ""),
  };
}
