import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeApi } from "../../test/external/http-fake";

// Real SSM and SNS clients against local servers that speak SSM's JSON protocol and SNS's query
// protocol, in AWS (endpoints from the SDK's own AWS_ENDPOINT_URL_* settings) and in Sandbox.
const saved = { ...process.env };
let fakes: { close(): Promise<void> }[] = [];

beforeEach(() => {
  vi.resetModules();
  for (const name of ["ARC_SANDBOX", "ARC_STACK_NAME", "ARC_APP_NAME", "ARC_ENV"]) {
    delete process.env[name];
  }
  Object.assign(process.env, {
    AWS_REGION: "eu-west-2",
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
  });
});

afterEach(async () => {
  process.env = { ...saved };
  await Promise.all(fakes.map((fake) => fake.close()));
  fakes = [];
});

const parameter = (Name: string, Value: string) => ({ Name, Value, Type: "String" });

/** SSM in two pages, as GetParametersByPath pages a stack's many parameters. */
async function fakeSsm(stack: string) {
  const ssm = await fakeApi((req, res) => {
    const body = JSON.parse(req.body) as { Path: string; NextToken?: string };
    res.setHeader("content-type", "application/x-amz-json-1.1");
    if (body.Path !== `/${stack}`) return void res.end(JSON.stringify({ Parameters: [] }));
    res.end(
      JSON.stringify(
        body.NextToken
          ? {
              Parameters: [
                parameter(`/${stack}/events/score-writing`, "arn:aws:sns:eu-west-2:1:score"),
              ],
            }
          : {
              Parameters: [parameter(`/${stack}/tables/users`, `${stack}-UsersTable-X1`)],
              NextToken: "page-2",
            },
      ),
    );
  });
  fakes.push(ssm);
  return ssm;
}

describe("arcServices", () => {
  it("reads every page of the stack's parameters from SSM in AWS", async () => {
    const ssm = await fakeSsm("IeltsAiPrepProduction");
    Object.assign(process.env, {
      ARC_STACK_NAME: "IeltsAiPrepProduction",
      AWS_ENDPOINT_URL_SSM: ssm.url,
    });
    const { arcServices } = await import("./arc");
    expect(await arcServices()).toEqual({
      tables: { users: "IeltsAiPrepProduction-UsersTable-X1" },
      events: { "score-writing": "arn:aws:sns:eu-west-2:1:score" },
    });
    expect(ssm.received[0]?.headers["x-amz-target"]).toBe("AmazonSSM.GetParametersByPath");
    expect(ssm.received).toHaveLength(2);
    // Asked once per process: a warm Lambda does not repeat the round trip.
    await arcServices();
    expect(ssm.received).toHaveLength(2);
  });

  it("asks Sandbox's internal port for the app's logical stack name locally", async () => {
    const ssm = await fakeSsm("IeltsAiPrepTesting");
    const port = Number(new URL(ssm.url).port);
    Object.assign(process.env, {
      ARC_APP_NAME: "ielts-ai-prep",
      ARC_ENV: "testing",
      ARC_SANDBOX: JSON.stringify({ ports: { _arc: port } }),
    });
    const { arcServices } = await import("./arc");
    expect((await arcServices()).tables).toEqual({ users: "IeltsAiPrepTesting-UsersTable-X1" });
    // Sandbox answers any path under /_arc/ssm.
    expect(ssm.received[0]?.url).toMatch(/^\/_arc\/ssm\/?$/);
  });

  it("says what is missing outside Architect, and tries again on the next call", async () => {
    const { arcServices } = await import("./arc");
    await expect(arcServices()).rejects.toThrow(/ARC_STACK_NAME is not set/);
    await expect(arcServices()).rejects.toThrow(/ARC_STACK_NAME is not set/);
  });
});

describe("publishToArc", () => {
  it("publishes to the event's SNS topic in AWS", async () => {
    const ssm = await fakeSsm("IeltsAiPrepProduction");
    const sns = await fakeApi((_req, res) => {
      res.setHeader("content-type", "text/xml");
      res.end(
        `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>`,
      );
    });
    fakes.push(sns);
    Object.assign(process.env, {
      ARC_STACK_NAME: "IeltsAiPrepProduction",
      AWS_ENDPOINT_URL_SSM: ssm.url,
      AWS_ENDPOINT_URL_SNS: sns.url,
    });
    const { publishToArc } = await import("./arc");
    await publishToArc({ name: "score-writing", payload: { assessmentId: "a-1" } });
    const form = new URLSearchParams(sns.received[0]?.body);
    expect(form.get("Action")).toBe("Publish");
    expect(form.get("TopicArn")).toBe("arn:aws:sns:eu-west-2:1:score");
    expect(JSON.parse(form.get("Message") ?? "")).toEqual({ assessmentId: "a-1" });
    await expect(publishToArc({ name: "score-nothing", payload: {} })).rejects.toThrow(
      /"score-nothing" is not declared in app.arc/,
    );
  });

  it("posts to Sandbox's event bus locally, and fails loudly when the bus refuses", async () => {
    let status = 200;
    const bus = await fakeApi((_req, res) => {
      res.statusCode = status;
      res.end(status === 200 ? "ok" : "Not found");
    });
    fakes.push(bus);
    process.env.ARC_SANDBOX = JSON.stringify({ ports: { events: Number(new URL(bus.url).port) } });
    const { publishToArc } = await import("./arc");
    await publishToArc({ name: "score-writing", payload: { assessmentId: "a-2" } });
    expect(bus.received[0]).toMatchObject({ method: "POST", url: "/events" });
    expect(JSON.parse(bus.received[0]?.body ?? "")).toEqual({
      name: "score-writing",
      payload: { assessmentId: "a-2" },
    });
    status = 404;
    await expect(publishToArc({ name: "score-writing", payload: {} })).rejects.toThrow(
      "Not found (404)",
    );
  });
});
