import QRCode from "qrcode";

/**
 * What a QR code carries: the app's own scheme, the kind of handoff and the token. Nothing else
 * (no account, no address), so a photo of the screen tells nobody who is signing in.
 */
export function qrPayload(kind: "web-login" | "app-sign-in", token: string): string {
  return `ieltsaiprep://qr/${kind}/${token}`;
}

/**
 * The code as inline SVG, drawn on the server so the page needs no JavaScript; a quiet zone of
 * 4 modules (the standard's) and medium error correction read well off a laptop screen.
 */
export function qrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { type: "svg", margin: 4, errorCorrectionLevel: "M" });
}
