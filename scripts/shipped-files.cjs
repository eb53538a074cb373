// The data files src/shipped-files.ts reads at run time, copied beside a bundle at the paths
// they have under src/: `node scripts/shipped-files.cjs server` after the Remix build (npm run
// build), and by esbuild.config.cjs beside each worker Lambda's bundle.
const { cpSync, statSync } = require("node:fs");
const { join, resolve } = require("node:path");

const SRC = resolve(__dirname, "..", "src");
/** Folders under src/ and the kind of file shipped from each (the code beside them is not). */
const SHIPPED = [
  { folder: "content/papers", extension: ".json" },
  { folder: "content/bank", extension: ".json" },
  { folder: "accounts/data", extension: ".txt" },
];

function copyShippedFiles(bundleDir) {
  for (const { folder, extension } of SHIPPED) {
    cpSync(join(SRC, folder), join(bundleDir, folder), {
      recursive: true,
      filter: (from) => from.endsWith(extension) || statSync(from).isDirectory(),
    });
  }
}

module.exports = { copyShippedFiles };

if (require.main === module) copyShippedFiles(resolve(process.argv[2] ?? "server"));
