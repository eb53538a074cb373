import { lambdaEnv } from "../../scripts/sandbox-env";
import { applySandboxEnv } from "./env";

type Sandbox = { start(o: object): Promise<unknown>; end(): Promise<unknown> };

let sandbox: Sandbox | undefined;

export async function setup(): Promise<void> {
  applySandboxEnv();
  // Loaded after the environment is set: Sandbox reads its ports from it at start.
  const mod = (await import("@architect/sandbox")) as unknown as { default?: Sandbox } & Sandbox;
  sandbox = mod.default ?? mod;
  await sandbox.start({ quiet: true, cwd: process.cwd(), env: lambdaEnv(".data/test-outbox") });
}

export async function teardown(): Promise<void> {
  await sandbox?.end();
}
