import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandOutput,
} from "@aws-sdk/client-bedrock-runtime";
import { ProviderError, kindForStatus } from "./errors";
import { answerFields, validateAndClamp } from "./guards";
import { costUsd, hasPrice } from "./prices";
import { singleAttemptConfig, type ClientOptions } from "./sdk-client";
import { answerJsonSchema, systemPrompt, userMessage } from "./prompt";
import type { ScoringProvider, ScoringRequest } from "./types";

export const NOVA_MICRO = "amazon.nova-micro-v1:0";
/**
 * Nova Micro is served on demand in us-east-1 (among few regions), not in the app's eu-west-2:
 * the region goes with the model id. For data kept in the EU, BEDROCK_MODEL_ID
 * "eu.amazon.nova-micro-v1:0" (the EU cross-region inference profile) with BEDROCK_REGION set
 * to one of that profile's source regions.
 */
export const DEFAULT_BEDROCK_REGION = "us-east-1";

/**
 * Greedy decoding, as AWS recommends for Nova tool use: temperature 0 in Converse's own
 * settings, and topK 1, which Converse has no field for, in Nova's request fields.
 */
export const NOVA_TOOL_USE_FIELDS = { inferenceConfig: { topK: 1 } };
const TOOL_NAME = "record_assessment";

/**
 * The chain owns retries, so the SDK's own are off: otherwise one chain attempt could become
 * three calls and overrun the budget the worker's timeout was sized for.
 */
export function createBedrockClient(options: ClientOptions = {}) {
  return new BedrockRuntimeClient(singleAttemptConfig(options));
}

export type BedrockProviderOptions = {
  client?: BedrockRuntimeClient;
  modelId?: string;
  maxTokens?: number;
};

const REFUSALS = new Set(["content_filtered", "guardrail_intervened"]);

function classify(error: unknown, modelId: string): ProviderError {
  if (error instanceof ProviderError) return error;
  const e = error as {
    name?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const message = e.message ?? String(error);
  if (e.name === "AbortError") return new ProviderError("timeout", message, "bedrock", modelId);
  const kind =
    e.name === "ThrottlingException" || e.name === "ModelNotReadyException"
      ? "throttled"
      : kindForStatus(e.$metadata?.httpStatusCode);
  return new ProviderError(kind, `${e.name ?? "Error"}: ${message}`, "bedrock", modelId, {
    cause: error,
  });
}

/** Nova Micro reads text only, so a recording is not sent and P is not asked for. */
const withoutAudio = (req: ScoringRequest): ScoringRequest =>
  req.kind === "speaking" ? { ...req, audio: undefined } : req;

function toolInput(output: ConverseCommandOutput): unknown {
  const content = output.output?.message?.content ?? [];
  const tool = content.find((c) => c.toolUse?.name === TOOL_NAME)?.toolUse;
  if (tool) return tool.input;
  // Without tool support a model may still answer with the JSON as text.
  return content.find((c) => typeof c.text === "string")?.text;
}

export function createBedrockProvider(options: BedrockProviderOptions = {}): ScoringProvider {
  const modelId = options.modelId ?? NOVA_MICRO;
  const maxTokens = options.maxTokens ?? 1_500;
  if (!hasPrice(modelId)) throw new Error(`No price for Bedrock model "${modelId}".`);
  const client = options.client ?? createBedrockClient();

  return {
    name: "bedrock",
    async score(request, signal) {
      const req = withoutAudio(request);
      const started = Date.now();
      const command = new ConverseCommand({
        modelId,
        system: [{ text: systemPrompt(req) }],
        messages: [{ role: "user", content: [{ text: userMessage(req) }] }],
        inferenceConfig: { temperature: 0, maxTokens },
        additionalModelRequestFields: NOVA_TOOL_USE_FIELDS,
        toolConfig: {
          tools: [
            {
              toolSpec: {
                name: TOOL_NAME,
                description: "Record the assessment of the candidate's answer.",
                inputSchema: { json: answerJsonSchema(req) },
              },
            },
          ],
          toolChoice: { tool: { name: TOOL_NAME } },
        },
      });
      let output: ConverseCommandOutput;
      try {
        output = await client.send(command, { abortSignal: signal });
      } catch (error) {
        throw classify(error, modelId);
      }
      const inputTokens = output.usage?.inputTokens ?? 0;
      const outputTokens = output.usage?.outputTokens ?? 0;
      // An answer that cannot be used was still generated, and is billed.
      const billed = {
        inputTokens,
        outputTokens,
        costUsd: costUsd(modelId, inputTokens, outputTokens),
      };
      const stop = output.stopReason ?? "unknown";
      if (REFUSALS.has(stop)) {
        throw new ProviderError("refused-output", `stopped: ${stop}`, "bedrock", modelId, {
          billed,
        });
      }
      if (stop === "max_tokens") {
        throw new ProviderError(
          "invalid-output",
          `answer cut off at ${maxTokens} tokens`,
          "bedrock",
          modelId,
          { billed },
        );
      }
      const answer = validateAndClamp(toolInput(output), req);
      if (!answer.ok) {
        throw new ProviderError("invalid-output", answer.reason, "bedrock", modelId, { billed });
      }
      return {
        ...answerFields(answer.value),
        provider: "bedrock",
        modelId,
        inputTokens,
        outputTokens,
        costUsd: billed.costUsd,
        latencyMs: Date.now() - started,
      };
    },
  };
}
