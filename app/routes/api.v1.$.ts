import { apiRoute, problem } from "~/api.server";

// Unknown API paths answer as the API does (problem+json), not with the site's HTML 404 page.
const notFound = async ({ request }: { request: Request }): Promise<never> => {
  throw problem(request, "not-found", "There is no such API resource.");
};

const route = apiRoute({ GET: notFound, POST: notFound, PUT: notFound, DELETE: notFound });

export const loader = route.loader;
export const action = route.action;
