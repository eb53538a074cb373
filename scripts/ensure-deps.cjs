// `npm start` on a fresh clone: install exactly what the lock file says before anything runs.
const { existsSync } = require("node:fs");
const { execSync } = require("node:child_process");
const { join } = require("node:path");

const root = join(__dirname, "..");
if (!existsSync(join(root, "node_modules", ".package-lock.json"))) {
  console.log("Installing dependencies (npm ci), once...");
  execSync("npm ci --no-audit --no-fund", { cwd: root, stdio: "inherit" });
}
