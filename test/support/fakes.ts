import { afterAll, beforeAll, beforeEach } from "vitest";

interface Fake {
  reset(): void;
  close(): Promise<void>;
}

/**
 * A fake server for the tests of the file (or describe block) that calls this: started in its
 * beforeAll, forgotten (what it saw and was scripted to do) before each test, and closed in its
 * afterAll. The object returned stands for the server once started, so tests use it as they
 * would the server itself.
 */
export function useFake<F extends Fake>(start: () => Promise<F>): F {
  let fake: F | undefined;
  beforeAll(async () => {
    fake = await start();
  });
  afterAll(async () => {
    await fake?.close();
  });
  beforeEach(() => {
    fake?.reset();
  });
  return new Proxy({} as F, {
    get(_, key) {
      if (!fake) throw new Error("the fake has not started: use it inside a test");
      const value: unknown = Reflect.get(fake, key);
      return typeof value === "function" ? (value as () => unknown).bind(fake) : value;
    },
  });
}
