/**
 * The HTTP Lambda's server build: its size (raw, gzip) and how long a fresh Node process takes
 * to require it, beside a minimal one-route Remix-on-Architect app of the same versions and
 * build options, built here in the same run. Samples alternate between the two so a busy
 * machine slows both alike; CPU time is printed beside wall time because it is steadier. The
 * compile column is V8 compiling the file without running it: what no deferred initialisation can
 * take off the import, so it shows how much of the gap is the bundle's size.
 *
 *   npm run build && npm run bench
 */
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { buildMinimalApp } from "./minimal-app";

const SAMPLES = 9;
// Another build (an older one, say) can be measured instead: tsx scripts/bundle-size.ts FILE
const ours = resolve(process.argv[2] ?? "server/index.js");

const PROBE = `const t = process.hrtime.bigint(), c = process.cpuUsage();
require(process.argv[1]);
const u = process.cpuUsage(c);
console.log(JSON.stringify({ wall: Number(process.hrtime.bigint() - t) / 1e6, cpu: (u.user + u.system) / 1e3 }));`;

const COMPILE_PROBE = `const { readFileSync } = require("node:fs"), { Script } = require("node:vm"), { wrap } = require("node:module");
const source = wrap(readFileSync(process.argv[1], "utf8")), t = process.hrtime.bigint();
new Script(source, { filename: process.argv[1] });
console.log(JSON.stringify({ wall: Number(process.hrtime.bigint() - t) / 1e6 }));`;

interface Sample {
  wall: number;
  cpu: number;
  compile: number;
}

function probe<T>(script: string, file: string): T {
  // The deployed Lambda runs with NODE_ENV=production; React and Remix pick their builds by it.
  // It refuses to start without the site's address (server.ts), so the probe gives it one.
  const out = execFileSync(process.execPath, ["-e", script, file], {
    env: { ...process.env, NODE_ENV: "production", PUBLIC_BASE_URL: "https://example.org" },
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as T;
}

// Compiling in the process that then requires the file would let the require reuse V8's cache.
function importTime(file: string): Sample {
  const loaded = probe<{ wall: number; cpu: number }>(PROBE, file);
  return { ...loaded, compile: probe<{ wall: number }>(COMPILE_PROBE, file).wall };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

function main(): void {
  statSync(ours); // a clear ENOENT before anything else when `npm run build` was not run
  const minimal = buildMinimalApp();
  const samples = new Map<string, Sample[]>([
    [ours, []],
    [minimal, []],
  ]);
  importTime(ours); // warm the file cache for both before measuring
  importTime(minimal);
  for (let i = 0; i < SAMPLES; i++) {
    for (const [file, list] of samples) list.push(importTime(file));
  }
  console.log(`HTTP Lambda server build (median of ${SAMPLES} fresh processes each)`);
  console.log(
    `  ${"".padEnd(26)}${"raw".padStart(9)}${"gzip".padStart(9)}${"import wall".padStart(13)}${"import CPU".padStart(12)}${"of it compile".padStart(15)}`,
  );
  const row = (label: string, file: string) => {
    const body = readFileSync(file);
    const times = samples.get(file)!;
    const wall = median(times.map((t) => t.wall));
    const cpu = median(times.map((t) => t.cpu));
    const compile = median(times.map((t) => t.compile));
    console.log(
      `  ${label.padEnd(26)}${kb(body.length).padStart(9)}${kb(gzipSync(body).length).padStart(9)}${`${wall.toFixed(0)} ms`.padStart(13)}${`${cpu.toFixed(0)} ms`.padStart(12)}${`${compile.toFixed(0)} ms`.padStart(15)}`,
    );
    return { wall, cpu };
  };
  const a = row(`this app (${relative(process.cwd(), ours)})`, ours);
  const b = row("minimal one-route app", minimal);
  console.log(
    `  import ratio (this / minimal): wall ${(a.wall / b.wall).toFixed(2)}x, CPU ${(a.cpu / b.cpu).toFixed(2)}x`,
  );
}

main();
