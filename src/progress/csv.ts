import { criteriaIn, type HistoryRow } from "./history";

const NEEDS_QUOTES = /[",\r\n]/;
// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: quoted only when it must be, with quotes doubled. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180 records end with CRLF, the last one included. */
export function toCsv(records: readonly (readonly string[])[]): string {
  return records.map((r) => `${r.map(csvField).join(",")}\r\n`).join("");
}

const band = (value: number | null | undefined): string =>
  value === null || value === undefined ? "" : value.toFixed(1);

// The columns before the bands, and after them: a Reading or Listening score, the result's link.
const ASSESSMENT_COLUMNS = ["date", "skill", "module", "task", "question", "status", "late"];
const SCORE_COLUMNS = ["raw score", "max raw score", "result"];

/** The student's history as a spreadsheet: one row per assessment, one column per criterion. */
export function historyCsv(rows: readonly HistoryRow[], resultUrl: (id: string) => string): string {
  const criteria = criteriaIn(rows);
  const bands = ["overall band", ...criteria.map((c) => `${c} band`)];
  const header = [...ASSESSMENT_COLUMNS, ...bands, ...SCORE_COLUMNS];
  const body = rows.map((r) => [
    r.date,
    r.skill,
    r.module,
    r.task === undefined ? "" : String(r.task),
    r.question,
    r.status,
    r.late ? "yes" : "no",
    band(r.overall),
    ...criteria.map((c) => band(r.criteria[c])),
    r.score ? String(r.score.raw) : "",
    r.score ? String(r.score.maxRaw) : "",
    resultUrl(r.assessmentId),
  ]);
  return toCsv([header, ...body]);
}
