import { createBedrockClient, createBedrockProvider } from "./bedrock";
import { createGeminiProvider } from "./gemini";
import { createLocalProvider } from "./local";
import type { ProviderName, ScoringProvider } from "./types";

const CLOUD: readonly ProviderName[] = ["bedrock", "gemini"];

/**
 * Providers in the order to try them. AI_PROVIDERS names the order ("bedrock,local",
 * "gemini,local"); without it, Gemini is used when it has a key. Bedrock is never implied:
 * a Lambda always has AWS credentials, so their presence says nothing about intent. The
 * offline scorer always comes last, so a submission can always be scored. A named provider
 * that cannot be built (Gemini without a key, an unknown name) is a deployment error and
 * throws at start-up rather than quietly scoring offline.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export function providersFromEnv(env: Env = process.env): ScoringProvider[] {
  const listed = env.AI_PROVIDERS?.split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  const names = listed ?? (env.GEMINI_API_KEY ? ["gemini"] : []);
  const providers: ScoringProvider[] = [];
  for (const name of new Set(names)) {
    if (name === "local") continue;
    if (!CLOUD.includes(name as ProviderName)) {
      throw new Error(`AI_PROVIDERS: unknown provider "${name}"; use bedrock, gemini or local.`);
    }
    providers.push(name === "bedrock" ? bedrockFromEnv(env) : geminiFromEnv(env));
  }
  providers.push(createLocalProvider());
  return providers;
}

function bedrockFromEnv(env: Env): ScoringProvider {
  const client = createBedrockClient({
    ...(env.BEDROCK_ENDPOINT ? { endpoint: env.BEDROCK_ENDPOINT } : {}),
    ...(env.AWS_REGION ? { region: env.AWS_REGION } : {}),
  });
  return createBedrockProvider({
    client,
    ...(env.BEDROCK_MODEL_ID ? { modelId: env.BEDROCK_MODEL_ID } : {}),
  });
}

function geminiFromEnv(env: Env): ScoringProvider {
  if (!env.GEMINI_API_KEY) {
    throw new Error("AI_PROVIDERS names gemini, but GEMINI_API_KEY is not set.");
  }
  return createGeminiProvider({
    apiKey: env.GEMINI_API_KEY,
    ...(env.GEMINI_BASE_URL ? { baseUrl: env.GEMINI_BASE_URL } : {}),
  });
}
