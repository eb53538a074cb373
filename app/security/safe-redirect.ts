const DEFAULT_REDIRECT = "/dashboard";

// Only same-site paths: "//evil.example" and "/\evil.example" are protocol-relative URLs to
// browsers, so anything that resolves off our origin falls back to the default.
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback: string = DEFAULT_REDIRECT,
): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.includes("\\")) {
    return fallback;
  }
  const base = "http://same.invalid";
  try {
    const url = new URL(to, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
