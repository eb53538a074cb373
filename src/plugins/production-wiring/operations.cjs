// Alarms, point-in-time recovery, versions and tracing, for production-wiring.cjs.
// Must match src/observability/metrics.ts, which emits the custom metrics.
const { rolePolicy } = require("./iam.cjs");

const METRICS_NAMESPACE = "IeltsAiPrep";
const DEFAULT_AI_BUDGET_USD = 5;
const FIVE_MINUTES = 300;
const DAY = 86400;

function alarm(description, properties) {
  return {
    Type: "AWS::CloudWatch::Alarm",
    Properties: {
      AlarmDescription: description,
      AlarmActions: [{ Ref: "AlarmTopic" }],
      OKActions: [{ Ref: "AlarmTopic" }],
      EvaluationPeriods: 1,
      TreatMissingData: "notBreaching",
      ...properties,
    },
  };
}

function aiBudgetUsd(env) {
  const raw = env.AI_COST_BUDGET_USD;
  if (raw === undefined || raw === "") return DEFAULT_AI_BUDGET_USD;
  const budget = Number(raw);
  if (!Number.isFinite(budget) || budget <= 0) {
    throw new Error(
      `production-wiring: AI_COST_BUDGET_USD must be a positive number of dollars, not "${raw}"`,
    );
  }
  return budget;
}

function addOperations(cloudformation, env) {
  const resources = cloudformation.Resources;
  resources.AlarmTopic = { Type: "AWS::SNS::Topic", Properties: {} };
  if (env.ALARM_EMAIL) {
    resources.AlarmTopic.Properties.Subscription = [
      { Protocol: "email", Endpoint: env.ALARM_EMAIL },
    ];
  }
  const api = [{ Name: "ApiId", Value: { Ref: "HTTP" } }];
  const apiMetric = (id, metric) => ({
    Id: id,
    ReturnData: false,
    MetricStat: {
      Metric: { Namespace: "AWS/ApiGateway", MetricName: metric, Dimensions: api },
      Period: FIVE_MINUTES,
      Stat: "Sum",
    },
  });
  resources.Http5xxRateAlarm = alarm("More than 5% of HTTP requests answered 5xx over 5 minutes", {
    ComparisonOperator: "GreaterThanThreshold",
    Threshold: 5,
    Metrics: [
      apiMetric("errors", "5xx"),
      apiMetric("requests", "Count"),
      {
        Id: "rate",
        Label: "5xx per 100 requests",
        Expression: "IF(requests > 0, 100 * errors / requests, 0)",
        ReturnData: true,
      },
    ],
  });
  const functions = Object.entries(resources).filter(
    ([, r]) => r.Type === "AWS::Serverless::Function",
  );
  for (const [name] of functions) {
    const lambda = (metric, stat) => ({
      Namespace: "AWS/Lambda",
      MetricName: metric,
      Dimensions: [{ Name: "FunctionName", Value: { Ref: name } }],
      Period: FIVE_MINUTES,
      Statistic: stat,
    });
    resources[`${name}DurationAlarm`] = alarm(`${name} ran longer than 25 s`, {
      ...lambda("Duration", "Maximum"),
      ComparisonOperator: "GreaterThanThreshold",
      Threshold: 25000,
    });
    resources[`${name}ThrottlesAlarm`] = alarm(`${name} was throttled`, {
      ...lambda("Throttles", "Sum"),
      ComparisonOperator: "GreaterThanThreshold",
      Threshold: 0,
    });
  }
  const deadLetters = (queue) => ({
    Namespace: "AWS/SQS",
    MetricName: "ApproximateNumberOfMessagesVisible",
    Dimensions: [{ Name: "QueueName", Value: { "Fn::GetAtt": [queue, "QueueName"] } }],
    Period: FIVE_MINUTES,
    Statistic: "Maximum",
    ComparisonOperator: "GreaterThanThreshold",
    Threshold: 0,
  });
  resources.ScoringDeadLetterAlarm = alarm(
    "A scoring event failed every retry (see the DLQ)",
    deadLetters("ScoringDeadLetterQueue"),
  );
  resources.ExplainDeadLetterAlarm = alarm(
    "An explain-answers event failed every retry (see the DLQ)",
    deadLetters("ExplainDeadLetterQueue"),
  );
  const budget = aiBudgetUsd(env);
  resources.AiCostAlarm = alarm(`AI spend over $${budget} in a day`, {
    Namespace: METRICS_NAMESPACE,
    MetricName: "AiCostUsd",
    Period: DAY,
    Statistic: "Sum",
    ComparisonOperator: "GreaterThanThreshold",
    Threshold: budget,
  });

  for (const r of Object.values(resources)) {
    if (r.Type === "AWS::DynamoDB::Table") {
      r.Properties.PointInTimeRecoverySpecification = { PointInTimeRecoveryEnabled: true };
    }
  }

  // Every deploy publishes a version behind the alias "live", and SAM points each function's
  // events (the HTTP API, the SNS topics) at the alias: a bad deploy is undone by moving it back.
  for (const [, fn] of functions) fn.Properties.AutoPublishAlias = "live";

  if (env.ARC_TRACING === "true") {
    for (const [, fn] of functions) fn.Properties.Tracing = "Active";
    resources.TracingPolicy = rolePolicy(
      "TracingPolicy",
      ["Role", "ModelCallerRole"],
      [
        {
          Effect: "Allow",
          Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
          Resource: "*",
        },
      ],
    );
  }
}

module.exports = { addOperations };
