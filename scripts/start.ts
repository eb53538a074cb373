import { defaultPorts, startSandbox } from "./sandbox-env";
import { seedDemoData, DEMO_ACCOUNTS } from "./seed";

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? defaultPorts.http);
  const sandbox = await startSandbox({ ...defaultPorts, http: port }, ".data/outbox");
  await seedDemoData();
  console.log(`\nIELTS AI Prep is running at http://localhost:${port}`);
  console.log("Scoring runs offline (no cloud keys set). Mail goes to the local outbox: /dev/mail");
  console.log("Demo accounts:");
  for (const account of DEMO_ACCOUNTS) {
    console.log(`  ${account.role.padEnd(8)} ${account.email}  password: ${account.password}`);
  }
  console.log("Press Ctrl+C to stop.");
  const stop = async () => {
    await sandbox.end();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
