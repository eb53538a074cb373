/**
 * CloudWatch Embedded Metric Format: a log line that CloudWatch turns into metrics, with no
 * API call and no SDK in the Lambda. The alarms in src/plugins/production-wiring.cjs read the
 * namespace and names below.
 */
export const NAMESPACE = "IeltsAiPrep";

export type MetricName =
  "Requests" | "Errors" | "ScoringLatency" | "ScoringFailures" | "Fallbacks" | "AiCostUsd";

const UNITS: Record<MetricName, "Count" | "Milliseconds" | "None"> = {
  Requests: "Count",
  Errors: "Count",
  ScoringLatency: "Milliseconds",
  ScoringFailures: "Count",
  Fallbacks: "Count",
  AiCostUsd: "None",
};

/**
 * One EMF line. Metrics are published without dimensions, so an alarm on the stack's total
 * needs no dimension; `properties` are searchable in the log but are not metrics.
 */
export function emfLine(
  values: Partial<Record<MetricName, number>>,
  properties: Record<string, string | number> = {},
  now: Date = new Date(),
): string {
  const names = Object.keys(values) as MetricName[];
  return JSON.stringify({
    ...properties,
    ...values,
    _aws: {
      Timestamp: now.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: NAMESPACE,
          Dimensions: [[]],
          Metrics: names.map((Name) => ({ Name, Unit: UNITS[Name] })),
        },
      ],
    },
  });
}
