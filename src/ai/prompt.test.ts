import { describe, expect, it } from "vitest";
import { countWords } from "../scoring/language/text";
import { userMessage } from "./prompt";

describe("the word count given to a cloud model", () => {
  it("is the count the student sees and the offline scorer uses", () => {
    // A dash and a stray full stop between spaces are not words; "well-known" and "3.5" are one each.
    const response = "A well-known fact - 3.5 million people agree .";
    const message = userMessage({
      kind: "writing",
      task: 2,
      module: "academic",
      prompt: "Discuss both views.",
      response,
    });
    expect(countWords(response)).toBe(7);
    expect(message).toContain("Word count (counted by the system): 7\n");
  });
});
