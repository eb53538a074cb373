#!/usr/bin/env node
"use strict";
// Launcher for the `ielts` tool: the CLI is TypeScript run through tsx. Both hooks are
// registered because this package is CommonJS (so .ts files load as CommonJS) while the
// scorer's dependencies (harper.js, dictionary-en) are ESM-only and reached by import().
const path = require("node:path");
const { pathToFileURL } = require("node:url");
require("tsx/cjs");

import("tsx/esm")
  .then(() => import(pathToFileURL(path.join(__dirname, "..", "src", "cli", "main.ts")).href))
  // main.ts compiles to CommonJS here, so its exports may arrive under `default`.
  .then((cli) => (cli.run ?? cli.default.run)(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
