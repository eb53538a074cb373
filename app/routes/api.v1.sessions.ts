import { apiRoute, problem, readJson } from "~/api.server";
import { apiAuthenticator, deviceSignedIn } from "~/authenticator.server";
import { clientIp } from "~/recaptcha.server";

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/**
 * The form strategy reads form fields; the app may as well send JSON, which is turned into the
 * same fields here so that both go through one sign-in path.
 */
async function asFormRequest(request: Request): Promise<Request> {
  const type = request.headers.get("Content-Type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (FORM_TYPES.includes(type)) return request;
  if (type !== "application/json") {
    throw problem(
      request,
      "bad-request",
      "Send JSON (or a form) with email, password and deviceName.",
    );
  }
  const fields = new URLSearchParams();
  for (const [name, value] of Object.entries(await readJson(request))) {
    // Anything but a string is left out, and the schema then names the field as missing.
    if (typeof value === "string") fields.set(name, value);
  }
  const headers = new Headers(request.headers);
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(request.url, { method: "POST", headers, body: fields });
}

const route = apiRoute({
  // Email and password for a bearer token: the web login's throttling and single answer for
  // unknown email and wrong password, with a token for the device instead of a cookie.
  POST: async ({ request, context }) => {
    const form = await asFormRequest(request);
    const client = await apiAuthenticator(clientIp(context)).authenticate("form", form);
    return deviceSignedIn(client);
  },
});

export const loader = route.loader;
export const action = route.action;
