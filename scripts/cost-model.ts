import { costUsd } from "../src/ai/prices";

/**
 * Monthly running cost for N students from per-request figures. Prices are AWS list prices
 * (us-east-1, on-demand, no free tier, December 2026) and src/ai/prices.ts for the models;
 * eu-west-2 is 5-15% dearer on most lines. Usage figures are assumptions stated here, to be
 * replaced by measured ones as the deployed stack reports them.
 */
export const PRICES_USD = {
  lambdaGbSecondArm: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  httpApiRequest: 1.0 / 1e6,
  dynamoRead: 0.125 / 1e6,
  dynamoWrite: 0.625 / 1e6,
  cloudFrontGb: 0.085,
  cloudFrontRequest: 0.01 / 1e4,
  transcribeMinute: 0.024,
  logsGb: 0.5,
} as const;

export interface Usage {
  /** Page views and form posts a student makes in a month (HTTP Lambda invocations). */
  requestsPerStudent: number;
  /** Static files fetched from CloudFront that miss the browser cache, per student a month. */
  staticRequestsPerStudent: number;
  httpLambdaMs: number;
  httpLambdaMb: number;
  readsPerRequest: number;
  writesPerRequest: number;
  /** Compressed HTML per page, and static bytes per student a month (mostly first visits). */
  pageKb: number;
  staticMbPerStudent: number;
  logKbPerRequest: number;
  /** Writing and speaking assessments scored a month per student, and the worker's cost. */
  scoredPerStudent: number;
  workerMs: number;
  workerMb: number;
  readsPerScoring: number;
  writesPerScoring: number;
  modelId: string;
  inputTokens: number;
  outputTokens: number;
  transcribeMinutesPerStudent: number;
}

export const DEFAULT_USAGE: Usage = {
  requestsPerStudent: 250,
  staticRequestsPerStudent: 40,
  httpLambdaMs: 120,
  httpLambdaMb: 1024,
  readsPerRequest: 3,
  writesPerRequest: 0.5,
  pageKb: 25,
  staticMbPerStudent: 1.5,
  logKbPerRequest: 1,
  scoredPerStudent: 10,
  workerMs: 4000,
  workerMb: 2048,
  readsPerScoring: 4,
  writesPerScoring: 3,
  modelId: "amazon.nova-micro-v1:0",
  inputTokens: 1500,
  outputTokens: 500,
  transcribeMinutesPerStudent: 0,
};

export type CostLine = { item: string; quantity: string; usd: number };

const millions = (n: number) => `${(n / 1e6).toFixed(2)} M`;

export function monthlyCost(students: number, u: Usage = DEFAULT_USAGE): CostLine[] {
  const requests = students * u.requestsPerStudent;
  const scorings = students * u.scoredPerStudent;
  const gbSeconds =
    (requests * u.httpLambdaMs * u.httpLambdaMb + scorings * u.workerMs * u.workerMb) /
    (1000 * 1024);
  const reads = requests * u.readsPerRequest + scorings * u.readsPerScoring;
  const writes = requests * u.writesPerRequest + scorings * u.writesPerScoring;
  const edgeRequests = requests + students * u.staticRequestsPerStudent;
  const transferGb = (requests * u.pageKb) / 1024 ** 2 + (students * u.staticMbPerStudent) / 1024;
  const minutes = students * u.transcribeMinutesPerStudent;
  const p = PRICES_USD;
  return [
    {
      item: "Lambda compute (arm64)",
      quantity: `${gbSeconds.toFixed(0)} GB-s`,
      usd: gbSeconds * p.lambdaGbSecondArm,
    },
    {
      item: "Lambda requests",
      quantity: millions(requests + scorings),
      usd: (requests + scorings) * p.lambdaRequest,
    },
    { item: "HTTP API requests", quantity: millions(requests), usd: requests * p.httpApiRequest },
    {
      item: "DynamoDB reads / writes",
      quantity: `${millions(reads)} / ${millions(writes)}`,
      usd: reads * p.dynamoRead + writes * p.dynamoWrite,
    },
    {
      item: "CloudFront requests and transfer",
      quantity: `${millions(edgeRequests)}, ${transferGb.toFixed(1)} GB`,
      usd: edgeRequests * p.cloudFrontRequest + transferGb * p.cloudFrontGb,
    },
    {
      item: "CloudWatch Logs ingestion",
      quantity: `${((requests * u.logKbPerRequest) / 1024 ** 2).toFixed(1)} GB`,
      usd: ((requests * u.logKbPerRequest) / 1024 ** 2) * p.logsGb,
    },
    {
      item: "Transcribe",
      quantity: `${minutes.toFixed(0)} min`,
      usd: minutes * p.transcribeMinute,
    },
    {
      item: `Model tokens (${u.modelId})`,
      quantity: `${scorings} scorings`,
      usd: scorings * costUsd(u.modelId, u.inputTokens, u.outputTokens),
    },
  ];
}

export const total = (lines: readonly CostLine[]) => lines.reduce((sum, l) => sum + l.usd, 0);
