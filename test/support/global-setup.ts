import { applySandboxEnv, lambdaEnv } from "../../scripts/sandbox-env";
import { testPorts } from "./ports";
import type Sandbox from "@architect/sandbox";

let sandbox: typeof Sandbox | undefined;

export async function setup(): Promise<void> {
  applySandboxEnv(testPorts);
  // Loaded after the environment is set: Sandbox reads its ports from it at start.
  sandbox = (await import("@architect/sandbox")).default;
  await sandbox.start({ quiet: true, cwd: process.cwd(), env: lambdaEnv(".data/test-outbox") });
}

export async function teardown(): Promise<void> {
  await sandbox?.end();
}
