import { apiRoute, readJson, validated } from "~/api.server";
import { qrTokenBody } from "~/api-contract/requests.server";
import { qrProblem } from "~/authenticator.server";
import { inspectQr } from "~/models/qr-login.server";
import { requireApiClient } from "~/permissions.server";

const route = apiRoute({
  // What a scanned code is for and which browser showed it, for the app to ask "Log in Chrome on
  // Windows, asked at 14:02?" before it approves. Changes nothing.
  POST: async ({ request }) => {
    await requireApiClient(request);
    const { token } = validated(request, qrTokenBody, await readJson(request));
    const result = await inspectQr({ token });
    if (!result.ok) throw qrProblem(request, result.reason);
    const { ok: _ok, ...found } = result;
    return { data: found };
  },
});

export const loader = route.loader;
export const action = route.action;
