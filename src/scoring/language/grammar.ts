import type { Lint, LocalLinter } from "harper.js";
import harperRules from "./data/harper-rules.json";
import { isKnownWord, loadDictionaries, type Dictionaries } from "./spelling";
import type { AnalysisMode, IssueKind, LanguageIssue } from "./types";

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
 * harper rules whose findings are never shown: British and American usage are both acceptable
 * in IELTS, the serial comma is a preference, and open and closed compounds ("bank card",
 * "wellbeing") are as correct in British English as the forms harper asks for. They do not run.
 */
const IGNORED_RULES: ReadonlySet<string> = new Set([
  "Regionalisms",
  "OxfordComma",
  "CompoundNouns",
  "WellBeing",
]);
/** A note on a whole sentence, not a mistake at one place: it never hides one. */
const SENTENCE_RULE = "LongSentences";

let linterPromise: Promise<LocalLinter> | undefined;

/**
 * Each of harper's ~900 rules is its own pass over the text, and most are phrase fixes that
 * never fire on a learner's essay ("foot the bill", product names): only the rules that found
 * something in the calibration and out-of-source essays run (`npm run harper-rules` lists
 * them), less those whose findings are never shown.
 */
function loadLinter(): Promise<LocalLinter> {
  linterPromise ??= (async () => {
    const linter = await createLinter();
    const kept = new Set(harperRules.rules);
    const all = Object.keys(await linter.getLintConfig());
    const on = (rule: string) => kept.has(rule) && !IGNORED_RULES.has(rule);
    await linter.setLintConfig(Object.fromEntries(all.map((rule) => [rule, on(rule)])));
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

interface SpellingContext {
  text: string;
  known: KnownWords;
  dicts: Dictionaries;
}

/** harper knows one dialect at a time; a word either dictionary accepts is not an error. */
function isFalseSpelling({ text, known, dicts }: SpellingContext, start: number, word: string) {
  return (
    isKnownWord(dicts, word) || known.has(word.toLowerCase()) || isNameInSentence(text, start, word)
  );
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

/**
 * On one word, a specific rule ("fundings": a mass noun) tells more than a spelling suggestion,
 * and a spelling suggestion more than harper's split into two words ("diffrent": "diff rent").
 */
const TIE_RANK: Readonly<Record<string, number>> = { SpellCheck: 1, SplitWords: 2 };

/**
 * Overlapping findings keep the first (the longest of those starting together), as harper's own
 * de-duplication does, but a note on a whole sentence's length hides nothing inside it: with
 * harper's, a long sentence lost every spelling and grammar finding in it.
 */
function withoutOverlaps(issues: LanguageIssue[]): LanguageIssue[] {
  const rank = (issue: LanguageIssue) => TIE_RANK[issue.rule] ?? 0;
  const ordered = issues.sort((a, b) => a.start - b.start || b.end - a.end || rank(a) - rank(b));
  let reached = 0;
  return ordered.filter((issue) => {
    if (issue.rule === SENTENCE_RULE) return true;
    if (issue.start < reached) return false;
    reached = issue.end;
    return true;
  });
}

export async function findIssues(
  text: string,
  mode: AnalysisMode,
  known: KnownWords = new Set(),
): Promise<LanguageIssue[]> {
  const [linter, dicts] = await Promise.all([loadLinter(), loadDictionaries()]);
  const context = { text, known, dicts };
  // harper's own de-duplication runs before the filters below and lets long sentences hide
  // findings; withoutOverlaps does it after them.
  const groups = await linter.organizedLints(text, { language: "plaintext", dedup: false });
  const issues: LanguageIssue[] = [];
  for (const [rule, lints] of Object.entries(groups)) {
    for (const lint of lints) {
      const mapped = KIND_BY_HARPER[lint.lint_kind()] ?? "grammar";
      const keep =
        mapped !== "ignore" &&
        !(mode === "speech" && SPEECH_IGNORED.has(mapped)) &&
        !(
          mapped === "spelling" &&
          isFalseSpelling(context, spanStart(lint), lint.get_problem_text())
        );
      if (keep) issues.push(toIssue(lint, mapped, rule));
      lint.free();
    }
  }
  return withoutOverlaps(issues).sort((a, b) => a.start - b.start || a.end - b.end);
}
