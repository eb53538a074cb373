import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The boundary rules in eslint.config.mjs, run on code that breaks them and on code that does
// not, at the paths where such code would live (the files need not exist).
const eslint = new ESLint({ cwd: fileURLToPath(new URL("..", import.meta.url)) });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-imports")
    .map((m) => m.message);
}

const refused = (message: string) => [expect.stringContaining(message)];
const COMPONENT = "app/components/result/NewPanel.tsx";

describe("import boundaries", () => {
  // The rule, the file, its code, and the errors it must get (one of any wording, or none).
  it.each([
    [
      "refuse a component importing src/ai",
      COMPONENT,
      'import type { ScoringResult } from "../../../src/ai/types";\nexport type R = ScoringResult;\n',
      refused("Components run in the browser"),
    ],
    [
      "refuse a component importing src/data",
      COMPONENT,
      'import { getAssessment } from "../../../src/data/assessments";\nexport const g = getAssessment;\n',
      [expect.any(String)],
    ],
    [
      "refuse a component importing a .server module",
      COMPONENT,
      'import { requireUser } from "~/session.server";\nexport const r = requireUser;\n',
      refused("*.server modules stay on the server"),
    ],
    [
      "let a component import its neighbours and src/scoring",
      COMPONENT,
      'import { bandLabel } from "./labels";\nimport { roundToHalfBand } from "../../../src/scoring/bands";\nexport const b = [bandLabel, roundToHalfBand];\n',
      [],
    ],
    [
      "refuse src importing app",
      "src/progress/new.ts",
      'import { requireUser } from "~/session.server";\nexport const r = requireUser;\n',
      refused("src/ never imports app/"),
    ],
    [
      "refuse src importing app by a relative path",
      "src/progress/new.ts",
      'import { x } from "../../app/form-state";\nexport const y = x;\n',
      [expect.any(String)],
    ],
    [
      "keep src/scoring pure",
      "src/scoring/new.ts",
      'import { x } from "../data/tables";\nexport const y = x;\n',
      refused("src/scoring is pure"),
    ],
    [
      "keep src/scoring pure at every depth",
      "src/scoring/language/new.ts",
      'import { x } from "../../ai/prompt";\nexport const y = x;\n',
      [expect.any(String)],
    ],
    [
      "let src/scoring import itself and zod",
      "src/scoring/language/new.ts",
      'import { x } from "../bands";\nimport * as z from "zod";\nexport const y = [x, z];\n',
      [],
    ],
    [
      "keep src/data free of the layers above it",
      "src/data/new.ts",
      'import type { ScoringResult } from "../ai/types";\nexport type R = ScoringResult;\n',
      refused("src/data is storage only"),
    ],
    [
      "let src/data import its own helpers",
      "src/data/new.ts",
      'import { tables } from "./tables";\nexport const t = tables;\n',
      [],
    ],
  ])("%s (%s)", async (_rule, file, code, errors) => {
    expect(await boundaryErrors(file, code)).toEqual(errors);
  });

  it("refuse zod's named z import, which keeps all of zod in the Lambda bundle", async () => {
    const lint = async (code: string) =>
      (await eslint.lintText(code, { filePath: "src/progress/new.ts" }))[0];
    const named = await lint('import { z } from "zod";\nexport const s = z.string();\n');
    expect(named?.messages.map((m) => m.ruleId)).toEqual(["no-restricted-syntax"]);
    const spaced = await lint('import * as z from "zod";\nexport const s = z.string();\n');
    expect(spaced?.messages).toEqual([]);
  });

  it("refuse a route's action or loader made by a call at the top, which the browser runs", async () => {
    const route = "app/routes/new.tsx";
    const lint = async (code: string) =>
      (await eslint.lintText(code, { filePath: route }))[0]?.messages.map((m) => m.ruleId);
    const made = 'import { adminChange } from "~/admin.server";\n';
    expect(await lint(`${made}export const action = adminChange(["a"]);\n`)).toEqual([
      "no-restricted-syntax",
    ]);
    expect(
      await lint(`${made}export function action() {\n  return adminChange(["a"]);\n}\n`),
    ).toEqual([]);
    // The zod rule still holds in route files.
    expect(await lint('import { z } from "zod";\nexport const s = z.string();\n')).toEqual([
      "no-restricted-syntax",
    ]);
  });
});
