import { afterEach, describe, expect, it } from "vitest";
import { loader } from "./dev.mail";

const saved = process.env.ARC_SANDBOX;

afterEach(() => {
  if (saved === undefined) delete process.env.ARC_SANDBOX;
  else process.env.ARC_SANDBOX = saved;
});

describe("/dev/mail", () => {
  it("does not exist outside Sandbox, so deployed mail can never be read there", async () => {
    delete process.env.ARC_SANDBOX;
    const request = new Request("https://ielts.example/dev/mail");
    const thrown = await Promise.resolve(loader({ request, params: {}, context: {} })).catch(
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
  });
});
