import { expect, it } from "vitest";
import { openTimedPaper, chromiumForFile, PHONE } from "../support/browser";
import { baseUrl } from "../support/ports";
import { createStudent } from "../support/users";

const chromium = chromiumForFile();

// The autosave used to fail without a word: the student believed the essay was saved.
it("tells the student when an autosave failed, and keeps the text in the box", async () => {
  const context = await chromium.newContext({ viewport: PHONE }, await createStudent("autosave"));
  const page = await context.newPage();
  await openTimedPaper(page, `${baseUrl}/assessments/writing/new?task=2&module=academic`);
  expect(await page.getAttribute("#response", "maxlength")).toBe("20000");
  // Without the CSRF cookie the server refuses the save, as it does when the form has expired.
  const csrf = (await context.cookies()).find((c) => c.name.includes("csrf"));
  expect(csrf).toBeTruthy();
  await context.clearCookies({ name: csrf!.name });
  const text = "Some people believe that cities should invest in public transport.";
  await page.fill("#response", text);
  await expect
    .poll(() => page.getByRole("status").filter({ hasText: "Not saved" }).count(), {
      timeout: 20_000,
    })
    .toBe(1);
  expect(await page.inputValue("#response")).toBe(text);
  await context.close();
});
