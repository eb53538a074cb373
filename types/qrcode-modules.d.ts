// The two modules of qrcode that app/qr.server.ts takes directly; the package types only its
// index.
declare module "qrcode/lib/core/qrcode" {
  import type { QRCode, QRCodeOptions } from "qrcode";
  export function create(text: string, options?: QRCodeOptions): QRCode;
}

declare module "qrcode/lib/renderer/svg-tag" {
  import type { QRCode, QRCodeRenderersOptions } from "qrcode";
  export function render(qrData: QRCode, options?: QRCodeRenderersOptions): string;
}
