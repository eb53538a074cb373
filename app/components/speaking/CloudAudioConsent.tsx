import { Link } from "@remix-run/react";

/** Asked once, before any recording goes to the cloud model that scores it by listening. */
export function CloudAudioConsent() {
  return (
    <fieldset className="speaking-consent">
      <legend>Your recordings and the cloud model</legend>
      <p className="hint" id="cloud-audio-consent-hint">
        Recordings are scored by listening, which only a cloud model (Google Gemini) can do. They
        are sent only with your consent: without it, a part you only recorded is not scored (the
        recording is kept), and a typed part is scored from the text. See{" "}
        <Link to="/privacy">what we store</Link>; you can withdraw on your{" "}
        <Link to="/account">account page</Link>.
      </p>
      <label>
        <input
          type="checkbox"
          name="cloudAudioConsent"
          value="given"
          aria-describedby="cloud-audio-consent-hint"
        />{" "}
        I agree that my recordings are sent to Google Gemini to be scored
      </label>
    </fieldset>
  );
}
