import type { Billed } from "../domain/assessment";
import type { ScoringResult } from "../domain/result";
import {
  GoogleGenerativeAI,
  GoogleGenerativeAIAbortError,
  GoogleGenerativeAIFetchError,
  GoogleGenerativeAIResponseError,
  type GenerationConfig,
  type Part,
  type ResponseSchema,
} from "@google/generative-ai";
import { ProviderError, kindForStatus } from "./errors";
import { answerFields, validateAndClamp, type ValidatedAnswer, type Validation } from "./guards";
import { costUsd, hasPrice } from "./prices";
import { geminiAudio } from "./audio-format";
import { answerJsonSchema, systemPrompt, userMessage, type JsonSchema } from "./prompt";
import type { ScoringProvider, ScoringRequest } from "./types";

export type GeminiTier = "light" | "strong";
export type GeminiModels = Record<GeminiTier, string>;

export const DEFAULT_GEMINI_MODELS: GeminiModels = {
  light: "gemini-2.5-flash-lite",
  strong: "gemini-2.5-flash",
};

export type GeminiProviderOptions = {
  apiKey: string;
  baseUrl?: string;
  models?: GeminiModels;
  /** Tokens for the answer itself; the strong model's thinking budget comes on top. */
  maxOutputTokens?: number;
  strongThinkingBudget?: number;
};

/**
 * Task 1 reports and letters and Speaking Parts 1-2 are short and closely specified; Task 2
 * essays and Part 3 discussion are judged on argument, where the stronger model earns its
 * price.
 */
export function selectGeminiModel(req: ScoringRequest): { model: GeminiTier; reason: string } {
  if (req.kind === "writing") {
    return req.task === 1
      ? { model: "light", reason: `Writing Task 1 (${req.module}): short, closely specified task` }
      : { model: "strong", reason: "Writing Task 2 essay: argument and development to judge" };
  }
  return req.part === 3
    ? { model: "strong", reason: "Speaking Part 3: abstract discussion to judge" }
    : { model: "light", reason: `Speaking Part ${req.part}: short, familiar-topic answer` };
}

/** Criteria further apart than this rarely describe one candidate: a sign of a shaky reading. */
const MAX_CRITERIA_SPREAD = 2;

function doubtAbout(answer: ValidatedAnswer): string | null {
  if (answer.confidence === "low") return "the light model reported low confidence";
  const bands = Object.values(answer.criteria);
  const spread = Math.max(...bands) - Math.min(...bands);
  return spread > MAX_CRITERIA_SPREAD ? `its criteria were ${spread} bands apart` : null;
}

/** Gemini's schema dialect marks string enums with format "enum". */
function toGeminiSchema(schema: JsonSchema): ResponseSchema {
  const { properties, items, ...rest } = schema;
  return {
    ...rest,
    ...(rest.enum ? { format: "enum" } : {}),
    ...(properties
      ? {
          properties: Object.fromEntries(
            Object.entries(properties).map(([k, v]) => [k, toGeminiSchema(v)]),
          ),
        }
      : {}),
    ...(items ? { items: toGeminiSchema(items) } : {}),
  } as ResponseSchema;
}

const REFUSALS = new Set(["SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII"]);

