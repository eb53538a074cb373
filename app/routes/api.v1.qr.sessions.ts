import { apiRoute } from "~/api.server";
import { apiAuthenticator, deviceSignedIn } from "~/authenticator.server";

const route = apiRoute({
  // The app scanned the code on a signed-in browser's devices page: `{token, deviceName}` for a
  // bearer token, the same reply as a password sign-in.
  POST: async ({ request }) => {
    const client = await apiAuthenticator().authenticate("qr", request);
    return deviceSignedIn(client);
  },
});

export const loader = route.loader;
export const action = route.action;
