import { describe, expect, it } from "vitest";
import { FormClient, uniqueEmail } from "./support/client";

// The list is a JSON file imported by the password policy: this checks that the HTTP
// Lambda's bundle carries it, which the unit tests (run from source) cannot.
describe("the common-password list in the HTTP Lambda", () => {
  it("refuses a common password at join and keeps the email typed", async () => {
    const email = uniqueEmail("common-password");
    const response = await new FormClient().submit("/join", { email, password: "Password123" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(`value="${email}"`);
    expect(html).toMatch(/field-error[^>]*>[^<]*too common/i);
  });
});
