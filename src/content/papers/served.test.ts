import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { getTest } from ".";
import { listeningTestSchema, readingTestSchema } from "./schema";

const folder = fileURLToPath(new URL(".", import.meta.url));

describe("the papers the app serves", () => {
  it("are, file by file, what the schema makes of the JSON", () => {
    const files = readdirSync(folder).filter((f) => f.endsWith(".json"));
    expect(files.length).toBe(18);
    for (const file of files) {
      const json: unknown = JSON.parse(readFileSync(`${folder}/${file}`, "utf8"));
      const schema = file.startsWith("listening-") ? listeningTestSchema : readingTestSchema;
      const parsed = schema.parse(json);
      expect(getTest(parsed.id), file).toStrictEqual(parsed);
    }
  });
});
