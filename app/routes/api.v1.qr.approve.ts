import { apiRoute, readJson, validated } from "~/api.server";
import { qrTokenBody } from "~/api-contract/requests.server";
import { qrProblem } from "~/authenticator.server";
import { approveWebLogin } from "~/models/qr-login.server";
import { requireApiClient } from "~/permissions.server";

const route = apiRoute({
  // The signed-in app approves the code shown on a browser's /login; that browser alone is then
  // signed in. The reply names the browser and the time for the app to show.
  POST: async ({ request }) => {
    const client = await requireApiClient(request);
    const { token } = validated(request, qrTokenBody, await readJson(request));
    const result = await approveWebLogin({ token, user: client.user, device: client.device });
    if (!result.ok) throw qrProblem(request, result.reason);
    const { ok: _ok, ...approval } = result;
    return { data: approval };
  },
});

export const loader = route.loader;
export const action = route.action;
