import { resolve } from "node:path";
import { applySandboxEnv } from "../../scripts/sandbox-env";
import { testPorts } from "./ports";

applySandboxEnv(testPorts);
process.env.OUTBOX_DIR = resolve(".data/test-outbox");
