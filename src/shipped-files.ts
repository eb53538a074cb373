import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A data file too large to compile into a bundle (the Reading and Listening papers, the
 * common-password list), read from disk by its path under src/. Compiled in, they were most of
 * the HTTP Lambda's bundle and of its cold start, although most requests use neither. From
 * source this module is src/ itself; in a bundle `__dirname` is the bundle's folder (server/ for
 * the HTTP Lambda, a worker's build folder), where the build copies the files at the same paths
 * (scripts/shipped-files.cjs).
 */
export function readShippedFile(path: string): string {
  return readFileSync(join(__dirname, path), "utf8");
}
