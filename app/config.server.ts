// Sandbox sets ARC_SANDBOX for every Lambda it runs; deployed Lambdas never have it.
export function isLocal(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.ARC_SANDBOX);
}

export function publicBaseUrl(request: Request, env: NodeJS.ProcessEnv = process.env): string {
  return env.PUBLIC_BASE_URL ?? new URL(request.url).origin;
}
