import type { QRCodeToStringOptions } from "qrcode";
import { create } from "qrcode/lib/core/qrcode";
import { render } from "qrcode/lib/renderer/svg-tag";

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
  return svgCode(payload, 4);
}

/**
 * What qrcode's `toString` draws for `type: "svg"`, from the two modules it uses for that: the
 * package's index also loads its PNG renderer and with it pngjs (30 KB of the HTTP Lambda's
 * bundle), which nothing here draws.
 */
export async function svgCode(text: string, margin: number): Promise<string> {
  const options: QRCodeToStringOptions = { type: "svg", margin, errorCorrectionLevel: "M" };
  return render(create(text, options), options);
}
