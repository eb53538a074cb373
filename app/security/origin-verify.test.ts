import { describe, expect, it } from "vitest";
import { refuseUnlessFromCdn, viewerIp } from "./origin-verify.server";

const deployed = { ARC_ENV: "production", ORIGIN_VERIFY_SECRET: "s3cret-from-the-stack" };

describe("refuseUnlessFromCdn", () => {
  it("lets through a deployed request that carries the CDN's secret", () => {
    expect(refuseUnlessFromCdn({ "x-origin-verify": "s3cret-from-the-stack" }, deployed)).toBe(
      undefined,
    );
  });

  it("refuses a deployed request without the header or with a wrong one", () => {
    for (const headers of [{}, { "x-origin-verify": "guess" }, { "x-origin-verify": "" }]) {
      const refusal = refuseUnlessFromCdn(headers, deployed);
      expect(refusal?.statusCode).toBe(403);
      expect(refusal?.body).toMatch(/site's own address/);
    }
  });

  it("fails closed when deployed without a secret", () => {
    expect(refuseUnlessFromCdn({ "x-origin-verify": "" }, { ARC_ENV: "staging" })?.statusCode).toBe(
      403,
    );
  });

  it("checks nothing locally, where there is no CDN", () => {
    expect(refuseUnlessFromCdn({}, { ARC_ENV: "testing" })).toBe(undefined);
    expect(refuseUnlessFromCdn({}, {})).toBe(undefined);
  });
});

describe("viewerIp", () => {
  it("takes the student's address from the CDN when deployed, not the edge server's", () => {
    expect(viewerIp({ "x-viewer-address": "203.0.113.7" }, "130.176.1.1", deployed)).toBe(
      "203.0.113.7",
    );
  });

  it("uses the source address locally, where a client could set the header itself", () => {
    expect(viewerIp({ "x-viewer-address": "203.0.113.7" }, "127.0.0.1", {})).toBe("127.0.0.1");
    expect(viewerIp({}, undefined, {})).toBe("unknown");
  });
});
