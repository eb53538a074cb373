import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvObjects } from "./csv";

describe("parseCsv", () => {
  it("splits plain fields and records", () => {
    expect(parseCsv("a,b,c\n1,2,3\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
  });

  it("keeps commas, doubled quotes and line breaks inside quoted fields", () => {
    const text = 'id,essay\r\n1,"Hello, ""world""\r\nsecond line"\r\n2,plain\r\n';
    expect(parseCsv(text)).toEqual([
      ["id", "essay"],
      ["1", 'Hello, "world"\r\nsecond line'],
      ["2", "plain"],
    ]);
  });

  it("keeps empty fields and a last record without a line break", () => {
    expect(parseCsv("a,,c\n,,")).toEqual([
      ["a", "", "c"],
      ["", "", ""],
    ]);
  });

  it("ignores a byte-order mark", () => {
    expect(parseCsv("\ufeffid\n7")).toEqual([["id"], ["7"]]);
  });

  it("rejects an unterminated quoted field", () => {
    expect(() => parseCsv('a,"open\n')).toThrow(/quoted/);
  });
});

describe("parseCsvObjects", () => {
  it("maps rows to header names and fills short rows", () => {
    expect(parseCsvObjects("id,task,band\n1,2,6.5\n2,1\n")).toEqual([
      { id: "1", task: "2", band: "6.5" },
      { id: "2", task: "1", band: "" },
    ]);
  });

  it("returns nothing for empty input", () => {
    expect(parseCsvObjects("")).toEqual([]);
  });
});
