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

describe("import boundaries", () => {
  it("refuse a component importing src/ai, src/data or a .server module", async () => {
    const file = "app/components/result/NewPanel.tsx";
    expect(
      await boundaryErrors(
        file,
        'import type { ScoringResult } from "../../../src/ai/types";\nexport type R = ScoringResult;\n',
      ),
    ).toEqual([expect.stringContaining("Components run in the browser")]);
    expect(
      await boundaryErrors(
        file,
        'import { getAssessment } from "../../../src/data/assessments";\nexport const g = getAssessment;\n',
      ),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(
        file,
        'import { requireUser } from "~/session.server";\nexport const r = requireUser;\n',
      ),
    ).toEqual([expect.stringContaining("*.server modules stay on the server")]);
    expect(
      await boundaryErrors(
        file,
        'import { bandLabel } from "./labels";\nimport { roundToHalfBand } from "../../../src/scoring/bands";\nexport const b = [bandLabel, roundToHalfBand];\n',
      ),
    ).toEqual([]);
  });

  it("refuse src importing app", async () => {
    expect(
      await boundaryErrors(
        "src/progress/new.ts",
        'import { requireUser } from "~/session.server";\nexport const r = requireUser;\n',
      ),
    ).toEqual([expect.stringContaining("src/ never imports app/")]);
    expect(
      await boundaryErrors(
        "src/progress/new.ts",
        'import { x } from "../../app/form-state";\nexport const y = x;\n',
      ),
    ).toHaveLength(1);
  });

  it("keep src/scoring pure at every depth", async () => {
    expect(
      await boundaryErrors(
        "src/scoring/new.ts",
        'import { x } from "../data/tables";\nexport const y = x;\n',
      ),
    ).toEqual([expect.stringContaining("src/scoring is pure")]);
    expect(
      await boundaryErrors(
        "src/scoring/language/new.ts",
        'import { x } from "../../ai/prompt";\nexport const y = x;\n',
      ),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(
        "src/scoring/language/new.ts",
        'import { x } from "../bands";\nimport * as z from "zod";\nexport const y = [x, z];\n',
      ),
    ).toEqual([]);
  });

  it("keep src/data free of the layers above it", async () => {
    expect(
      await boundaryErrors(
        "src/data/new.ts",
        'import type { ScoringResult } from "../ai/types";\nexport type R = ScoringResult;\n',
      ),
    ).toEqual([expect.stringContaining("src/data is storage only")]);
    expect(
      await boundaryErrors(
        "src/data/new.ts",
        'import { tables } from "./tables";\nexport const t = tables;\n',
      ),
    ).toEqual([]);
  });

  it("refuse zod's named z import, which keeps all of zod in the Lambda bundle", async () => {
    const [named] = await eslint.lintText(
      'import { z } from "zod";\nexport const s = z.string();\n',
      {
        filePath: "src/progress/new.ts",
      },
    );
    expect(named?.messages.map((m) => m.ruleId)).toEqual(["no-restricted-syntax"]);
    const [spaced] = await eslint.lintText(
      'import * as z from "zod";\nexport const s = z.string();\n',
      {
        filePath: "src/progress/new.ts",
      },
    );
    expect(spaced?.messages).toEqual([]);
  });
});
