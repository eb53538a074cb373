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
