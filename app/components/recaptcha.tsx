import { useNonce } from "~/security/nonce";

// Rendered only when a site key is configured; without keys the server skips the check.
export function Recaptcha({ siteKey }: { siteKey: string | null }) {
  const nonce = useNonce();
  if (!siteKey) return null;
  return (
    <>
      <div className="g-recaptcha" data-sitekey={siteKey} />
      <script src="https://www.google.com/recaptcha/api.js" async defer nonce={nonce} />
    </>
  );
}
