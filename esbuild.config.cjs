const { dirname } = require("node:path");
const { copyShippedFiles } = require("./scripts/shipped-files.cjs");

// harper.js loads its WebAssembly from beside its own JavaScript, so it must stay a real
// package in node_modules rather than be bundled (see DESIGN.md, Known pitfalls).
module.exports = {
  external: [
    "@aws-sdk/*",
    "aws-sdk",
    "aws-sdk/*",
    "harper.js",
    "harper.js/*",
    "dictionary-en",
    "dictionary-en-gb",
  ],
  target: "node20",
  // A worker that reads a data file at run time (src/shipped-files.ts) finds it beside its
  // bundle, in Sandbox and in the package Architect deploys.
  plugins: [
    {
      name: "shipped-files",
      setup(build) {
        build.onEnd((result) => {
          if (result.errors.length === 0) copyShippedFiles(dirname(build.initialOptions.outfile));
        });
      },
    },
  ],
};
