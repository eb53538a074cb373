import { Form } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { usePolling } from "~/components/use-polling";

const POLL_MS = 2_000;
/** Without JavaScript the page reloads itself this often while the code waits to be scanned. */
const REFRESH_SECONDS = 3;

const clock = (iso: string) =>
  new Date(iso).toLocaleTimeString("en-GB", { timeStyle: "short", timeZone: "UTC" });

/**
 * A QR code waiting to be scanned: the server-drawn SVG, until when it works, and a way to
 * cancel it. The page asks the server again (polling with JavaScript, a meta refresh inside
 * <noscript> without) so that it moves on by itself once the app has scanned the code.
 */
export function QrWaiting(props: {
  svg: string;
  label: string;
  expiresAt: string;
  cancelAction: string;
}) {
  usePolling(POLL_MS);
  return (
    <div className="qr">
      <div
        className="qr-code"
        role="img"
        aria-label={props.label}
        // Drawn by the qrcode package on the server from our own payload; never user input.
        dangerouslySetInnerHTML={{ __html: props.svg }}
      />
      <p role="status">
        Waiting for the app. This code works once, until {clock(props.expiresAt)} UTC (5 minutes).
      </p>
      <noscript>
        <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} />
        <p>This page checks again every {REFRESH_SECONDS} seconds.</p>
      </noscript>
      <Form method="post" action={props.cancelAction}>
        <CsrfInput />
        <input type="hidden" name="intent" value="cancel-qr" />
        <button type="submit">Cancel this code</button>
      </Form>
    </div>
  );
}
