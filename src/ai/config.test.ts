import { describe, expect, it } from "vitest";
import { providersFromEnv, type Env } from "./config";

const names = (env: Env) => providersFromEnv(env).map((p) => p.name);

describe("providersFromEnv", () => {
  it("scores offline when no cloud provider is configured", () => {
    expect(names({})).toEqual(["local"]);
    expect(names({ AWS_ACCESS_KEY_ID: "AKIA", AWS_REGION: "eu-west-2" })).toEqual(["local"]);
  });

  it("uses Gemini when it has a key and nothing else is named", () => {
    expect(names({ GEMINI_API_KEY: "k" })).toEqual(["gemini", "local"]);
  });

  it("follows AI_PROVIDERS and always ends with the offline scorer", () => {
    const env = { AWS_REGION: "eu-west-2", GEMINI_API_KEY: "k" };
    expect(names({ ...env, AI_PROVIDERS: "bedrock,local" })).toEqual(["bedrock", "local"]);
    expect(names({ ...env, AI_PROVIDERS: "gemini, bedrock" })).toEqual([
      "gemini",
      "bedrock",
      "local",
    ]);
    expect(names({ ...env, AI_PROVIDERS: "local,bedrock" })).toEqual(["bedrock", "local"]);
    expect(names({ ...env, AI_PROVIDERS: "local" })).toEqual(["local"]);
  });

  it("fails loudly on a provider it cannot build", () => {
    expect(() => names({ AI_PROVIDERS: "openai" })).toThrow(/unknown provider "openai"/);
    expect(() => names({ AI_PROVIDERS: "gemini" })).toThrow(/GEMINI_API_KEY/);
  });
});
