/** @type {import('@remix-run/dev').AppConfig} */
module.exports = {
  cacheDirectory: "./node_modules/.cache/remix",
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  publicPath: "/_static/build/",
  assetsBuildDirectory: "public/build",
  server: "./server.ts",
  // One self-contained CommonJS file for the HTTP Lambda (nothing for Architect to hydrate),
  // but for the AWS SDK, which the Lambda runtime provides. CommonJS because bundled CommonJS
  // dependencies require() Node built-ins, which an ES module bundle cannot do.
  serverBuildPath: "server/index.js",
  serverModuleFormat: "cjs",
  serverDependenciesToBundle: [/^(?!@aws-sdk\/|aws-sdk).*/],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
  },
};
