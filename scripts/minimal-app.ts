/**
 * A minimal one-route Remix-on-Architect app of this project's versions and build options, built
 * from this project's node_modules: the floor the benchmarks compare the HTTP Lambda with.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

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
  // Without its own entry Remix installs isbot into the app folder, and with it a second React
  // that breaks rendering; this is Remix's default streaming entry, isbot aside.
  "app/entry.server.tsx": `import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
export default function handleRequest(request, status, headers, context) {
  return new Promise((resolve, reject) => {
    const { pipe } = renderToPipeableStream(<RemixServer context={context} url={request.url} />, {
      onShellReady() {
        const body = new PassThrough();
        headers.set("Content-Type", "text/html; charset=utf-8");
        resolve(new Response(createReadableStreamFromReadable(body), { headers, status }));
        pipe(body);
      },
      onShellError: reject,
    });
  });
}`,
  "app/routes/_index.tsx": `import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
export const loader = () => json({ hello: "world" });
export default function Index() { return <p>{useLoaderData<typeof loader>().hello}</p>; }`,
};

/** Builds the app and returns the path of its server build (which exports `handler`). */
export function buildMinimalApp(): string {
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
