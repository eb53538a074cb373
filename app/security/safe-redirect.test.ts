import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  it.each([
    ["/assessments/123?tab=feedback", "/assessments/123?tab=feedback"],
    ["/profile#history", "/profile#history"],
  ])("keeps the local path %s", (to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "",
    null,
    undefined,
  ])("falls back to the dashboard for %s", (to) => {
    expect(safeRedirect(to)).toBe("/dashboard");
  });
});
