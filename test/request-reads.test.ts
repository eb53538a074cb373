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

/** The tables the handler reads items from while `run` goes on, one entry a read. */
async function readsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const tables: string[] = [];
  DynamoDBDocumentClient.prototype.send = function (command) {
    const { input, constructor } = command as {
      input: { TableName?: string };
      constructor: { name: string };
    };
    if (constructor.name === "GetCommand") tables.push(String(input.TableName).replace(/^.*-/, ""));
    return send.call(this, command);
  };
  try {
    await run();
  } finally {
    DynamoDBDocumentClient.prototype.send = send;
  }
  return tables;
}

describe("database reads of a signed-in page", () => {
  let student: User;
  let cookie: { name: string; value: string };
  beforeAll(async () => {
    student = await createStudent("request-reads");
    cookie = await sessionCookieFor(student);
  });

  it("reads the session and the user once, though the root and the page loader both ask", async () => {
    const client = new InProcessClient().signIn(cookie);
    let status = 0;
    const tables = await readsDuring(async () => {
      status = (await client.send({ method: "GET", path: "/dashboard" })).statusCode ?? 0;
    });
    expect(status).toBe(200);
    expect(tables.filter((t) => t === "sessions")).toHaveLength(1);
    expect(tables.filter((t) => t === "users")).toHaveLength(1);
  });

  it("reads them afresh on the next request", async () => {
    const client = new InProcessClient().signIn(cookie);
    const tables = await readsDuring(async () => {
      await client.send({ method: "GET", path: "/dashboard" });
      await client.send({ method: "GET", path: "/progress" });
    });
    expect(tables.filter((t) => t === "sessions")).toHaveLength(2);
  });
});
