import { describe, expect, it } from "vitest";
import { bandTableRows } from "./structure.server";

describe("bandTableRows", () => {
  it("groups raw scores into the published ranges", () => {
    const rows = bandTableRows("listening");
    expect(rows[0]).toEqual({ raw: "39-40", band: 9 });
    expect(rows).toContainEqual({ raw: "30-31", band: 7 });
    expect(rows).toContainEqual({ raw: "16-17", band: 5 });
  });

  it("uses the General Training table, where the same raw score earns less", () => {
    expect(bandTableRows("reading-general")).toContainEqual({ raw: "30-31", band: 6 });
    expect(bandTableRows("reading-general")[0]).toEqual({ raw: "40", band: 9 });
  });
});
