/** The two versions of the test: they share Listening and Speaking, and differ in Reading and Writing. */
export type Module = "academic" | "general";

export type Skill = "writing" | "speaking" | "reading" | "listening" | "mock";

/** One reading of a module from a query string or form: anything unknown is Academic. */
export function moduleFrom(value: unknown): Module {
  return value === "general" ? "general" : "academic";
}
