import { resolve } from "node:path";
import { testPorts } from "./ports";
import { version as sandboxVersion } from "@architect/sandbox/package.json";

// The same environment Sandbox gives its Lambdas, so that src/data modules used directly by a
// test resolve the test Sandbox's tables.
export function applySandboxEnv(env: NodeJS.ProcessEnv = process.env): void {
  env.ARC_ENV = "testing";
  env.ARC_APP_NAME = "ielts-ai-prep";
  env.AWS_REGION = "eu-west-2";
  env.AWS_ACCESS_KEY_ID = "local";
  env.AWS_SECRET_ACCESS_KEY = "local";
  env.AWS_EC2_METADATA_DISABLED = "true";
  env.ARC_HTTP_PORT = String(testPorts.http);
  env.ARC_EVENTS_PORT = String(testPorts.events);
  env.ARC_TABLES_PORT = String(testPorts.tables);
  env.ARC_INTERNAL_PORT = String(testPorts.internal);
  env.OUTBOX_DIR = resolve(".data/test-outbox");
  env.ARC_SANDBOX = JSON.stringify({
    version: sandboxVersion,
    ports: {
      http: testPorts.http,
      events: testPorts.events,
      tables: testPorts.tables,
      _arc: testPorts.internal,
    },
  });
}

applySandboxEnv();
