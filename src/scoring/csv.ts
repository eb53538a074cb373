/**
 * RFC 4180 CSV: fields may be quoted, quotes inside quoted fields are doubled, records end with
 * CRLF or LF, and a quoted field may span lines. A byte-order mark is ignored. A trailing line
 * break does not produce an empty record.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let inQuotes = false;
  let fieldStarted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const endField = () => {
    record.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };

  for (; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
    } else if (ch === ",") {
      endField();
    } else if (ch === "\r" && text[i + 1] === "\n") {
      endRecord();
      i++;
    } else if (ch === "\n" || ch === "\r") {
      endRecord();
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (inQuotes) throw new Error("CSV ends inside a quoted field");
  if (fieldStarted || field !== "" || record.length > 0) endRecord();
  return records;
}

/** Rows as objects keyed by the header row; short rows get "" for missing columns. */
export function parseCsvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return rows
    .filter((row) => !(row.length === 1 && row[0] === ""))
    .map((row) => Object.fromEntries(names.map((name, i) => [name, row[i] ?? ""])));
}
