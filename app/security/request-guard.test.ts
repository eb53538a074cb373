import { describe, expect, it } from "vitest";
import {
  guardRequest,
  isCrossSite,
  MAX_FORM_BYTES,
  MAX_UPLOAD_BYTES,
} from "./request-guard.server";

const host = { host: "ielts.example" };

describe("isCrossSite", () => {
  it("accepts same-origin fetch metadata and matching Origin", () => {
    expect(isCrossSite({ ...host, "sec-fetch-site": "same-origin" })).toBe(false);
    expect(isCrossSite({ ...host, origin: "https://ielts.example" })).toBe(false);
    expect(isCrossSite(host)).toBe(false);
  });

  // Remix aborts an action whose Origin is not this host, so the guard must refuse it first.
  it("refuses an opaque or foreign Origin even with same-origin fetch metadata", () => {
    expect(isCrossSite({ ...host, "sec-fetch-site": "same-origin", origin: "null" })).toBe(true);
    expect(
      isCrossSite({ ...host, "sec-fetch-site": "same-origin", origin: "https://evil.example" }),
    ).toBe(true);
    expect(isCrossSite({ ...host, "sec-fetch-site": "same-origin", origin: "not a url" })).toBe(
      true,
    );
  });

  it("compares Origin with the first forwarded host, as Remix does", () => {
    const forwarded = { ...host, "x-forwarded-host": "ielts.example, proxy.internal" };
    expect(isCrossSite({ ...forwarded, origin: "https://ielts.example" })).toBe(false);
  });

  it("refuses other sites, opaque origins and same-site subdomains", () => {
    expect(isCrossSite({ ...host, "sec-fetch-site": "cross-site" })).toBe(true);
    expect(isCrossSite({ ...host, "sec-fetch-site": "same-site" })).toBe(true);
    expect(
      isCrossSite({ ...host, "sec-fetch-site": "cross-site", origin: "https://ielts.example" }),
    ).toBe(true);
    expect(isCrossSite({ ...host, origin: "https://evil.example" })).toBe(true);
    expect(isCrossSite({ ...host, origin: "null" })).toBe(true);
  });
});

describe("guardRequest", () => {
  const post = { method: "POST", path: "/join", bodyLength: 10 };

  it("lets safe methods through untouched", () => {
    expect(
      guardRequest({ ...post, method: "GET", headers: { origin: "https://evil.example" } }),
    ).toBeNull();
  });

  it("refuses a cross-site form post with 403", () => {
    expect(
      guardRequest({ ...post, headers: { ...host, origin: "https://evil.example" } })?.statusCode,
    ).toBe(403);
  });

  it("leaves the bearer-token API to its own authentication", () => {
    expect(
      guardRequest({
        ...post,
        path: "/api/v1/assessments",
        headers: { ...host, origin: "https://app.example" },
      }),
    ).toBeNull();
  });

  it("refuses a body over the limit with 413 and a page that says to go back", () => {
    const refusal = guardRequest({ ...post, bodyLength: MAX_FORM_BYTES + 1, headers: host });
    expect(refusal?.statusCode).toBe(413);
    expect(refusal?.headers?.["content-type"]).toBe("text/html; charset=utf-8");
    expect(refusal?.body).toContain("<h1>Too large to send</h1>");
    expect(refusal?.body).toContain("Back button");
  });

  it("allows recordings on the Speaking pages only, up to their own limit", () => {
    const speaking = { ...post, path: "/assessments/speaking/new", headers: host };
    expect(guardRequest({ ...speaking, bodyLength: MAX_FORM_BYTES * 10 })).toBeNull();
    expect(guardRequest({ ...speaking, bodyLength: MAX_UPLOAD_BYTES + 1 })?.statusCode).toBe(413);
    expect(
      guardRequest({
        ...post,
        path: "/assessments/writing/new",
        bodyLength: MAX_FORM_BYTES * 10,
        headers: host,
      })?.statusCode,
    ).toBe(413);
  });
});
