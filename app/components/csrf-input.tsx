import { useRouteLoaderData } from "@remix-run/react";
import type { loader } from "~/root";

export function CsrfInput() {
  const data = useRouteLoaderData<typeof loader>("root");
  return <input type="hidden" name="csrf" value={data?.csrfToken ?? ""} />;
}
