import type { Lint, LocalLinter } from "harper.js";
import harperRules from "./data/harper-rules.json";
import { isKnownWord, loadDictionaries } from "./spelling";
import type { AnalysisMode, IssueKind, LanguageIssue } from "./types";

let linterPromise: Promise<LocalLinter> | undefined;

/**
 * harper.js runs as WebAssembly in this process (LocalLinter; WorkerLinter needs a browser
 * Worker). The binary entry finds its .wasm file beside itself. Loading costs ~1.5 s, so the
 * linter is created once and reused.
 */
export async function createLinter(): Promise<LocalLinter> {
  const [{ LocalLinter, Dialect }, { binary }] = await Promise.all([
    import("harper.js"),
    import("harper.js/binary"),
  ]);
  const linter = new LocalLinter({ binary, dialect: Dialect.British });
  await linter.setup();
  return linter;
}

/**
 * Each of harper's ~900 rules is its own pass over the text, and most are phrase fixes that
 * never fire on a learner's essay ("foot the bill", product names): only the rules that found
 * something in the calibration and out-of-source essays run (`npm run harper-rules` lists
 * them), which gives those essays the same findings in a fraction of the time.
 */
function loadLinter(): Promise<LocalLinter> {
  linterPromise ??= (async () => {
    const linter = await createLinter();
    const kept = new Set(harperRules.rules);
    const all = Object.keys(await linter.getLintConfig());
    await linter.setLintConfig(Object.fromEntries(all.map((rule) => [rule, kept.has(rule)])));
    return linter;
  })();
  return linterPromise;
}

/** harper's lint kinds, grouped as a student would understand them. */
const KIND_BY_HARPER: Record<string, IssueKind | "ignore"> = {
  Spelling: "spelling",
  Typo: "spelling",
  Capitalization: "punctuation",
  Punctuation: "punctuation",
  Formatting: "punctuation",
  Style: "style",
  Readability: "style",
  Enhancement: "style",
  Redundancy: "style",
  Repetition: "style",
  WordChoice: "style",
  // British and American usage are both acceptable in IELTS.
  Regionalism: "ignore",
};

const SPEECH_IGNORED: ReadonlySet<IssueKind> = new Set(["punctuation"]);

/**
 * harper rules that enforce one house style where IELTS accepts both: the serial comma is a
 * preference, and open compounds ("bank card") are as correct in British English as closed ones.
 */
const IGNORED_RULES: ReadonlySet<string> = new Set(["OxfordComma", "CompoundNouns"]);

/**
 * A capitalised word inside a sentence is a name (a town, a writer signing a letter), which no
 * dictionary holds; at the start of a sentence capitals prove nothing, so it is still checked.
 */
function isNameInSentence(text: string, start: number, word: string): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  const before = text.slice(0, start).trimEnd();
  return before !== "" && !/[.!?:"\u201C]$/.test(before);
}

function spanStart(lint: Lint): number {
  const span = lint.span();
  const start = span.start;
  span.free();
  return start;
}

/** Words the answer may take from its task (the prompt, a chart's labels): never misspelt. */
export type KnownWords = ReadonlySet<string>;

function isFalseSpelling(text: string, start: number, word: string, known: KnownWords): boolean {
  return known.has(word.toLowerCase()) || isNameInSentence(text, start, word);
}

/** harper's spans are already UTF-16 offsets (checked with text containing emoji). */
function toIssue(lint: Lint, kind: IssueKind, rule: string): LanguageIssue {
  const span = lint.span();
  const suggestions = lint.suggestions();
  const replacement = suggestions[0]?.get_replacement_text();
  const issue: LanguageIssue = {
    start: span.start,
    end: span.end,
    kind,
    message: lint.message().replace(/`([^`]*)`/g, "\u201C$1\u201D"),
    rule,
  };
  if (replacement !== undefined && replacement !== "") issue.suggestion = replacement;
  for (const s of suggestions) s.free();
  span.free();
  return issue;
}

export async function findIssues(
  text: string,
  mode: AnalysisMode,
  known: KnownWords = new Set(),
): Promise<LanguageIssue[]> {
  const [linter, dicts] = await Promise.all([loadLinter(), loadDictionaries()]);
  const groups = await linter.organizedLints(text, { language: "plaintext" });
  const issues: LanguageIssue[] = [];
  for (const [rule, lints] of Object.entries(groups)) {
    for (const lint of lints) {
      const mapped = KIND_BY_HARPER[lint.lint_kind()] ?? "grammar";
      const problem = lint.get_problem_text();
      const keep =
        mapped !== "ignore" &&
        !IGNORED_RULES.has(rule) &&
        !(mode === "speech" && SPEECH_IGNORED.has(mapped)) &&
        // harper knows one dialect at a time; a word either dictionary accepts is not an error.
        !(
          mapped === "spelling" &&
          (isKnownWord(dicts, problem) || isFalseSpelling(text, spanStart(lint), problem, known))
        );
      if (keep) issues.push(toIssue(lint, mapped, rule));
      lint.free();
    }
  }
  return issues.sort((a, b) => a.start - b.start || a.end - b.end);
}