function classify(error: unknown, modelId: string): ProviderError {
  if (error instanceof ProviderError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const kind =
    error instanceof GoogleGenerativeAIFetchError
      ? kindForStatus(error.status)
      : error instanceof GoogleGenerativeAIAbortError
        ? "timeout"
        : error instanceof GoogleGenerativeAIResponseError
          ? "refused-output"
          : "unavailable";
  return new ProviderError(kind, message, "gemini", modelId, { cause: error });
}

type Call = {
  modelId: string;
  answer: Validation;
  inputTokens: number;
  outputTokens: number;
  audioTokens: number;
};

/**
 * The request with its recording in a format Gemini documents (Chrome's WebM becomes Ogg). One
 * that cannot be converted is left out, so the part is scored from its transcript without
 * Pronunciation; with no transcript either there is nothing this model can score.
 */
function withDocumentedAudio(req: ScoringRequest): ScoringRequest {
  if (req.kind !== "speaking" || !req.audio) return req;
  const audio = geminiAudio(req.audio);
  if (audio) return { ...req, audio };
  if (req.transcript.trim() === "") {
    throw new ProviderError(
      "rejected",
      `a ${req.audio.mimeType} recording is not a format Gemini reads`,
      "gemini",
    );
  }
  const { audio: _unreadable, ...textOnly } = req;
  return textOnly;
}

export function createGeminiProvider(options: GeminiProviderOptions): ScoringProvider {
  const models = options.models ?? DEFAULT_GEMINI_MODELS;
  for (const id of Object.values(models)) {
    if (!hasPrice(id)) throw new Error(`No price for Gemini model "${id}".`);
  }
  const maxOutputTokens = options.maxOutputTokens ?? 1_500;
  const thinkingBudget = options.strongThinkingBudget ?? 1_024;
  const genAI = new GoogleGenerativeAI(options.apiKey);
  const requestOptions = options.baseUrl ? { baseUrl: options.baseUrl } : {};

  async function call(tier: GeminiTier, req: ScoringRequest, signal: AbortSignal): Promise<Call> {
    const modelId = models[tier];
    // Thinking tokens count against maxOutputTokens, so the strong model's budget is added on.
    const budget = tier === "strong" ? thinkingBudget : 0;
    const generationConfig: GenerationConfig & { thinkingConfig: { thinkingBudget: number } } = {
      temperature: 0,
      responseMimeType: "application/json",
      responseSchema: toGeminiSchema(answerJsonSchema(req)),
      maxOutputTokens: maxOutputTokens + budget,
      thinkingConfig: { thinkingBudget: budget },
    };
    const model = genAI.getGenerativeModel(
      { model: modelId, systemInstruction: systemPrompt(req), generationConfig },
      requestOptions,
    );
    const parts: Part[] = [{ text: userMessage(req) }];
    if (req.kind === "speaking" && req.audio) {
      parts.push({
        inlineData: {
          mimeType: req.audio.mimeType,
          data: Buffer.from(req.audio.data).toString("base64"),
        },
      });
    }
    try {
      const { response } = await model.generateContent(
        { contents: [{ role: "user", parts }] },
        { signal },
      );
      const usage = response.usageMetadata as
        (NonNullable<typeof response.usageMetadata> & { thoughtsTokenCount?: number }) | undefined;
      const finish = response.candidates?.[0]?.finishReason;
      if (finish && REFUSALS.has(finish)) {
        throw new ProviderError("refused-output", `stopped: ${finish}`, "gemini", modelId);
      }
      const inputTokens = usage?.promptTokenCount ?? 0;
      const audioTokens = (
        (usage as { promptTokensDetails?: { modality?: string; tokenCount?: number }[] })
          ?.promptTokensDetails ?? []
      )
        .filter((detail) => detail.modality === "AUDIO")
        .reduce((sum, detail) => sum + (detail.tokenCount ?? 0), 0);
      const outputTokens = (usage?.candidatesTokenCount ?? 0) + (usage?.thoughtsTokenCount ?? 0);
      const answer: Validation =
        finish === "MAX_TOKENS"
          ? { ok: false, reason: `answer cut off at ${maxOutputTokens} tokens` }
          : validateAndClamp(response.text(), req);
      return { modelId, answer, inputTokens, outputTokens, audioTokens };
    } catch (error) {
      throw classify(error, modelId);
    }
  }

  return {
    name: "gemini",
    hearsAudio: true,
    async score(given, signal) {
      const req = withDocumentedAudio(given);
      const started = Date.now();
      const choice = selectGeminiModel(req);
      const other: GeminiTier = choice.model === "light" ? "strong" : "light";
      const calls: Call[] = [];
      const attempt = async (tier: GeminiTier): Promise<ValidatedAnswer> => {
        const made = await call(tier, req, signal);
        calls.push(made);
        if (!made.answer.ok) {
          throw new ProviderError("invalid-output", made.answer.reason, "gemini", made.modelId);
        }
        return made.answer.value;
      };
      const result = (answer: ValidatedAnswer, tier: GeminiTier, reason: string) =>
        toResult(answer, models[tier], reason, calls, started);

      let first: ValidatedAnswer;
      try {
        first = await attempt(choice.model);
      } catch (error) {
        // A timeout means the chain has already given up on this call.
        if (signal.aborted) throw error;
        const why = error instanceof Error ? error.message : String(error);
        let second: ValidatedAnswer;
        try {
          second = await attempt(other);
        } catch (secondError) {
          throw withBilling(secondError, calls);
        }
        return result(
          second,
          other,
          `${choice.reason}; the ${choice.model} model failed (${why}), so the ${other} model scored`,
        );
      }
      const doubt = choice.model === "light" ? doubtAbout(first) : null;
      if (!doubt) return result(first, choice.model, choice.reason);
      try {
        const second = await attempt("strong");
        return result(second, "strong", `${choice.reason}; escalated because ${doubt}`);
      } catch (error) {
        if (signal.aborted) throw error;
        const why = error instanceof Error ? error.message : String(error);
        return result(
          first,
          "light",
          `${choice.reason}; ${doubt}, but the strong model failed (${why}), so the light answer stands`,
        );
      }
    },
  };
}

/** Every call is billed, including an answer that was escalated or failed validation. */
function billedFor(calls: readonly Call[]): Billed {
  const sum = (pick: (c: Call) => number) => calls.reduce((total, c) => total + pick(c), 0);
  return {
    inputTokens: sum((c) => c.inputTokens),
    outputTokens: sum((c) => c.outputTokens),
    costUsd:
      Math.round(
        sum((c) => costUsd(c.modelId, c.inputTokens, c.outputTokens, c.audioTokens)) * 1e9,
      ) / 1e9,
  };
}

/** Both models failed: the error carries what their answers cost. */
function withBilling(error: unknown, calls: readonly Call[]): unknown {
  if (!(error instanceof ProviderError) || calls.length === 0) return error;
  return new ProviderError(error.kind, error.message, "gemini", error.modelId, {
    cause: error.cause,
    billed: billedFor(calls),
  });
}

function toResult(
  answer: ValidatedAnswer,
  modelId: string,
  selectionReason: string,
  calls: readonly Call[],
  started: number,
): ScoringResult {
  return {
    ...answerFields(answer),
    provider: "gemini",
    modelId,
    selectionReason,
    ...billedFor(calls),
    latencyMs: Date.now() - started,
  };
}
