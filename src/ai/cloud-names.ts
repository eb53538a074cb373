export type Env = Readonly<Record<string, string | undefined>>;

const CLOUD = ["bedrock", "gemini"] as const;
export type CloudProviderName = (typeof CLOUD)[number];

/**
 * Cloud providers in the order to try them. AI_PROVIDERS names the order ("bedrock,local",
 * "gemini,local"); without it, Gemini is used when it has a key. Bedrock is never implied:
 * a Lambda always has AWS credentials, so their presence says nothing about intent. The
 * offline scorer always comes last, so a submission can always be scored. An unknown name is a
 * deployment error and throws at start-up rather than quietly scoring offline. This module
 * loads no SDK, so the web Lambda can ask whether any cloud model is configured.
 */
export function cloudProviderNames(env: Env = process.env): CloudProviderName[] {
  const listed = env.AI_PROVIDERS?.split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  const names: string[] = [];
  for (const name of new Set(listed ?? (env.GEMINI_API_KEY ? ["gemini"] : []))) {
    if (name === "local") continue;
    if (!(CLOUD as readonly string[]).includes(name)) {
      throw new Error(`AI_PROVIDERS: unknown provider "${name}"; use bedrock, gemini or local.`);
    }
    names.push(name);
  }
  return names as CloudProviderName[];
}
