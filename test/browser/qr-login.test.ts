import { describe, expect, it } from "vitest";
import { qrLoginCookie } from "~/security/cookies.server";
import { qrPayload, qrSvg } from "~/qr.server";
import { ApiClient } from "../support/api-client";
import { chromiumForFile, PHONE } from "../support/browser";
import { baseUrl } from "../support/ports";
import { createStudent, TEST_PASSWORD } from "../support/users";

const chromium = chromiumForFile();

for (const javaScriptEnabled of [false, true]) {
  describe(`QR login in Chromium, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    it("shows the code on a phone-sized screen and is signed in once the app approves", async () => {
      const user = await createStudent(javaScriptEnabled ? "qr-js" : "qr-nojs");
      const app = new ApiClient();
      await app.signIn(user.email, TEST_PASSWORD, "Browser test phone");
      const context = await chromium.newContext({ javaScriptEnabled, viewport: PHONE });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/login`);
      await page.getByRole("button", { name: "Show a QR code" }).click();
      const code = page.getByRole("img", { name: "QR code to log in with the app" });
      await code.waitFor();
      expect(await code.locator("svg").count()).toBe(1);
      await page.getByText("Waiting for the app").waitFor();

      // The app reads the token off the screen; the test reads it from the browser's cookie
      // and checks that the code on the page is exactly that token's.
      const cookie = (await context.cookies()).find((c) => c.name === qrLoginCookie.name);
      const value: unknown = await qrLoginCookie.parse(`${cookie!.name}=${cookie!.value}`);
      const token = String(value).split(".")[0]!;
      // The browser re-serialises the markup, so compare the drawn modules (the paths).
      const paths = (svg: string) => [...svg.matchAll(/ d="([^"]+)"/g)].map((m) => m[1]);
      const drawn = paths(await code.innerHTML());
      expect(drawn.length).toBeGreaterThan(0);
      expect(drawn).toEqual(paths(await qrSvg(qrPayload("web-login", token))));

      const approved = await app.approveQr(token);
      expect(approved.ok).toBe(true);
      // Without JavaScript the meta refresh reloads the page; with it, polling does.
      await page.waitForURL(`${baseUrl}/dashboard`, { timeout: 30_000 });
      await page.getByRole("heading", { name: "Your dashboard" }).waitFor();
      expect(await page.textContent("main")).toContain(user.email);
      await page.screenshot({ path: `test-results/qr-login-js-${javaScriptEnabled}.png` });
      await context.close();
    });
  });
}
