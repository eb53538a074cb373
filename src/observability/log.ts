/**
 * Structured logs: one JSON object a line, which CloudWatch Logs Insights queries by field.
 * Every line carries the request id it belongs to, and nothing that identifies a student
 * beyond their opaque ids: e-mail addresses are masked wherever they appear, and fields that
 * hold secrets are dropped to a marker.
 */
export type Level = "info" | "warn" | "error";
export type Fields = Record<string, unknown>;

const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[a-z]{2,}/gi;
const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|api[-_]?key|email/i;

function redact(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.replace(EMAIL, "[email]");
  if (value instanceof Error) return { name: value.name, message: redact(value.message) };
  // Deep structures are cut short rather than walked: a log line is not an export.
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      SECRET_KEY.test(k) ? "[redacted]" : redact(v, depth + 1),
    ]),
  );
}

export function formatLine(
  level: Level,
  requestId: string,
  message: string,
  fields: Fields = {},
  now: Date = new Date(),
): string {
  return JSON.stringify({
    ...(redact(fields) as Fields),
    level,
    time: now.toISOString(),
    requestId,
    message: redact(message),
  });
}

export interface Logger {
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
}

export function createLogger(
  requestId: string,
  write: (line: string) => void = (line) => console.log(line),
): Logger {
  const at = (level: Level) => (message: string, fields?: Fields) =>
    write(formatLine(level, requestId, message, fields));
  return { info: at("info"), warn: at("warn"), error: at("error") };
}
