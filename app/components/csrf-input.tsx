import { useRouteLoaderData } from "@remix-run/react";
import type { loader } from "~/root";

export function CsrfInput() {
  return <input type="hidden" name="csrf" value={useCsrfToken()} />;
}

export function useCsrfToken(): string {
  return useRouteLoaderData<typeof loader>("root")?.csrfToken ?? "";
}
