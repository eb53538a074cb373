import { describe, expect, it } from "vitest";
import { costUsd } from "../src/ai/prices";
import { DEFAULT_USAGE, monthlyCost, PRICES_USD, total } from "./cost-model";

describe("monthlyCost", () => {
  it("scales every line with the number of students", () => {
    const one = monthlyCost(1_000);
    const two = monthlyCost(2_000);
    one.forEach((line, i) => expect(two[i]!.usd).toBeCloseTo(line.usd * 2, 9));
  });

  it("prices model tokens from src/ai/prices.ts and HTTP API requests per request", () => {
    const lines = monthlyCost(100);
    const tokens = lines.find((l) => l.item.startsWith("Model tokens"))!;
    expect(tokens.usd).toBeCloseTo(1_000 * costUsd("amazon.nova-micro-v1:0", 1500, 500), 12);
    const api = lines.find((l) => l.item === "HTTP API requests")!;
    expect(api.usd).toBeCloseTo(
      100 * DEFAULT_USAGE.requestsPerStudent * PRICES_USD.httpApiRequest,
      12,
    );
  });

  it("costs more with a dearer model and nothing for the offline scorer's tokens", () => {
    const flash = total(monthlyCost(100, { ...DEFAULT_USAGE, modelId: "gemini-2.5-flash" }));
    const local = monthlyCost(100, { ...DEFAULT_USAGE, modelId: "local" });
    expect(flash).toBeGreaterThan(total(monthlyCost(100)));
    expect(local.find((l) => l.item.startsWith("Model tokens"))!.usd).toBe(0);
  });
});
