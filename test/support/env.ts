import { resolve } from "node:path";
import { applySandboxEnv } from "../../scripts/sandbox-env";
import { baseUrl, testPorts } from "./ports";

applySandboxEnv(testPorts);
process.env.OUTBOX_DIR = resolve(".data/test-outbox");
// The HTTP Lambda, loaded in process by the fuzz test, refuses to start without the site's address.
process.env.PUBLIC_BASE_URL = baseUrl;
