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
};
