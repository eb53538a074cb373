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

  it("trusts same-origin fetch metadata over the null Origin a no-referrer page sends", () => {
    expect(isCrossSite({ ...host, "sec-fetch-site": "same-origin", origin: "null" })).toBe(false);
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

  it("refuses a body over the limit with 413", () => {
    expect(
      guardRequest({ ...post, bodyLength: MAX_FORM_BYTES + 1, headers: host })?.statusCode,
    ).toBe(413);
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
