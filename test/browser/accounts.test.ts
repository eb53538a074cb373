import { describe, expect, it } from "vitest";
import { chromiumForFile, PHONE } from "../support/browser";
import { uniqueEmail } from "../support/client";
import { baseUrl } from "../support/ports";

const chromium = chromiumForFile();

for (const javaScriptEnabled of [false, true]) {
  describe(`join and login in Chromium, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    it("joins, confirms from the outbox, logs out and logs back in on a phone-sized screen", async () => {
      const context = await chromium.newContext({ javaScriptEnabled, viewport: PHONE });
      const page = await context.newPage();
      const email = uniqueEmail(javaScriptEnabled ? "js" : "nojs");
      const password = "paper-kite-meadow-3";

      await page.goto(`${baseUrl}/join`);
      await page.fill("#field-email", email);
      await page.fill("#field-password", "short");
      await page.click("button[type=submit]");
      await expect
        .poll(() => page.locator(".field-error").count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      expect(await page.inputValue("#field-email")).toBe(email);

      await page.fill("#field-password", password);
      await page.click("button[type=submit]");
      await page.getByRole("heading", { name: "Check your email" }).waitFor();

      await page.goto(`${baseUrl}/dev/mail`);
      const mail = page.locator(".mail-list li", { hasText: email }).first();
      await mail.getByRole("link", { name: /verify-email/ }).click();
      await page.getByRole("button", { name: /Confirm my email/ }).click();
      await page.waitForURL(`${baseUrl}/dashboard`);
      // With JavaScript the URL changes before React has rendered the page: wait for it.
      await page.getByRole("heading", { name: "Your dashboard" }).waitFor();
      expect(await page.textContent("main")).toContain(email);

      await page.getByRole("button", { name: "Log out" }).click();
      await page.waitForURL(`${baseUrl}/`);

      await page.goto(`${baseUrl}/login`);
      await page.fill("#field-email", email);
      await page.fill("#field-password", password);
      await page.click("button[type=submit]");
      await page.waitForURL(`${baseUrl}/dashboard`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      await context.close();
    });
  });
}
