import { revokeDevice } from "~/models/devices.server";
import { apiRoute } from "~/api.server";
import { requireApiClient } from "~/permissions.server";

const route = apiRoute({
  // Signs this device out: its token stops working at once.
  DELETE: async ({ request }) => {
    const { user, device } = await requireApiClient(request);
    await revokeDevice({ userId: user.userId, deviceId: device.deviceId });
    return {};
  },
});

export const loader = route.loader;
export const action = route.action;
