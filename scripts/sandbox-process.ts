/** The child that startSandboxProcess forks: Sandbox on the given ports until told to stop. */
import { startSandbox, type SandboxPorts } from "./sandbox-env";

async function main(): Promise<void> {
  const [ports = "", outboxDir = ".data/bench-outbox"] = process.argv.slice(2);
  const sandbox = await startSandbox(JSON.parse(ports) as SandboxPorts, outboxDir);
  process.once("SIGTERM", () => {
    void sandbox.end().then(() => process.exit(0));
  });
  process.send?.("ready");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
