/**
 * The HTTP Lambda's server build: its size (raw, gzip) and how long a fresh Node process takes
 * to require it, beside a minimal one-route Remix-on-Architect app of the same versions and
 * build options, built here in the same run. Samples alternate between the two so a busy
 * machine slows both alike; CPU time is printed beside wall time because it is steadier.
 *
 *   npm run build && npm run bench
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const SAMPLES = 9;
// Another build (an older one, say) can be measured instead: tsx scripts/bundle-size.ts FILE
const ours = resolve(process.argv[2] ?? "server/index.js");
const minimalDir = resolve(".cache/bench-minimal-app");

// The same options as remix.config.js that shape the server bundle.
const MINIMAL_APP: Record<string, string> = {
  "remix.config.js": `module.exports = {
  serverBuildPath: "server/index.js",
  server: "./server.ts",
  serverModuleFormat: "cjs",
  serverMinify: true,
  serverDependenciesToBundle: [/^(?!@aws-sdk\\/|aws-sdk|undici$|@remix-run\\/web-fetch$).*/],
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true },
};`,
  "tsconfig.json": JSON.stringify({ compilerOptions: { jsx: "react-jsx", module: "ESNext" } }),
  "server.ts": `import { createRequestHandler } from "@remix-run/architect";
import * as build from "@remix-run/dev/server-build";
export const handler = createRequestHandler({ build, mode: process.env.NODE_ENV });`,
  "app/root.tsx": `import { Links, Meta, Outlet, Scripts } from "@remix-run/react";
export default function App() {
  return (<html lang="en"><head><Meta /><Links /></head><body><Outlet /><Scripts /></body></html>);
}`,
  "app/routes/_index.tsx": `import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
export const loader = () => json({ hello: "world" });
export default function Index() { return <p>{useLoaderData<typeof loader>().hello}</p>; }`,
};

function buildMinimalApp(): string {
  rmSync(minimalDir, { recursive: true, force: true });
  // Its dependencies at this project's versions, resolved from this project's node_modules.
  const deps = (
    JSON.parse(readFileSync("package.json", "utf8")) as {
      dependencies: Record<string, string>;
    }
  ).dependencies;
  const names = [
    "@remix-run/architect",
    "@remix-run/node",
    "@remix-run/react",
    "react",
    "react-dom",
  ];
  const pkg = { private: true, dependencies: Object.fromEntries(names.map((n) => [n, deps[n]])) };
  for (const [path, text] of Object.entries({
    ...MINIMAL_APP,
    "package.json": JSON.stringify(pkg),
  })) {
    mkdirSync(join(minimalDir, path, ".."), { recursive: true });
    writeFileSync(join(minimalDir, path), text);
  }
  execFileSync(process.execPath, [resolve("node_modules/@remix-run/dev/dist/cli.js"), "build"], {
    cwd: minimalDir,
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production" },
  });
  return join(minimalDir, "server/index.js");
}

const PROBE = `const t = process.hrtime.bigint(), c = process.cpuUsage();
require(process.argv[1]);
const u = process.cpuUsage(c);
console.log(JSON.stringify({ wall: Number(process.hrtime.bigint() - t) / 1e6, cpu: (u.user + u.system) / 1e3 }));`;

function importTime(file: string): { wall: number; cpu: number } {
  // The deployed Lambda runs with NODE_ENV=production; React and Remix pick their builds by it.
  const out = execFileSync(process.execPath, ["-e", PROBE, file], {
    env: { ...process.env, NODE_ENV: "production" },
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as { wall: number; cpu: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

function main(): void {
  statSync(ours); // a clear ENOENT before anything else when `npm run build` was not run
  const minimal = buildMinimalApp();
  const samples = new Map<string, { wall: number; cpu: number }[]>([
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
    `  ${"".padEnd(26)}${"raw".padStart(9)}${"gzip".padStart(9)}${"import wall".padStart(13)}${"import CPU".padStart(12)}`,
  );
  const row = (label: string, file: string) => {
    const body = readFileSync(file);
    const times = samples.get(file)!;
    const wall = median(times.map((t) => t.wall));
    const cpu = median(times.map((t) => t.cpu));
    console.log(
      `  ${label.padEnd(26)}${kb(body.length).padStart(9)}${kb(gzipSync(body).length).padStart(9)}${`${wall.toFixed(0)} ms`.padStart(13)}${`${cpu.toFixed(0)} ms`.padStart(12)}`,
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
