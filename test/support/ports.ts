import type { SandboxPorts } from "../../scripts/sandbox-env";

// Tests run their own Sandbox beside any `npm start` instance, so they use their own ports;
// TEST_PORT_OFFSET moves them again for a second test run on the same machine.
const offset = Number(process.env.TEST_PORT_OFFSET ?? 0);
export const testPorts: SandboxPorts = {
  http: 3334 + offset,
  events: 4445 + offset,
  tables: 5556 + offset,
  internal: 2223 + offset,
};
export const baseUrl = `http://localhost:${testPorts.http}`;

/** The fake Bedrock that the test Sandbox's scoring workers are configured to call. */
export const fakeBedrockPort = 4600 + offset;
