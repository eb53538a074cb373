import { AsyncLocalStorage } from "node:async_hooks";

/**
 * One request's memo. A page's root loader and its route loader run side by side and each asks
 * who is signed in: without this, every page read the session and the user twice. Only a
 * request that cannot change anything (GET, HEAD) gets a memo, so an action's loaders, which
 * run after it in the same request, never see what it has just changed.
 */
const scope = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

export function inRequestScope<T>(method: string, handle: () => T): T {
  return method === "GET" || method === "HEAD" ? scope.run(new Map(), handle) : handle();
}

/** read() once per request and key; outside a request scope, every call reads. */
export function oncePerRequest<T>(key: string, read: () => Promise<T>): Promise<T> {
  const memo = scope.getStore();
  if (!memo) return read();
  const known = memo.get(key) as Promise<T> | undefined;
  if (known) return known;
  const reading = read();
  memo.set(key, reading);
  return reading;
}
