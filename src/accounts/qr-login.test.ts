import { describe, expect, it } from "vitest";
import { describeBrowser } from "./qr-login";

describe("describeBrowser", () => {
  it("names the browser and the system the way a student would recognise them", () => {
    const chrome =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    const edge = `${chrome} Edg/131.0.0.0`;
    const safari =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    const firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    expect(describeBrowser(chrome)).toBe("Chrome on Windows");
    expect(describeBrowser(edge)).toBe("Edge on Windows");
    expect(describeBrowser(safari)).toBe("Safari on iOS");
    expect(describeBrowser(firefox)).toBe("Firefox on Linux");
    expect(describeBrowser("")).toBe("A web browser");
    expect(describeBrowser("curl/8.0")).toBe("A web browser");
  });
});
