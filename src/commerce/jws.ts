import { X509Certificate, verify } from "node:crypto";
import * as z from "zod";

/** A signed payload that failed a check; the message says which, for logs and API replies. */
export class SignatureError extends Error {
  override readonly name = "SignatureError";
}

const headerSchema = z.object({
  alg: z.literal("ES256"),
  x5c: z.array(z.string().min(1)).min(2).max(5),
});

// Marker extensions Apple puts in the certificates that sign App Store data (the same checks
// as Apple's app-store-server-library): the leaf's and the intermediate's, DER-encoded OIDs.
const APPLE_LEAF_OID = oidDer("1.2.840.113635.100.6.11.1");
const APPLE_INTERMEDIATE_OID = oidDer("1.2.840.113635.100.6.2.1");

/** The DER bytes of an OBJECT IDENTIFIER (tag, length, value). */
export function oidDer(oid: string): Buffer {
  const [first = 0, second = 0, ...rest] = oid.split(".").map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let value = arc >>> 7; value > 0; value >>>= 7) chunk.unshift((value & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return Buffer.from([0x06, bytes.length, ...bytes]);
}

function decodePart(part: string, what: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    throw new SignatureError(`The ${what} is not base64url JSON.`);
  }
}

/** Trusted roots from PEM text (one or more certificates). */
export function certificatesFromPem(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new X509Certificate(block));
}

function validAt(cert: X509Certificate, at: Date): boolean {
  return new Date(cert.validFrom) <= at && at <= new Date(cert.validTo);
}

/**
 * Verifies an App Store JWS offline: the ES256 signature by the leaf of its x5c chain, each
 * certificate signed by the next, the chain ending at one of `roots`, Apple's marker
 * extensions, and every certificate valid when the payload was signed (its `signedDate`, as
 * Apple's own library does without online checks). Returns the payload; throws SignatureError.
 */
export function verifyAppStoreJws(jws: string, roots: readonly X509Certificate[]): unknown {
  if (roots.length === 0) throw new SignatureError("No Apple root certificate is configured.");
  const parts = jws.split(".");
  if (parts.length !== 3) throw new SignatureError("Not a compact JWS.");
  const [head = "", body = "", signature = ""] = parts;
  const header = headerSchema.safeParse(decodePart(head, "JWS header"));
  if (!header.success) throw new SignatureError("The JWS header is not ES256 with an x5c chain.");
  let chain: X509Certificate[];
  try {
    chain = header.data.x5c.map((der) => new X509Certificate(Buffer.from(der, "base64")));
  } catch {
    throw new SignatureError("A certificate in the x5c chain cannot be read.");
  }
  const leaf = chain[0]!;
  const signed = verify(
    "sha256",
    Buffer.from(`${head}.${body}`),
    { key: leaf.publicKey, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!signed) throw new SignatureError("The JWS signature does not match its leaf certificate.");
  const payload = decodePart(body, "JWS payload");
  const signedDate = (payload as { signedDate?: unknown } | null)?.signedDate;
  const at = typeof signedDate === "number" ? new Date(signedDate) : new Date();

  for (let i = 0; i < chain.length - 1; i++) {
    const cert = chain[i]!;
    const issuer = chain[i + 1]!;
    if (!issuer.ca || !cert.checkIssued(issuer) || !cert.verify(issuer.publicKey)) {
      throw new SignatureError(`Certificate ${i} of the chain is not signed by the next one.`);
    }
  }
  const top = chain[chain.length - 1]!;
  const anchored = roots.some(
    (root) => root.raw.equals(top.raw) || (top.checkIssued(root) && top.verify(root.publicKey)),
  );
  if (!anchored) throw new SignatureError("The chain does not end at a trusted Apple root.");
  if (!chain.every((cert) => validAt(cert, at))) {
    throw new SignatureError("A certificate of the chain was not valid when this was signed.");
  }
  if (leaf.ca || !leaf.raw.includes(APPLE_LEAF_OID)) {
    throw new SignatureError("The leaf is not an App Store signing certificate.");
  }
  if (!chain[1]!.raw.includes(APPLE_INTERMEDIATE_OID)) {
    throw new SignatureError("The intermediate is not Apple's App Store intermediate.");
  }
  return payload;
}
