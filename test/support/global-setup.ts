import { applySandboxEnv, lambdaEnv } from "../../scripts/sandbox-env";
import { fakeBedrockPort, testPorts } from "./ports";
import { appleLikeChain, saveChain, TEST_BUNDLE_ID } from "./x509";
import type Sandbox from "@architect/sandbox";

let sandbox: typeof Sandbox | undefined;

export async function setup(): Promise<void> {
  applySandboxEnv(testPorts);
  // Loaded after the environment is set: Sandbox reads its ports from it at start.
  sandbox = (await import("@architect/sandbox")).default;
  const apple = appleLikeChain();
  saveChain(apple);
  await sandbox.start({
    quiet: true,
    cwd: process.cwd(),
    env: {
      ...lambdaEnv(".data/test-outbox"),
      // Scoring workers call a fake Bedrock that the pipeline tests run on this port; when no
      // test is listening the call fails and the offline scorer takes over, as in production.
      AI_PROVIDERS: "bedrock,local",
      BEDROCK_ENDPOINT: `http://127.0.0.1:${fakeBedrockPort}`,
      // App Store purchases verified against a root the tests made (test/support/x509.ts).
      APPLE_BUNDLE_ID: TEST_BUNDLE_ID,
      APPLE_ENVIRONMENT: "Sandbox",
      APPLE_ROOT_CA_PEM: apple.root.pem,
    },
  });
  const { seedQuestions } = await import("../../src/data/questions");
  const { questionBank } = await import("../../src/content/bank");
  await seedQuestions(questionBank());
}

export async function teardown(): Promise<void> {
  await sandbox?.end();
}
