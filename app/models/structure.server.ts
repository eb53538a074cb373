import { bandFromRaw, MAX_RAW, type TestForm } from "../../src/scoring/bands";

/** The band table of a test form as ranges of raw scores, highest first, for display. */
export function bandTableRows(form: TestForm): { raw: string; band: number }[] {
  const rows: { from: number; to: number; band: number }[] = [];
  for (let raw = MAX_RAW; raw >= 0; raw--) {
    const band = bandFromRaw(form, raw);
    const last = rows[rows.length - 1];
    if (last && last.band === band) last.from = raw;
    else rows.push({ from: raw, to: raw, band });
  }
  return rows.map((r) => ({
    raw: r.from === r.to ? `${r.to}` : `${r.from}-${r.to}`,
    band: r.band,
  }));
}
