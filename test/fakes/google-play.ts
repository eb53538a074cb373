import { generateKeyPairSync, randomBytes, verify } from "node:crypto";
import type { ServerResponse } from "node:http";
import { fakeApi, type Received } from "../external/http-fake";

/**
 * Google's OAuth 2.0 token endpoint (the JWT-bearer grant a service account uses) and the
 * Android Publisher's purchases.products.get, as their documentation describes them: the
 * assertion's RS256 signature is checked against the service account's key, and the publisher
 * answers only a bearer token the token endpoint issued.
 */
export async function startFakeGooglePlay(packageName: string) {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const issued = new Set<string>();
  const purchases = new Map<
    string,
    { productId: string; orderId: string; accountId?: string; state: 0 | 1 | 2 }
  >();
  let tokenUri = "";

  const send = (res: ServerResponse, status: number, body: unknown) =>
    res
      .writeHead(status, { "content-type": "application/json; charset=UTF-8" })
      .end(JSON.stringify(body));
  const googleError = (res: ServerResponse, code: number, status: string, message: string) =>
    send(res, code, { error: { code, message, status, errors: [{ message, reason: status }] } });

  function token(req: Received, res: ServerResponse) {
    const form = new URLSearchParams(req.body);
    if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer") {
      return send(res, 400, {
        error: "unsupported_grant_type",
        error_description: "Invalid grant_type",
      });
    }
    const [head = "", claims = "", signature = ""] = (form.get("assertion") ?? "").split(".");
    const signed = verify(
      "RSA-SHA256",
      Buffer.from(`${head}.${claims}`),
      publicKey,
      Buffer.from(signature, "base64url"),
    );
    const jwt = JSON.parse(Buffer.from(claims || "e30", "base64url").toString()) as Record<
      string,
      unknown
    >;
    const now = Date.now() / 1000;
    if (
      !signed ||
      jwt.aud !== tokenUri ||
      jwt.scope !== "https://www.googleapis.com/auth/androidpublisher" ||
      typeof jwt.exp !== "number" ||
      jwt.exp < now
    ) {
      return send(res, 400, {
        error: "invalid_grant",
        error_description: "Invalid JWT Signature.",
      });
    }
    const accessToken = `ya29.${randomBytes(24).toString("base64url")}`;
    issued.add(accessToken);
    send(res, 200, { access_token: accessToken, expires_in: 3599, token_type: "Bearer" });
  }

  function productsGet(req: Received, res: ServerResponse) {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!bearer || !issued.has(bearer)) {
      return googleError(
        res,
        401,
        "UNAUTHENTICATED",
        "Request had invalid authentication credentials.",
      );
    }
    const match =
      /^\/androidpublisher\/v3\/applications\/([^/]+)\/purchases\/products\/([^/]+)\/tokens\/([^/?]+)$/.exec(
        req.url ?? "",
      );
    const [, pkg = "", productId = "", purchaseToken = ""] = (match ?? []).map((part) =>
      decodeURIComponent(part),
    );
    const purchase = purchases.get(purchaseToken);
    if (!match || pkg !== packageName || !purchase || purchase.productId !== productId) {
      return googleError(res, 400, "INVALID_ARGUMENT", "The purchase token is no longer valid.");
    }
    send(res, 200, {
      kind: "androidpublisher#productPurchase",
      purchaseTimeMillis: String(Date.now() - 60_000),
      purchaseState: purchase.state,
      consumptionState: 0,
      developerPayload: "",
      orderId: purchase.orderId,
      purchaseType: 0,
      acknowledgementState: 1,
      ...(purchase.accountId ? { obfuscatedExternalAccountId: purchase.accountId } : {}),
      regionCode: "GB",
    });
  }

  const api = await fakeApi((req, res) => {
    if (req.method === "POST" && req.url === "/token") return token(req, res);
    if (req.method === "GET" && req.url?.startsWith("/androidpublisher/"))
      return productsGet(req, res);
    googleError(res, 404, "NOT_FOUND", "Not found");
  });
  tokenUri = `${api.url}/token`;

  return {
    ...api,
    serviceAccountJson: JSON.stringify({
      type: "service_account",
      client_email: "play-verifier@ielts-test.iam.gserviceaccount.com",
      private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      token_uri: tokenUri,
    }),
    /** A purchase the Play Store completed; returns its purchase token. */
    buy(productId: string, accountId?: string): { purchaseToken: string; orderId: string } {
      const purchaseToken = randomBytes(32).toString("base64url");
      const orderId = `GPA.${randomBytes(8).toString("hex")}`;
      purchases.set(purchaseToken, { productId, orderId, accountId, state: 0 });
      return { purchaseToken, orderId };
    },
    /** A refund or chargeback: Google reports the purchase as cancelled from now on. */
    void(purchaseToken: string) {
      const purchase = purchases.get(purchaseToken);
      if (purchase) purchase.state = 1;
    },
  };
}
