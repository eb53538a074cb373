import {
  createBedrockClient,
  createBedrockProvider,
  DEFAULT_BEDROCK_REGION,
  NOVA_MICRO,
} from "./bedrock";
import { cloudProviderNames, type Env } from "./cloud-names";
import type { Explainer } from "./explain";
import { createBedrockExplainer, createGeminiExplainer } from "./explainers";
import { createGeminiProvider, DEFAULT_GEMINI_MODELS } from "./gemini";
import { createLocalProvider } from "./local";
import type { ScoringProvider } from "./types";

export type { Env };

/** The cloud providers configured, in order; see cloud-names.ts. */
export function providersFromEnv(env: Env = process.env): ScoringProvider[] {
  const providers = cloudProviderNames(env).map((name) => cloudProviderFromEnv(name, env));
  providers.push(createLocalProvider());
  return providers;
}

/** One cloud provider by name, configured as the workers configure it (for `ielts evaluate`). */
export function cloudProviderFromEnv(name: "bedrock" | "gemini", env: Env = process.env) {
  return name === "bedrock" ? bedrockFromEnv(env) : geminiFromEnv(env);
}

/** The same cloud models, asked to explain wrong Reading and Listening answers. */
export function explainersFromEnv(env: Env = process.env): Explainer[] {
  return cloudProviderNames(env).map((name) => {
    if (name === "bedrock") {
      return createBedrockExplainer(bedrockClientFromEnv(env), env.BEDROCK_MODEL_ID ?? NOVA_MICRO);
    }
    return createGeminiExplainer({
      apiKey: requireGeminiKey(env),
      modelId: DEFAULT_GEMINI_MODELS.light,
      ...(env.GEMINI_BASE_URL ? { baseUrl: env.GEMINI_BASE_URL } : {}),
    });
  });
}

// Not the Lambda's own AWS_REGION: the model is served where BEDROCK_REGION says.
function bedrockClientFromEnv(env: Env) {
  return createBedrockClient({
    ...(env.BEDROCK_ENDPOINT ? { endpoint: env.BEDROCK_ENDPOINT } : {}),
    region: env.BEDROCK_REGION || DEFAULT_BEDROCK_REGION,
  });
}

function bedrockFromEnv(env: Env): ScoringProvider {
  return createBedrockProvider({
    client: bedrockClientFromEnv(env),
    ...(env.BEDROCK_MODEL_ID ? { modelId: env.BEDROCK_MODEL_ID } : {}),
  });
}

function requireGeminiKey(env: Env): string {
  if (!env.GEMINI_API_KEY) {
    throw new Error("AI_PROVIDERS names gemini, but GEMINI_API_KEY is not set.");
  }
  return env.GEMINI_API_KEY;
}

function geminiFromEnv(env: Env): ScoringProvider {
  return createGeminiProvider({
    apiKey: requireGeminiKey(env),
    ...(env.GEMINI_BASE_URL ? { baseUrl: env.GEMINI_BASE_URL } : {}),
  });
}
