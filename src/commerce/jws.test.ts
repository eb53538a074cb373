import { describe, expect, it } from "vitest";
import { appleLikeChain, issue, signAppStoreJws } from "../../test/support/x509";
import { certificatesFromPem, oidDer, SignatureError, verifyAppStoreJws } from "./jws";

describe("App Store JWS verification", () => {
  it("encodes Apple's marker OID as DER does", () => {
    expect(oidDer("1.2.840.113635.100.6.11.1").toString("hex")).toBe("060a2a864886f76364060b01");
  });

  it("accepts a chain to the trusted root and returns the payload", () => {
    const chain = appleLikeChain();
    const payload = { transactionId: "1", signedDate: Date.now() };
    const roots = certificatesFromPem(chain.root.pem);
    expect(verifyAppStoreJws(signAppStoreJws(payload, chain), roots)).toEqual(payload);
  });

  it("refuses a payload signed when a certificate of the chain was not valid", () => {
    const root = issue("Root", { ca: true });
    const chain = appleLikeChain(root);
    const expiredLeaf = issue("Old leaf", {
      issuer: chain.intermediate,
      markerOids: ["1.2.840.113635.100.6.11.1"],
      notBefore: new Date("2020-01-01"),
      notAfter: new Date("2021-01-01"),
    });
    const jws = signAppStoreJws({ signedDate: Date.now() }, { ...chain, leaf: expiredLeaf });
    expect(() => verifyAppStoreJws(jws, certificatesFromPem(root.pem))).toThrow(SignatureError);
  });

  it("refuses when no root is configured, and a JWS that is not ES256", () => {
    const chain = appleLikeChain();
    const jws = signAppStoreJws({ signedDate: Date.now() }, chain);
    expect(() => verifyAppStoreJws(jws, [])).toThrow("No Apple root certificate is configured.");
    const [, body, sig] = jws.split(".");
    const hs256 = Buffer.from(JSON.stringify({ alg: "HS256", x5c: ["a", "b"] })).toString(
      "base64url",
    );
    expect(() =>
      verifyAppStoreJws(`${hs256}.${body}.${sig}`, certificatesFromPem(chain.root.pem)),
    ).toThrow("The JWS header is not ES256 with an x5c chain.");
  });
});
