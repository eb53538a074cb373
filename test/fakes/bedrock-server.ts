import { sendJson, startScriptedServer, type ScriptedServer } from "./scripted-server";

/**
 * A fake Bedrock Runtime speaking the Converse wire format (REST-JSON) over HTTP/1.1, for the
 * real SDK client pointed at it with `endpoint` and a NodeHttpHandler.
 */
type BedrockBehaviour =
  /** A tool-use answer whose input is `answer`. */
  | {
      kind: "answer";
      answer: unknown;
      usage?: { inputTokens: number; outputTokens: number };
      /** Answers after this long: a slow model, for overlapping deliveries. */
      delayMs?: number;
    }
  /** A plain text answer, e.g. malformed JSON. */
  | { kind: "text"; text: string; stopReason?: string }
  | { kind: "stop"; stopReason: string }
  | { kind: "status"; status: number; errorType?: string; message?: string }
  | { kind: "hang" };

export type FakeBedrock = ScriptedServer<BedrockBehaviour>;

const ERROR_TYPES: Record<number, string> = {
  400: "ValidationException",
  403: "AccessDeniedException",
  429: "ThrottlingException",
  500: "InternalServerException",
  503: "ServiceUnavailableException",
};

const DEFAULT_USAGE = { inputTokens: 1_500, outputTokens: 500 };

type ConverseBody = { toolConfig?: { toolChoice?: { tool?: { name?: string } } } };

/** `port` 0 picks a free one; Sandbox tests pass the fixed port its workers were told. */
export function startFakeBedrock(port = 0): Promise<FakeBedrock> {
  return startScriptedServer<BedrockBehaviour>((behaviour, req, res) => {
    if (req.method !== "POST" || !/^\/model\/[^/]+\/converse$/.test(req.path)) {
      sendJson(res, 404, { message: `no route ${req.method} ${req.path}` });
      return;
    }
    const b = behaviour ?? { kind: "status", status: 500, message: "no behaviour scripted" };
    if (b.kind === "hang") return;
    if (b.kind === "status") {
      const errorType = b.errorType ?? ERROR_TYPES[b.status] ?? "InternalServerException";
      sendJson(
        res,
        b.status,
        { message: b.message ?? errorType },
        { "x-amzn-errortype": errorType },
      );
      return;
    }
    const usage = b.kind === "answer" ? (b.usage ?? DEFAULT_USAGE) : DEFAULT_USAGE;
    const content =
      b.kind === "answer"
        ? [
            {
              toolUse: {
                toolUseId: `tooluse_${Date.now()}`,
                name: (req.body as ConverseBody).toolConfig?.toolChoice?.tool?.name ?? "tool",
                input: b.answer,
              },
            },
          ]
        : b.kind === "text"
          ? [{ text: b.text }]
          : [];
    const answer = () =>
      sendJson(res, 200, {
        output: { message: { role: "assistant", content } },
        stopReason: b.kind === "answer" ? "tool_use" : (b.stopReason ?? "end_turn"),
        usage: { ...usage, totalTokens: usage.inputTokens + usage.outputTokens },
        metrics: { latencyMs: 5 },
      });
    if (b.kind === "answer" && b.delayMs) setTimeout(answer, b.delayMs);
    else answer();
  }, port);
}
