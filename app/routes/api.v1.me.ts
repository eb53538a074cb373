import { listDevices } from "~/models/devices.server";
import { apiRoute } from "~/api.server";
import { requireApiClient } from "~/permissions.server";

const route = apiRoute({
  GET: async ({ request }) => {
    const { user, device } = await requireApiClient(request);
    return {
      data: {
        id: user.userId,
        email: user.email,
        role: user.role,
        device,
        devices: await listDevices({ userId: user.userId }),
      },
    };
  },
});

export const loader = route.loader;
export const action = route.action;
