import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { arcServices } from "./arc";

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

export interface Db {
  doc: DynamoDBDocumentClient;
  table(name: TableName): string;
}

interface SandboxEnv {
  ports?: { tables?: number };
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
  const names = (await arcServices()).tables ?? {};
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig()), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return {
    doc,
    table(name) {
      const physical = names[name];
      if (!physical) throw new Error(`Table "${name}" is not declared in app.arc`);
      return physical;
    },
  };
}

/**
 * Without these the SDK waits up to 5 minutes on a connection that never answers, far past the
 * HTTP Lambda's 15 s: the student would get the gateway's bare error instead of ours. DynamoDB
 * answers in milliseconds, so a request still unanswered after 3 s is retried (the SDK's three
 * tries then fit inside the Lambda, with time left to say what happened).
 */
export const DYNAMODB_TIMEOUTS = {
  connectionTimeout: 1_000,
  requestTimeout: 3_000,
  throwOnRequestTimeout: true,
} as const;

/**
 * The connection timer runs from the moment a request is made, so it also counts time spent
 * waiting for a free socket or for a busy event loop to see the socket connect. A Lambda serves
 * one request at a time; Sandbox shares a machine with its database, the browser and the tests
 * (and the load test puts 100 students in one process): there 1 s turned load into errors
 * (600 of 1,000 requests in the load test), so the wait for a connection is longer locally.
 */
const SANDBOX_CONNECTION_TIMEOUT = 10_000;

function clientConfig(): DynamoDBClientConfig {
  const sandbox = process.env.ARC_SANDBOX;
  if (!sandbox) return { requestHandler: DYNAMODB_TIMEOUTS };
  const requestHandler = { ...DYNAMODB_TIMEOUTS, connectionTimeout: SANDBOX_CONNECTION_TIMEOUT };
  const port = (JSON.parse(sandbox) as SandboxEnv).ports?.tables;
  if (!port) throw new Error("ARC_SANDBOX does not name a tables port");
  const { AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY } = process.env;
  return {
    requestHandler,
    endpoint: `http://localhost:${port}`,
    region: AWS_REGION ?? "us-west-2",
    // Sandbox's DynamoDB accepts any credentials; without a fallback the SDK would go looking
    // for real ones (profile files, instance metadata) and stall or fail.
    credentials: {
      accessKeyId: AWS_ACCESS_KEY_ID ?? "local",
      secretAccessKey: AWS_SECRET_ACCESS_KEY ?? "local",
    },
  };
}
