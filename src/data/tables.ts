import type { DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { arcServices, AWS_CALL_TIMEOUTS, localClientConfig, sandboxPorts } from "./arc";

export type TableName =
  | "users"
  | "sessions"
  | "auth-tokens"
  | "throttles"
  | "assessments"
  | "qr-tokens"
  | "api-tokens"
  | "entitlements"
  | "questions"
  | "rubrics"
  | "ai-safety-logs"
  | "content-reports"
  | "purchases"
  | "credit-ledger"
  | "consents"
  | "audit-log"
  | "daily-stats";

// The SDK is loaded with the first database call, not at start-up: it was a third of the HTTP
// Lambda's import time, and the pages a visitor lands on first (home, login) read nothing.
const loadSdk = () =>
  Promise.all([import("@aws-sdk/client-dynamodb"), import("@aws-sdk/lib-dynamodb")]).then(
    ([client, lib]) => ({ ...lib, DynamoDBClient: client.DynamoDBClient }),
  );

export interface Db {
  doc: DynamoDBDocumentClient;
  table(name: TableName): string;
  /** The document client's commands, from the SDK loaded on first use. */
  sdk: Awaited<ReturnType<typeof loadSdk>>;
}

let dbPromise: Promise<Db> | undefined;

/**
 * One client and one name lookup per process: the lookup is a network round trip (SSM in AWS,
 * Sandbox's internal port locally), too slow to repeat on every request of a warm Lambda.
 */
export function getDb(): Promise<Db> {
  dbPromise ??= connect().catch((error: unknown) => {
    // A failed lookup (Sandbox not up yet) must not poison the process for good.
    dbPromise = undefined;
    throw error;
  });
  return dbPromise;
}

async function connect(): Promise<Db> {
  const [names, sdk] = await Promise.all([
    arcServices().then((services) => services.tables ?? {}),
    loadSdk(),
  ]);
  const doc = sdk.DynamoDBDocumentClient.from(new sdk.DynamoDBClient(clientConfig()), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return {
    doc,
    sdk,
    table(name) {
      const physical = names[name];
      if (!physical) throw new Error(`Table "${name}" is not declared in app.arc`);
      return physical;
    },
  };
}

/**
 * The connection timer runs from the moment a request is made, so it also counts time spent
 * waiting for a free socket or for a busy event loop to see the socket connect. A Lambda serves
 * one request at a time; Sandbox shares a machine with its database, the browser and the tests
 * (and the load test puts 100 students in one process): there 1 s turned load into errors
 * (600 of 1,000 requests in the load test), so the wait for a connection is longer locally.
 */
const SANDBOX_CONNECTION_TIMEOUT = 10_000;

function clientConfig(): DynamoDBClientConfig {
  const ports = sandboxPorts();
  if (!ports) return { requestHandler: AWS_CALL_TIMEOUTS };
  if (!ports.tables) throw new Error("ARC_SANDBOX does not name a tables port");
  return {
    ...localClientConfig(`http://localhost:${ports.tables}`),
    requestHandler: { ...AWS_CALL_TIMEOUTS, connectionTimeout: SANDBOX_CONNECTION_TIMEOUT },
  };
}
