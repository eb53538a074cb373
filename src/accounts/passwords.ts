import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * scrypt with OWASP's recommended parameters (Password Storage Cheat Sheet): N=2^17, r=8,
 * p=1, which needs 128 MiB and a few hundred milliseconds per hash. The parameters travel in
 * the encoded string, so they can be raised later and old hashes still verify.
 */
export const SCRYPT_PARAMS = { logN: 17, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Refuse absurd costs from a damaged row rather than exhaust the Lambda's memory. */
const MAX_LOG_N = 20;

/**
 * A real hash of a random, forgotten password with the current parameters. Checking a login
 * for an unknown email against it costs the same as for a real account, so the response time
 * does not reveal which emails have accounts.
 */
export const DUMMY_HASH =
  "$scrypt$ln=17,r=8,p=1$kEYL+QYQs0Vy9DPitBgUmw$GQ7OIJeD490wbzDtOhIxhSNcbozmC0DNrZXSphF23mw";

interface Decoded {
  logN: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

export async function hashPassword(password: string): Promise<string> {
  const { logN, r, p } = SCRYPT_PARAMS;
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, { logN, r, p }, KEY_BYTES);
  return `$scrypt$ln=${logN},r=${r},p=${p}$${b64(salt)}$${b64(key)}`;
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const decoded = decode(encoded);
  if (!decoded) return false;
  const key = await derive(password, decoded.salt, decoded, decoded.key.length);
  return timingSafeEqual(key, decoded.key);
}

/**
 * NFKC so that the same password typed on different keyboards or input methods (composed vs
 * decomposed accents, full-width digits) hashes the same, as NIST SP 800-63B suggests.
 */
export function normalisePassword(password: string): string {
  return password.normalize("NFKC");
}

function derive(
  password: string,
  salt: Buffer,
  params: { logN: number; r: number; p: number },
  length: number,
): Promise<Buffer> {
  const N = 2 ** params.logN;
  const options: ScryptOptions = {
    N,
    r: params.r,
    p: params.p,
    // Node's default cap is 32 MiB; scrypt needs 128 * N * r bytes, so allow that plus room.
    maxmem: 128 * N * params.r * params.p + 16 * 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(normalisePassword(password), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function decode(encoded: string): Decoded | null {
  const match = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(
    encoded,
  );
  if (!match) return null;
  const [, ln, r, p, salt, key] = match;
  const logN = Number(ln);
  if (logN < 1 || logN > MAX_LOG_N || Number(r) < 1 || Number(p) < 1) return null;
  return {
    logN,
    r: Number(r),
    p: Number(p),
    salt: Buffer.from(salt ?? "", "base64"),
    key: Buffer.from(key ?? "", "base64"),
  };
}

function b64(bytes: Buffer): string {
  return bytes.toString("base64").replace(/=+$/, "");
}
