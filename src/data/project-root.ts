import { isAbsolute, resolve } from "node:path";

/** The variables read; a plain record, so tests can pass their own. */
type Env = Readonly<Record<string, string | undefined>>;

/**
 * Sandbox runs a Lambda inside its own folder and says where the project is in ARC_SANDBOX.cwd;
 * local files (mail outbox, audio) resolve against it, so the app and the tests find the same
 * ones.
 */
function projectRoot(env: Env = process.env): string {
  try {
    const cwd = (JSON.parse(env.ARC_SANDBOX ?? "{}") as { cwd?: unknown }).cwd;
    if (typeof cwd === "string") return cwd;
  } catch {
    // Not Sandbox's JSON: fall back to the working directory.
  }
  return process.cwd();
}

/** A configured directory: absolute as given, relative from the project root. */
export function localDir(dir: string, env: Env = process.env): string {
  return isAbsolute(dir) ? dir : resolve(projectRoot(env), dir);
}
