import { describe, expect, it } from "vitest";
import { inRequestScope, oncePerRequest } from "./request-scope.server";

function counter() {
  let reads = 0;
  return { read: () => Promise.resolve(++reads), reads: () => reads };
}

describe("oncePerRequest", () => {
  it("reads once for loaders running side by side in one GET request", async () => {
    const c = counter();
    const values = await inRequestScope("GET", () =>
      Promise.all([oncePerRequest("user:a", c.read), oncePerRequest("user:a", c.read)]),
    );
    expect(values).toEqual([1, 1]);
    expect(c.reads()).toBe(1);
  });

  it("keeps keys apart and never shares between requests", async () => {
    const c = counter();
    await inRequestScope("GET", () => oncePerRequest("user:a", c.read));
    await inRequestScope("GET", () =>
      Promise.all([oncePerRequest("user:a", c.read), oncePerRequest("user:b", c.read)]),
    );
    expect(c.reads()).toBe(3);
  });

  it.each(["POST", "PUT", "DELETE"])(
    "reads every time in a %s request, whose action may change what a loader reads",
    async (method) => {
      const c = counter();
      await inRequestScope(method, async () => {
        await oncePerRequest("user:a", c.read);
        await oncePerRequest("user:a", c.read);
      });
      expect(c.reads()).toBe(2);
    },
  );

  it("reads every time outside a request (scripts, workers)", async () => {
    const c = counter();
    await oncePerRequest("user:a", c.read);
    await oncePerRequest("user:a", c.read);
    expect(c.reads()).toBe(2);
  });
});
