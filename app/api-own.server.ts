import { problem } from "~/api.server";
import type { ApiClient } from "~/permissions.server";

/**
 * How an assessment route of the API finds the client's own assessment of its kind. Anyone
 * else's is the same 404 as none, so that ids cannot be probed.
 */
export function ownedFinder<T>(
  find: (id: string, userId: string) => Promise<T | null>,
  missing: string,
) {
  return async (request: Request, client: ApiClient, id: string | undefined): Promise<T> => {
    const found = await find(id ?? "", client.user.userId);
    if (!found) throw problem(request, "not-found", missing);
    return found;
  };
}
