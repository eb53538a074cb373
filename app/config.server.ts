// Sandbox sets ARC_SANDBOX for every Lambda it runs; deployed Lambdas never have it.
export function isLocal(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.ARC_SANDBOX);
}

/**
 * The site's origin for links in mail. It comes from configuration only: taken from the
 * request's Host or X-Forwarded-Host, a forged header would mail a reset link to another site
 * (account takeover). `npm start` and the tests set it to the local port.
 */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.PUBLIC_BASE_URL;
  if (!value) {
    throw new Error("PUBLIC_BASE_URL is not set: set it to the site's address (https://...).");
  }
  return new URL(value).origin;
}
