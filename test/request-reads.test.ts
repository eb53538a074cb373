import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import type { User } from "../src/data/users";
import { InProcessClient } from "./support/in-process";
import { createStudent, sessionCookieFor } from "./support/users";

// The bundle leaves the AWS SDK out and requires it from node_modules, so this is the client
// class every database call of the built handler goes through.
const { DynamoDBDocumentClient } = createRequire(import.meta.url)("@aws-sdk/lib-dynamodb") as {
  DynamoDBDocumentClient: { prototype: { send: (command: unknown) => Promise<unknown> } };
};
const send = DynamoDBDocumentClient.prototype.send;

/** The tables each item read of the handler went to while `run` goes on, one entry a call. */
async function readsDuring(run: () => Promise<unknown>): Promise<string[][]> {
  const calls: string[][] = [];
  const tableOf = (physical: string) => physical.replace(/^.*-/, "");
  DynamoDBDocumentClient.prototype.send = function (command) {
    const { input, constructor } = command as {
      input: { TableName?: string; RequestItems?: Record<string, unknown> };
      constructor: { name: string };
    };
    if (constructor.name === "GetCommand") calls.push([tableOf(String(input.TableName))]);
    if (constructor.name === "BatchGetCommand") {
      calls.push(Object.keys(input.RequestItems ?? {}).map(tableOf));
    }
    return send.call(this, command);
  };
  try {
    await run();
  } finally {
    DynamoDBDocumentClient.prototype.send = send;
  }
  return calls;
}

describe("database reads of a signed-in page", () => {
  let student: User;
  let cookie: { name: string; value: string };
  beforeAll(async () => {
    student = await createStudent("request-reads");
    cookie = await sessionCookieFor(student);
  });

  it("reads the session and the user once, together in one call, though the root and the page loader both ask", async () => {
    const client = new InProcessClient().signIn(cookie);
    let status = 0;
    const calls = await readsDuring(async () => {
      status = (await client.send({ method: "GET", path: "/dashboard" })).statusCode ?? 0;
    });
    expect(status).toBe(200);
    const signedIn = calls.filter(
      (tables) => tables.includes("sessions") || tables.includes("users"),
    );
    expect(signedIn).toEqual([expect.arrayContaining(["sessions", "users"])]);
    expect(signedIn[0]).toHaveLength(2);
  });

  it("reads them afresh on the next request", async () => {
    const client = new InProcessClient().signIn(cookie);
    const calls = await readsDuring(async () => {
      await client.send({ method: "GET", path: "/dashboard" });
      await client.send({ method: "GET", path: "/progress" });
    });
    expect(calls.filter((tables) => tables.includes("sessions"))).toHaveLength(2);
  });
});
