import { afterEach, describe, expect, it, vi } from "vitest";
import { verifyRecaptcha } from "../../src/accounts/recaptcha";
import { fakeApi } from "./http-fake";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("verifyRecaptcha", () => {
  it("is off without a secret, and says so once", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await verifyRecaptcha("", "192.0.2.1", {})).toBe(true);
    expect(await verifyRecaptcha("", "192.0.2.1", {})).toBe(true);
    expect(warn.mock.calls).toEqual([["reCAPTCHA disabled: RECAPTCHA_SECRET_KEY not set"]]);
  });

  it("asks siteverify with the secret, response and address", async () => {
    const api = await fakeApi((req, res) => {
      const ok = new URLSearchParams(req.body).get("response") === "good";
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ success: ok }));
    });
    const env = { RECAPTCHA_SECRET_KEY: "s3cret", RECAPTCHA_VERIFY_URL: `${api.url}/siteverify` };
    try {
      expect(await verifyRecaptcha("good", "192.0.2.1", env)).toBe(true);
      expect(await verifyRecaptcha("bad", "192.0.2.1", env)).toBe(false);
      expect(await verifyRecaptcha("", "192.0.2.1", env)).toBe(false);
      expect(api.received).toHaveLength(2);
      const sent = new URLSearchParams(api.received[0]?.body);
      expect(Object.fromEntries(sent)).toEqual({
        secret: "s3cret",
        response: "good",
        remoteip: "192.0.2.1",
      });
    } finally {
      await api.close();
    }
  });

  it("fails closed when Google cannot be reached", async () => {
    const env = {
      RECAPTCHA_SECRET_KEY: "s",
      RECAPTCHA_VERIFY_URL: "http://127.0.0.1:9/siteverify",
    };
    expect(await verifyRecaptcha("token", undefined, env)).toBe(false);
  });
});
