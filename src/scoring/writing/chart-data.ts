import type { ChartFacts } from "./types";

/**
 * Whether an Academic Task 1 report uses the visual's data: which of its categories it names,
 * and whether the figures it quotes are in the visual. The IELTS band 5 descriptor for Task
 * Achievement allows that "there may be no data to support the description"; band 6 and above
 * expect key features supported by data.
 */
export interface DataReport {
  /** Categories, series or slices the report never names. */
  missingNames: string[];
  /** Numbers quoted, leaving out years. */
  figuresQuoted: number;
  /** Of those, how many match a value shown or a change within a series (rounding allowed). */
  figuresMatched: number;
  /** Quoted figures that match nothing, as written, for the student to check. */
  unmatched: string[];
  /** Sentences that say a series rose where the data fell, or the reverse, as written. */
  contradicted: string[];
  /** Sentences whose stated direction agrees with the data. */
  trendsConfirmed: number;
}

const RISE =
  /\b(rose|risen|rise|rises|rising|increased?|increases|increasing|grew|grown|grows?|growing|climbed?|climbing|went up|go(es)? up|upward|doubled|tripled|surged?|soared?)\b/i;
const FALL =
  /\b(fell|fallen|falls?|falling|decreased?|decreases|decreasing|declined?|declines|declining|dropped|drops?|dropping|went down|go(es)? down|downward|halved|shrank|shrunk|plunged?|plummeted)\b/i;

/**
 * Statements about one series at a time: "coal fell steadily" names coal and says it fell.
 * A sentence naming two trends ("while coal fell, wind rose") is left alone rather than guessed.
 */
function checkTrends(
  trends: NonNullable<ChartFacts["trends"]>,
  response: string,
): Pick<DataReport, "contradicted" | "trendsConfirmed"> {
  const contradicted: string[] = [];
  let trendsConfirmed = 0;
  for (const sentence of response.split(/(?<=[.!?])\s+|\n+/)) {
    const used = new Set(words(sentence));
    const named = trends.filter((t) => names(t.name, used));
    if (named.length !== 1) continue;
    const rises = RISE.test(sentence);
    const falls = FALL.test(sentence);
    if (rises === falls) continue;
    if ((rises ? "up" : "down") === named[0]!.direction) trendsConfirmed++;
    else contradicted.push(sentence.trim());
  }
  return { contradicted, trendsConfirmed };
}

/** Words in names that do not identify a category on their own ("Other", "Total"). */
const GENERIC = new Set(
  "other others total all and the of per from source sources type types kind kinds group groups".split(
    " ",
  ),
);

const words = (text: string): string[] => text.toLowerCase().match(/\p{L}+/gu) ?? [];

/** "Natural gas" is named by "gas"; "Over 65s" by "65s"; plural and singular both count. */
function names(name: string, used: ReadonlySet<string>): boolean {
  const keys = words(name).filter((w) => w.length >= 3 && !GENERIC.has(w));
  const forms = (w: string) => [w, w.replace(/s$/, ""), `${w}s`, w.replace(/y$/, "ies")];
  return keys.length === 0 || keys.some((k) => forms(k).some((f) => used.has(f)));
}

const NUMBER = /(?<![\p{L}\d])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(%|per ?cent)?/giu;

/** Whole numbers in this range read as years ("in 2005"), not as data. */
const isYear = (value: number, raw: string) =>
  !raw.includes(".") && !raw.includes(",") && value >= 1800 && value <= 2100;

/** "about 60" for 58 is a fair reading of a chart; so is 0.5 either side of a small value. */
const close = (quoted: number, shown: number) =>
  Math.abs(quoted - shown) <= Math.max(0.5, Math.abs(shown) * 0.05);

export function checkChartData(facts: ChartFacts, response: string): DataReport {
  const used = new Set(words(response));
  const missingNames = facts.names.filter((n) => !names(n, used));
  const shown = [...facts.values, ...facts.changes];
  let figuresQuoted = 0;
  let figuresMatched = 0;
  const unmatched: string[] = [];
  for (const m of response.matchAll(NUMBER)) {
    const raw = m[0].trim();
    const value = Number(`${m[1]!.replace(/,/g, "")}${m[2] ? `.${m[2]}` : ""}`);
    if (isYear(value, raw)) continue;
    figuresQuoted++;
    if (shown.some((v) => close(value, v))) {
      figuresMatched++;
    } else if (!unmatched.includes(raw)) {
      unmatched.push(raw);
    }
  }
  return {
    missingNames,
    figuresQuoted,
    figuresMatched,
    unmatched,
    ...checkTrends(facts.trends ?? [], response),
  };
}
