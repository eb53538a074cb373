import { createCookie } from "@remix-run/node";
import { isLocal } from "~/config.server";

// `__Host-` cookies must be Secure, so the prefix only applies where we serve HTTPS; Sandbox
// serves plain HTTP on localhost.
export function cookieOptions(production: boolean) {
  return {
    prefix: production ? "__Host-" : "",
    attributes: {
      httpOnly: true,
      sameSite: "lax" as const,
      secure: production,
      path: "/",
    },
  };
}

function makeCookie(name: string, maxAgeSeconds?: number) {
  const { prefix, attributes } = cookieOptions(!isLocal());
  return createCookie(`${prefix}${name}`, { ...attributes, maxAge: maxAgeSeconds });
}

export const sessionCookie = makeCookie("ielts_session", 24 * 60 * 60);
export const csrfCookie = makeCookie("ielts_csrf");
/** A QR code shown on /login: its token and the secret that binds it to this browser. */
export const qrLoginCookie = makeCookie("ielts_qr_login", 5 * 60);
/** A QR code shown on the devices page for the app to scan; bound to the session itself. */
export const qrAppCookie = makeCookie("ielts_qr_app", 5 * 60);
