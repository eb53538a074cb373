import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  it.each([
    "//evil.example",
    "/\\evil.example",
    // Dot segments collapse to "//evil.com" once normalised, which browsers read as a host.
    "/.//evil.com",
    "/..//evil.com",
    "/%2e//evil.com",
    "/a/..//evil.com/path",
    "/%2E%2E//evil.com",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "",
    null,
    undefined,
  ])("falls back to the dashboard for %s", (to) => {
    expect(safeRedirect(to)).toBe("/dashboard");
  });

  it.each([
    ["/assessments/123?tab=feedback", "/assessments/123?tab=feedback"],
    ["/profile#history", "/profile#history"],
  ])("keeps the local path %s", (to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });
});
