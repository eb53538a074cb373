const DEFAULT_REDIRECT = "/dashboard";

const isProtocolRelative = (path: string) => path.startsWith("//") || path.startsWith("/\\");

// Only same-site paths. The check is made on the path as the browser will finally read it:
// "/.//evil.com" and "/%2e//evil.com" normalise to "//evil.com", a protocol-relative URL to
// another host, so checking the raw string first and normalising after lets them through.
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback: string = DEFAULT_REDIRECT,
): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.includes("\\")) return fallback;
  const base = "http://same.invalid";
  try {
    const url = new URL(to, base);
    const target = `${url.pathname}${url.search}${url.hash}`;
    if (url.origin !== base || isProtocolRelative(url.pathname) || isProtocolRelative(target)) {
      return fallback;
    }
    return target;
  } catch {
    return fallback;
  }
}
