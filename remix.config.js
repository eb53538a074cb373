/** @type {import('@remix-run/dev').AppConfig} */
module.exports = {
  cacheDirectory: "./node_modules/.cache/remix",
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  publicPath: "/_static/build/",
  assetsBuildDirectory: "public/build",
  server: "./server.ts",
  serverBuildPath: "server/index.mjs",
  serverModuleFormat: "esm",
  // Scoring libraries never belong in the HTTP Lambda; AWS SDKs stay external for the runtime.
  serverDependenciesToBundle: [/^(?!@aws-sdk|@architect|harper\.js|wink|nspell|dictionary-).*/],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
  },
};
