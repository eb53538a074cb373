import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// ---------------------------------------------------------------- layer boundaries
// no-restricted-imports sees the import string, not the resolved file, so each rule is written
// for the relative paths a file at that depth would use. A file matched by several config
// objects gets only the last one's options, so every object lists all the rules its files obey.

const NOT_APP = {
  regex: "^(~/|(\\.\\./)+app/)",
  message:
    "src/ never imports app/: the web pages are one door among several (API, admin, CLI, workers).",
};

const DATA_IS_STORAGE = {
  // The question bank's schema is the questions' domain type: rows are re-validated on read.
  regex: "^\\.\\./(?!domain/|content/schema$)",
  message:
    "src/data is storage only: outside itself it imports only src/domain and the question schema.",
};

/**
 * For a file `depth` folders below src/scoring, an import that climbs that many folders leaves
 * src/scoring. Tests may still reach the shared helpers in test/support.
 */
const scoringStaysPure = (depth, test) => ({
  regex: `^(\\.\\./){${depth}}${test ? "(?!\\.\\./test/support/)" : ""}`,
  message: "src/scoring is pure: it imports nothing of the project outside src/scoring.",
});

const COMPONENTS_HAVE_NO_SERVER_CODE = [
  {
    regex: "(^|/)src/(ai|data)(/|$)",
    message: "Components run in the browser: they import neither src/ai nor src/data.",
  },
  {
    regex: "\\.server(\\.[jt]sx?)?$",
    message: "Components run in the browser: *.server modules stay on the server.",
  },
];

const ZOD_NAMESPACE_IMPORT = {
  // zod's `z` export is the whole namespace object, so esbuild cannot tree-shake it: the named
  // import put all of zod (its 40 locales too, 340 KB) in the HTTP Lambda's bundle.
  selector: "ImportDeclaration[source.value='zod'] ImportSpecifier[imported.name='z']",
  message: 'Import zod as `import * as z from "zod"`, which lets the bundler drop what is unused.',
};

const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

const SCORING_DEPTHS = [1, 2, 3, 4];

const boundaries = [
  { files: ["src/**/*.ts"], rules: restrict(NOT_APP) },
  {
    files: ["src/data/**/*.ts"],
    rules: restrict(NOT_APP, DATA_IS_STORAGE),
  },
  {
    // Its tests may also use the local stand-ins for AWS in test/.
    files: ["src/data/**/*.test.ts"],
    rules: restrict(NOT_APP, {
      ...DATA_IS_STORAGE,
      regex: DATA_IS_STORAGE.regex.replace("(?!", "(?!\\.\\./test/|"),
    }),
  },
  ...SCORING_DEPTHS.flatMap((depth) => {
    const files = [`src/scoring/${"*/".repeat(depth - 1)}*.ts`];
    return [
      { files, ignores: ["**/*.test.ts"], rules: restrict(NOT_APP, scoringStaysPure(depth)) },
      {
        files: files.map((f) => f.replace(/\.ts$/, ".test.ts")),
        rules: restrict(NOT_APP, scoringStaysPure(depth, true)),
      },
    ];
  }),
  {
    files: ["app/components/**/*.{ts,tsx}"],
    rules: restrict(...COMPONENTS_HAVE_NO_SERVER_CODE),
  },
];

export default tseslint.config(
  {
    ignores: [
      "node_modules",
      "build",
      "public/build",
      "public/audio",
      "server/index.js",
      ".build",
      "sam.json",
      "**/*.cjs",
      ".cache",
      "remix.config.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "off",
      "no-restricted-syntax": ["error", ZOD_NAMESPACE_IMPORT],
    },
  },
  // After the rules for every file, whose no-restricted-syntax would replace this one.
  {
    files: ["app/routes/**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ZOD_NAMESPACE_IMPORT,
        {
          // The browser build keeps a call at the top of a route module, and the .server module
          // the called function comes from is empty there: the page's script throws on load.
          selector:
            "ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[id.name=/^(loader|action)$/] > CallExpression",
          message:
            "Make the loader or action a function that does the call: a top-level call runs in the browser too.",
        },
      ],
    },
  },
  ...boundaries,
);
