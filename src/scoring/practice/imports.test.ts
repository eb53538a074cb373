import { build } from "esbuild";
import { readdirSync } from "node:fs";
import { expect, it } from "vitest";

// Drills run in the HTTP Lambda, which must stay small and quick to start: none of the scoring
// worker's language libraries may be reachable from here, even through a shared helper.
const HEAVY =
  /harper\.js|wink-|nspell|dictionary-en|scoring\/language\/(index|nlp|grammar|spelling)/;

it("keeps the practice checks free of the heavy language libraries", async () => {
  const dir = new URL(".", import.meta.url).pathname;
  const entryPoints = readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => `${dir}${f}`);
  const { metafile } = await build({
    entryPoints,
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    write: false,
    metafile: true,
    outdir: "unused",
    logLevel: "silent",
  });
  const reached = [
    ...Object.keys(metafile.inputs),
    ...Object.values(metafile.outputs).flatMap((o) => o.imports.map((i) => i.path)),
  ];
  expect(reached.filter((path) => HEAVY.test(path))).toEqual([]);
});
