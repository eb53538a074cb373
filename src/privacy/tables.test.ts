import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PRIVACY_TABLES, type TablePrivacy } from "./tables";

/** app.arc's @tables and @tables-indexes sections, as table -> key attributes / index names. */
function declared() {
  const arc = readFileSync("app.arc", "utf8");
  const section = (name: string) =>
    new RegExp(`^@${name}\\n([\\s\\S]*?)(?=^@|(?![\\s\\S]))`, "m").exec(arc)?.[1] ?? "";
  const blocks = (text: string) =>
    text
      .split(/\n\s*\n/)
      .map((block) => block.split("\n").filter((line) => line.trim() !== ""))
      .filter((lines) => lines.length > 0);
  const tables = new Map<string, string[]>();
  for (const [name, ...lines] of blocks(section("tables"))) {
    const keys = lines
      .map((line) => /^\s+(\S+)\s+\*{1,2}String/.exec(line)?.[1])
      .filter((key): key is string => key !== undefined);
    tables.set(name!.trim(), keys);
  }
  const indexes = new Map<string, { name: string; partition: string }[]>();
  for (const [table, ...lines] of blocks(section("tables-indexes"))) {
    const partition = lines.map((l) => /^\s+(\S+)\s+\*String/.exec(l)?.[1]).find(Boolean)!;
    const name = lines.map((l) => /^\s+name\s+(\S+)/.exec(l)?.[1]).find(Boolean)!;
    indexes.set(table!.trim(), [...(indexes.get(table!.trim()) ?? []), { name, partition }]);
  }
  return { tables, indexes };
}

const { tables, indexes } = declared();
const registry: Record<string, TablePrivacy> = PRIVACY_TABLES;

describe("the privacy registry", () => {
  it("reads app.arc's tables", () => {
    expect(tables.get("users")).toEqual(["pk"]);
    expect(tables.get("entitlements")).toEqual(["userId", "productId"]);
    expect(indexes.get("assessments")?.map((i) => i.name)).toEqual(["byUser", "byStatus"]);
  });

  it("says for every table in app.arc where a user's items are and what erasure does", () => {
    const missing = [...tables.keys()].filter((name) => !(name in registry));
    expect(missing, "tables in app.arc missing from src/privacy/tables.ts").toEqual([]);
    expect(Object.keys(registry).sort()).toEqual([...tables.keys()].sort());
  });

  it("names each table's key as app.arc declares it, so erasure deletes the right item", () => {
    for (const [name, policy] of Object.entries(registry)) {
      expect(policy.key, name).toEqual(tables.get(name));
    }
  });

  it("finds items through indexes and partition keys that exist", () => {
    for (const [name, policy] of Object.entries(registry)) {
      if (!policy.personal) continue;
      if (policy.locate.by === "index") {
        expect(indexes.get(name), `${name} has a byUser index on userId`).toContainEqual({
          name: "byUser",
          partition: "userId",
        });
      }
      if (policy.locate.by === "partition") expect(policy.key[0], name).toBe("userId");
      if (policy.locate.by === "indexed") {
        expect(indexes.get(name), `${name} has its ${policy.locate.index} index`).toContainEqual({
          name: policy.locate.index,
          partition: policy.locate.attribute,
        });
      }
    }
  });
});
