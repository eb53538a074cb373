import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { oidDer } from "../../src/commerce/jws";

// Just enough DER to issue X.509 v3 certificates with node:crypto, which can read and verify
// certificates but not make them: the tests build Apple-shaped chains under a root of their own.

function length(n: number): number[] {
  if (n < 0x80) return [n];
  if (n < 0x100) return [0x81, n];
  return [0x82, n >> 8, n & 0xff];
}

const tlv = (tag: number, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag, ...length(body.length)]), body]);
};
const seq = (...parts: Buffer[]) => tlv(0x30, ...parts);
const set = (...parts: Buffer[]) => tlv(0x31, ...parts);
/** A positive INTEGER in its shortest form (DER refuses leading zero bytes it does not need). */
function int(value: number): Buffer {
  const bytes: number[] = [];
  for (let v = value; v > 0 || bytes.length === 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  if (bytes[0]! >= 0x80) bytes.unshift(0);
  return tlv(0x02, Buffer.from(bytes));
}
const name = (cn: string) => seq(set(seq(oidDer("2.5.4.3"), tlv(0x0c, Buffer.from(cn)))));
const ECDSA_SHA256 = seq(oidDer("1.2.840.10045.4.3.2"));

function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return date.getUTCFullYear() < 2050
    ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`))
    : tlv(0x18, Buffer.from(`${iso}Z`));
}

function extension(oid: string, value: Buffer, critical = false): Buffer {
  return seq(oidDer(oid), ...(critical ? [tlv(0x01, Buffer.from([0xff]))] : []), tlv(0x04, value));
}

export interface Issued {
  der: Buffer;
  pem: string;
  key: KeyObject;
  subject: string;
}

let serial = 1;

/** A P-256 certificate for `subject`, signed by `issuer` (itself when absent). */
export function issue(
  subject: string,
  options: {
    issuer?: Issued;
    ca?: boolean;
    markerOids?: string[];
    notBefore?: Date;
    notAfter?: Date;
  } = {},
): Issued {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const basicConstraints = options.ca ? seq(tlv(0x01, Buffer.from([0xff]))) : seq();
  const extensions = [
    extension("2.5.29.19", basicConstraints, true),
    ...(options.markerOids ?? []).map((oid) => extension(oid, Buffer.from([0x05, 0x00]))),
  ];
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([0x02]))),
    int(serial++),
    ECDSA_SHA256,
    name(options.issuer?.subject ?? subject),
    seq(
      time(options.notBefore ?? new Date(Date.now() - 86_400_000)),
      time(options.notAfter ?? new Date(Date.now() + 365 * 86_400_000)),
    ),
    name(subject),
    publicKey.export({ type: "spki", format: "der" }),
    tlv(0xa3, seq(...extensions)),
  );
  const signature = sign("sha256", tbs, options.issuer?.key ?? privateKey);
  const der = seq(tbs, ECDSA_SHA256, tlv(0x03, Buffer.from([0x00]), signature));
  const pem = `-----BEGIN CERTIFICATE-----\n${der
    .toString("base64")
    .replace(/.{64}/g, "$&\n")
    .trimEnd()}\n-----END CERTIFICATE-----\n`;
  return { der, pem, key: privateKey, subject };
}

/** Root, intermediate and leaf shaped like Apple's App Store signing chain. */
export function appleLikeChain(root = issue("Test Root CA - G3", { ca: true })) {
  const intermediate = issue("Test Apple WWDR CA G6", {
    issuer: root,
    ca: true,
    markerOids: ["1.2.840.113635.100.6.2.1"],
  });
  const leaf = issue("Test Prod ECC Mac App Store and iTunes Store Receipt Signing", {
    issuer: intermediate,
    markerOids: ["1.2.840.113635.100.6.11.1"],
  });
  return { root, intermediate, leaf };
}

/** A compact JWS as the App Store signs it: ES256, the chain in x5c, leaf first. */
export function signAppStoreJws(
  payload: unknown,
  chain: { root: Issued; intermediate: Issued; leaf: Issued },
): string {
  const header = {
    alg: "ES256",
    x5c: [chain.leaf, chain.intermediate, chain.root].map((c) => c.der.toString("base64")),
  };
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${encode(header)}.${encode(payload)}`;
  const signature = sign("sha256", Buffer.from(input), {
    key: chain.leaf.key,
    dsaEncoding: "ieee-p1363",
  });
  return `${input}.${signature.toString("base64url")}`;
}

type Chain = ReturnType<typeof appleLikeChain>;

/**
 * The test Sandbox trusts a root made at its start; the test files, in other processes, sign
 * with the same chain, so it is handed over in a file under .data (never committed).
 */
const SANDBOX_APPLE_CHAIN = ".data/test-apple-chain.json";

export function saveChain(chain: Chain, path = SANDBOX_APPLE_CHAIN): void {
  const plain = (c: Issued) => ({
    der: c.der.toString("base64"),
    pem: c.pem,
    key: c.key.export({ type: "pkcs8", format: "pem" }).toString(),
    subject: c.subject,
  });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(
    path,
    JSON.stringify({
      root: plain(chain.root),
      intermediate: plain(chain.intermediate),
      leaf: plain(chain.leaf),
    }),
  );
}

export function loadChain(path = SANDBOX_APPLE_CHAIN): Chain {
  const saved = JSON.parse(readFileSync(path, "utf8")) as Record<
    keyof Chain,
    { der: string; pem: string; key: string; subject: string }
  >;
  const issued = (c: (typeof saved)[keyof Chain]): Issued => ({
    der: Buffer.from(c.der, "base64"),
    pem: c.pem,
    key: createPrivateKey(c.key),
    subject: c.subject,
  });
  return {
    root: issued(saved.root),
    intermediate: issued(saved.intermediate),
    leaf: issued(saved.leaf),
  };
}

export const TEST_BUNDLE_ID = "com.example.ielts";
