import { openApiDocument } from "~/api-contract/openapi.server";
import { apiRoute } from "~/api.server";
import { publicBaseUrl } from "~/config.server";

const route = apiRoute({
  // The contract, generated from the same zod schemas the routes validate with.
  GET: async () => ({ data: openApiDocument(publicBaseUrl()) }),
});

export const loader = route.loader;
export const action = route.action;
