import { useNonce } from "~/security/nonce";

/**
 * Rendered only when a site key is configured; without keys the server skips the check.
 * Without JavaScript, reCAPTCHA v2's fallback frame shows a challenge whose answer the student
 * pastes into the textarea, so the forms still work on a phone with scripts off.
 */
export function Recaptcha({ siteKey }: { siteKey: string | null }) {
  const nonce = useNonce();
  if (!siteKey) return null;
  return (
    <>
      <div className="g-recaptcha" data-sitekey={siteKey} />
      <script src="https://www.google.com/recaptcha/api.js" async defer nonce={nonce} />
      <noscript>
        <iframe
          src={`https://www.google.com/recaptcha/api/fallback?k=${encodeURIComponent(siteKey)}`}
          title="reCAPTCHA"
          className="recaptcha-fallback"
        />
        <label htmlFor="g-recaptcha-response">Paste the code the check gives you here</label>
        <textarea id="g-recaptcha-response" name="g-recaptcha-response" rows={3} />
      </noscript>
    </>
  );
}
