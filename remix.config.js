/** @type {import('@remix-run/dev').AppConfig} */
module.exports = {
  cacheDirectory: "./node_modules/.cache/remix",
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  publicPath: "/_static/build/",
  assetsBuildDirectory: "public/build",
  server: "./server.ts",
  // One self-contained, minified CommonJS file for the HTTP Lambda (nothing for Architect to
  // hydrate), but for the AWS SDK, which the Lambda runtime provides. CommonJS because bundled
  // CommonJS dependencies require() Node built-ins, which an ES module bundle cannot do.
  // undici and @remix-run/web-fetch are fetch polyfills that only @remix-run/node's
  // installGlobals() requires, and we never call it: Node 22 has fetch and web streams. Left
  // out of the bundle, they cost nothing (about 950 KB with web-streams-polyfill otherwise).
  serverBuildPath: "server/index.js",
  serverModuleFormat: "cjs",
  serverMinify: true,
  serverDependenciesToBundle: [/^(?!@aws-sdk\/|aws-sdk|undici$|@remix-run\/web-fetch$).*/],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
  },
};
