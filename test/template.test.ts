import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { startFakeControlPlane } from "./fakes/aws-control-plane";

type Resource = { Type: string; Properties: Record<string, unknown> };

let resources: Record<string, Resource>;
// The same app deployed with the switches an operator may set.
let configured: Record<string, Resource>;

async function dryRun(config: Record<string, string>): Promise<Record<string, Resource>> {
  const fake = await startFakeControlPlane();
  const home = await mkdtemp(join(tmpdir(), "arc-home-"));
  try {
    await promisify(execFile)("npx", ["arc", "deploy", "--dry-run"], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        HOME: home,
        AWS_ACCESS_KEY_ID: "fake",
        AWS_SECRET_ACCESS_KEY: "fake",
        AWS_REGION: "eu-west-2",
        AWS_ENDPOINT_URL: fake.url,
        ...config,
      },
      timeout: 120_000,
    });
  } finally {
    await fake.close();
  }
  const template = JSON.parse(await readFile("sam.json", "utf8")) as {
    Resources: Record<string, Resource>;
  };
  return template.Resources;
}

beforeAll(async () => {
  configured = await dryRun({
    ARC_TRACING: "true",
    AI_COST_BUDGET_USD: "12.5",
    ALARM_EMAIL: "ops@example.org",
    // The documented EU option: the EU inference profile, called from an EU source region.
    BEDROCK_MODEL_ID: "eu.amazon.nova-micro-v1:0",
    BEDROCK_REGION: "eu-west-1",
  });
  // Last, so that sam.json and the packaged code the tests read are the plain deploy's.
  resources = await dryRun({});
});

function ofType(type: string): [string, Resource][] {
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}

describe("generated CloudFormation template (arc deploy --dry-run)", () => {
  it("runs every Lambda on nodejs22.x with its own memory and timeout", () => {
    const functions = Object.fromEntries(ofType("AWS::Serverless::Function"));
    expect(Object.keys(functions).sort()).toEqual([
      "AnyCatchallHTTPLambda",
      "ExplainAnswersEventLambda",
      "ScoreSpeakingEventLambda",
      "ScoreWritingEventLambda",
      "SweeperScheduledLambda",
    ]);
    for (const fn of Object.values(functions)) expect(fn.Properties.Runtime).toBe("nodejs22.x");
    expect(functions.AnyCatchallHTTPLambda!.Properties).toMatchObject({
      MemorySize: 1024,
      Timeout: 15,
    });
    expect(functions.ScoreWritingEventLambda!.Properties).toMatchObject({
      MemorySize: 2048,
      Timeout: 120,
    });
    expect(functions.SweeperScheduledLambda!.Properties).toMatchObject({
      MemorySize: 512,
      Timeout: 60,
    });
  });

  it("expires sessions, one-time tokens, throttles and QR tokens by TTL", () => {
    const ttl = (name: string) => resources[name]!.Properties.TimeToLiveSpecification;
    for (const table of ["SessionsTable", "AuthTokensTable", "ThrottlesTable", "QrTokensTable"]) {
      expect(ttl(table)).toEqual({ AttributeName: "expiresAt", Enabled: true });
    }
    expect(ttl("UsersTable")).toBeUndefined();
  });

  it("declares the indexes that history, export and the sweeper query", () => {
    const indexes = (name: string) =>
      ((resources[name]!.Properties.GlobalSecondaryIndexes ?? []) as { IndexName: string }[]).map(
        (i) => i.IndexName,
      );
    expect(indexes("AssessmentsTable").sort()).toEqual(["byStatus", "byUser"]);
    expect(indexes("SessionsTable")).toEqual(["byUser"]);
    expect(indexes("AiSafetyLogsTable").sort()).toEqual(["byKind", "byUser"]);
    expect(indexes("ContentReportsTable").sort()).toEqual(["byStatus", "byUser"]);
  });

  it("declares the scoring events and the sweeper schedule", () => {
    expect(resources.ScoreWritingEventTopic?.Type).toBe("AWS::SNS::Topic");
    expect(resources.ScoreSpeakingEventTopic?.Type).toBe("AWS::SNS::Topic");
    expect(resources.SweeperScheduledEvent?.Properties.ScheduleExpression).toBe("rate(5 minutes)");
  });
});

describe("production wiring (src/plugins/production-wiring.cjs)", () => {
  type Statement = { Action: string[]; Resource: unknown[]; Condition?: unknown };
  const bedrockGrants = (of: Record<string, Resource>) =>
    (
      of.ScoringWorkerPolicy!.Properties as { PolicyDocument: { Statement: Statement[] } }
    ).PolicyDocument.Statement.filter((s) => s.Action.some((a) => a.startsWith("bedrock:")));
  const callerEnv = (of: Record<string, Resource>, fn: string) =>
    (of[fn]!.Properties.Environment as { Variables: Record<string, string> }).Variables;
  const CALLERS = [
    "ScoreWritingEventLambda",
    "ScoreSpeakingEventLambda",
    "ExplainAnswersEventLambda",
  ];

  it("lets the model callers call Nova Micro in us-east-1, where it is served, and nothing else in Bedrock", () => {
    expect(bedrockGrants(resources)).toEqual([
      {
        Effect: "Allow",
        Action: ["bedrock:InvokeModel"],
        Resource: ["arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0"],
      },
    ]);
    for (const fn of CALLERS) {
      expect(callerEnv(resources, fn), fn).toMatchObject({
        BEDROCK_MODEL_ID: "amazon.nova-micro-v1:0",
        BEDROCK_REGION: "us-east-1",
      });
    }
  });

  it("grants the EU inference profile in its source region and the model wherever it routes", () => {
    const profileArn = {
      "Fn::Sub":
        "arn:aws:bedrock:eu-west-1:${AWS::AccountId}:inference-profile/eu.amazon.nova-micro-v1:0",
    };
    expect(bedrockGrants(configured)).toEqual([
      { Effect: "Allow", Action: ["bedrock:InvokeModel"], Resource: [profileArn] },
      {
        Effect: "Allow",
        Action: ["bedrock:InvokeModel"],
        Resource: ["arn:aws:bedrock:*::foundation-model/amazon.nova-micro-v1:0"],
        Condition: { StringEquals: { "bedrock:InferenceProfileArn": profileArn } },
      },
    ]);
    for (const fn of CALLERS) {
      expect(callerEnv(configured, fn), fn).toMatchObject({
        BEDROCK_MODEL_ID: "eu.amazon.nova-micro-v1:0",
        BEDROCK_REGION: "eu-west-1",
      });
    }
  });

  it("lets the speaking worker run its own Transcribe jobs", () => {
    const statements = (
      resources.ScoringWorkerPolicy!.Properties as { PolicyDocument: { Statement: Statement[] } }
    ).PolicyDocument.Statement;
    const transcribe = statements.find((s) => s.Action.some((a) => a.startsWith("transcribe:")));
    expect(transcribe?.Action.sort()).toEqual([
      "transcribe:GetTranscriptionJob",
      "transcribe:StartTranscriptionJob",
    ]);
    expect(JSON.stringify(transcribe?.Resource)).toContain(":transcription-job/ielts-*");
  });

  it("gives Bedrock to the Lambdas that call a model and not to the HTTP or sweeper Lambdas", () => {
    const roleOf = (fn: string) => JSON.stringify(resources[fn]!.Properties.Role);
    for (const fn of [
      "ScoreWritingEventLambda",
      "ScoreSpeakingEventLambda",
      "ExplainAnswersEventLambda",
    ]) {
      expect(roleOf(fn), fn).toContain('"Ref":"ModelCallerRole"');
    }
    for (const fn of ["AnyCatchallHTTPLambda", "SweeperScheduledLambda"]) {
      expect(roleOf(fn), fn).toContain('"Ref":"Role"');
    }
    // Everything that grants to the shared role, inline or attached, leaves Bedrock out.
    const grantsToRole = [
      resources.Role!,
      ...ofType("AWS::IAM::Policy")
        .map(([, r]) => r)
        .filter((r) => JSON.stringify(r.Properties.Roles).includes('"Ref":"Role"')),
    ];
    expect(grantsToRole.length).toBeGreaterThan(1);
    for (const grant of grantsToRole) expect(JSON.stringify(grant)).not.toContain("bedrock");
    // The model callers keep the tables, events and parameters the shared role allows.
    const modelRole = resources.ModelCallerRole!.Properties as { Policies: unknown[] };
    expect(modelRole.Policies).toEqual(
      (resources.Role!.Properties as { Policies: unknown[] }).Policies,
    );
    for (const name of ["ParameterStorePolicy", "AudioStorePolicy"]) {
      expect(JSON.stringify(resources[name]!.Properties.Roles), name).toContain("ModelCallerRole");
    }
  });

  it("sends every event worker's events that exhaust their retries to a dead-letter queue", () => {
    const queues: Record<string, string> = {
      ScoreWritingEventLambda: "ScoringDeadLetterQueue",
      ScoreSpeakingEventLambda: "ScoringDeadLetterQueue",
      ExplainAnswersEventLambda: "ExplainDeadLetterQueue",
    };
    const workers = ofType("AWS::Serverless::Function")
      .map(([name]) => name)
      .filter((name) => name.endsWith("EventLambda"));
    expect(workers.sort()).toEqual(Object.keys(queues).sort());
    const sendable = JSON.stringify(
      (
        resources.ScoringWorkerPolicy!.Properties as {
          PolicyDocument: { Statement: { Action: string[]; Resource: unknown }[] };
        }
      ).PolicyDocument.Statement.find((s) => s.Action.includes("sqs:SendMessage"))?.Resource,
    );
    for (const [name, queue] of Object.entries(queues)) {
      expect(resources[queue]?.Type).toBe("AWS::SQS::Queue");
      expect(resources[name]!.Properties.DeadLetterQueue, name).toEqual({
        Type: "SQS",
        TargetArn: { "Fn::GetAtt": [queue, "Arn"] },
      });
      expect(resources[name]!.Properties.EventInvokeConfig, name).toEqual({
        MaximumRetryAttempts: 2,
      });
      expect(sendable).toContain(queue);
    }
  });

  it("packages every module a worker loads at run time, but the AWS SDK the runtime provides", async () => {
    for (const name of ["ScoreWritingEventLambda", "ScoreSpeakingEventLambda"]) {
      const codeUri = resources[name]!.Properties.CodeUri as string;
      const bundle = await readFile(join(codeUri, "index.js"), "utf8");
      const specifiers = new Set([...bundle.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1]!));
      expect(specifiers).toContain("harper.js/binary");
      for (const specifier of specifiers) {
        // The Lambda runtime has the AWS SDK v3 (esbuild.config.cjs leaves it out of bundles).
        if (specifier.startsWith("@aws-sdk/")) continue;
        const pkg = specifier.startsWith("@")
          ? specifier.split("/").slice(0, 2).join("/")
          : specifier.split("/")[0]!;
        expect(existsSync(join(codeUri, "node_modules", pkg, "package.json")), pkg).toBe(true);
      }
    }
  });

  it("serves the site through CloudFront with a cache rule per kind of path", () => {
    type Behaviour = {
      PathPattern?: string;
      Compress: boolean;
      ViewerProtocolPolicy: string;
      CachePolicyId: unknown;
      ResponseHeadersPolicyId?: unknown;
      OriginRequestPolicyId?: unknown;
    };
    const config = resources.Cdn!.Properties.DistributionConfig as {
      Origins: { DomainName: unknown; OriginCustomHeaders: { HeaderName: string }[] }[];
      CacheBehaviors: Behaviour[];
      DefaultCacheBehavior: Behaviour;
    };
    expect(resources.Cdn!.Type).toBe("AWS::CloudFront::Distribution");
    expect(JSON.stringify(config.Origins[0]!.DomainName)).toContain("${HTTP}.execute-api");
    const byPath = Object.fromEntries(config.CacheBehaviors.map((b) => [b.PathPattern, b]));
    // CloudFront takes the first pattern that matches, so the build must come before /_static/*.
    expect(config.CacheBehaviors.map((b) => b.PathPattern)).toEqual([
      "/_static/build/*",
      "/_static/*",
      "/api/*",
    ]);
    const policy = (ref: unknown) => {
      const name = (ref as { Ref: string }).Ref;
      return resources[name]!.Properties as Record<string, Record<string, unknown>>;
    };
    const cacheControl = (b: Behaviour) =>
      (
        policy(b.ResponseHeadersPolicyId).ResponseHeadersPolicyConfig!.CustomHeadersConfig as {
          Items: { Header: string; Value: string; Override: boolean }[];
        }
      ).Items.find((h) => h.Header === "Cache-Control");
    expect(cacheControl(byPath["/_static/build/*"]!)).toEqual({
      Header: "Cache-Control",
      Value: "public, max-age=31536000, immutable",
      Override: true,
    });
    expect(cacheControl(byPath["/_static/*"]!)?.Value).toBe("public, max-age=3600");
    const ttl = (b: Behaviour) => {
      const c = policy(b.CachePolicyId).CachePolicyConfig!;
      return [c.MinTTL, c.DefaultTTL, c.MaxTTL];
    };
    expect(ttl(byPath["/_static/build/*"]!)).toEqual([31536000, 31536000, 31536000]);
    expect(ttl(byPath["/_static/*"]!)).toEqual([0, 3600, 3600]);

    // /api/* is never cached (AWS's managed CachingDisabled) and gets every viewer header.
    const allViewerExceptHost = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    expect(byPath["/api/*"]!.CachePolicyId).toBe("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
    expect(byPath["/api/*"]!.OriginRequestPolicyId).toBe(allViewerExceptHost);
    // Pages: nothing is kept unless the app says so, and then per cookie and Authorization.
    const pages = config.DefaultCacheBehavior;
    expect(pages.OriginRequestPolicyId).toBe(allViewerExceptHost);
    expect(ttl(pages)).toEqual([0, 0, 1]);
    const pageKey = policy(pages.CachePolicyId).CachePolicyConfig!
      .ParametersInCacheKeyAndForwardedToOrigin as Record<string, Record<string, unknown>>;
    expect(pageKey.CookiesConfig).toEqual({ CookieBehavior: "all" });
    expect(pageKey.HeadersConfig!.Headers).toEqual(["Authorization"]);

    // Brotli and gzip at the edge on every behaviour that has its own cache policy.
    for (const b of [...config.CacheBehaviors, pages]) {
      expect(b.Compress, b.PathPattern).toBe(true);
      expect(b.ViewerProtocolPolicy).toBe("redirect-to-https");
      if (typeof b.CachePolicyId === "string") continue;
      const key = policy(b.CachePolicyId).CachePolicyConfig!
        .ParametersInCacheKeyAndForwardedToOrigin as Record<string, unknown>;
      expect(key).toMatchObject({
        EnableAcceptEncodingBrotli: true,
        EnableAcceptEncodingGzip: true,
      });
    }
  });

  it("tells the app the student's address on every request that reaches it", () => {
    const fn = resources.ViewerAddressFunction!.Properties as {
      FunctionCode: string;
      FunctionConfig: { Runtime: string };
    };
    expect(fn.FunctionConfig.Runtime).toBe("cloudfront-js-2.0");
    expect(fn.FunctionCode).toContain('headers["x-viewer-address"] = { value: event.viewer.ip }');
    const config = resources.Cdn!.Properties.DistributionConfig as {
      CacheBehaviors: { PathPattern: string; FunctionAssociations?: unknown }[];
      DefaultCacheBehavior: { FunctionAssociations?: unknown };
    };
    const association = [
      {
        EventType: "viewer-request",
        FunctionARN: { "Fn::GetAtt": ["ViewerAddressFunction", "FunctionMetadata.FunctionARN"] },
      },
    ];
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual(association);
    const api = config.CacheBehaviors.find((b) => b.PathPattern === "/api/*");
    expect(api?.FunctionAssociations).toEqual(association);
  });

  it("gives CloudFront and the HTTP Lambda the same generated secret, so the API refuses the rest", () => {
    const secret = resources.OriginVerifySecret!;
    expect(secret.Type).toBe("AWS::SecretsManager::Secret");
    expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 48 });
    const origin = (
      resources.Cdn!.Properties.DistributionConfig as {
        Origins: { OriginCustomHeaders: { HeaderName: string; HeaderValue: unknown }[] }[];
      }
    ).Origins[0]!;
    const header = origin.OriginCustomHeaders.find((h) => h.HeaderName === "X-Origin-Verify");
    const env = resources.AnyCatchallHTTPLambda!.Properties.Environment as {
      Variables: Record<string, unknown>;
    };
    expect(JSON.stringify(header?.HeaderValue)).toContain(
      "resolve:secretsmanager:${OriginVerifySecret}",
    );
    expect(env.Variables.ORIGIN_VERIFY_SECRET).toEqual(header?.HeaderValue);
  });

  it("builds the HTTP Lambda to load with nothing but Node and the AWS SDK the runtime provides", async () => {
    const codeUri = resources.AnyCatchallHTTPLambda!.Properties.CodeUri as string;
    // Any other package (undici, say) would be missing on Lambda, where nothing is hydrated.
    const probe = `const Module = require("node:module");
      const resolve = Module._resolveFilename;
      const bundle = require("node:path").resolve(process.argv[1]);
      Module._resolveFilename = function (request, parent, ...rest) {
        if (parent?.filename !== bundle) return resolve.call(this, request, parent, ...rest);
        const name = request.replace(/^node:/, "");
        const allowed = Module.isBuiltin(name) || /^(@aws-sdk\\/|aws-sdk(\\/|$))/.test(request);
        if (!allowed) throw new Error("not available on Lambda: " + request);
        return resolve.call(this, request, parent, ...rest);
      };
      require(bundle);`;
    const load = (env: Record<string, string>) =>
      promisify(execFile)(process.execPath, ["-e", probe, join(codeUri, "index.js")], {
        env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...env },
      });
    await expect(load({ PUBLIC_BASE_URL: "https://ielts.example" })).resolves.toBeDefined();
    // Without the site's address it refuses to start rather than build mail links from requests.
    await expect(load({})).rejects.toThrow(/PUBLIC_BASE_URL is not set/);
  });

  it("keeps recordings in a private bucket that the app and the speaking worker are told of", () => {
    const bucket = resources.AudioBucket!.Properties as {
      PublicAccessBlockConfiguration: Record<string, boolean>;
    };
    expect(Object.values(bucket.PublicAccessBlockConfiguration)).toEqual([true, true, true, true]);
    // Browsers PUT recordings straight to it, from the site only (the CDN's name).
    const cors = (
      resources.AudioBucket!.Properties as { CorsConfiguration: { CorsRules: unknown[] } }
    ).CorsConfiguration.CorsRules;
    expect(cors).toEqual([
      expect.objectContaining({
        AllowedMethods: ["PUT"],
        AllowedOrigins: [{ "Fn::Sub": "https://${Cdn.DomainName}" }],
        AllowedHeaders: ["content-type", "x-amz-server-side-encryption"],
      }),
    ]);
    for (const name of ["AnyCatchallHTTPLambda", "ScoreSpeakingEventLambda"]) {
      const env = resources[name]!.Properties.Environment as { Variables: Record<string, unknown> };
      expect(env.Variables.AUDIO_BUCKET).toEqual({ Ref: "AudioBucket" });
    }
  });
});

describe("operations (src/plugins/production-wiring.cjs)", () => {
  type Alarm = {
    AlarmActions: unknown[];
    ComparisonOperator: string;
    Threshold: number;
    MetricName?: string;
    Namespace?: string;
    Statistic?: string;
    Period?: number;
    Dimensions?: { Name: string; Value: unknown }[];
    Metrics?: {
      Id: string;
      Expression?: string;
      MetricStat?: { Metric: { MetricName: string } };
    }[];
  };
  const alarms = (from: Record<string, Resource>) =>
    Object.fromEntries(
      Object.entries(from)
        .filter(([, r]) => r.Type === "AWS::CloudWatch::Alarm")
        .map(([name, r]) => [name, r.Properties as Alarm]),
    );

  it("alarms on 5xx rate, duration, throttles, the dead-letter queue and AI spend, to one topic", () => {
    const all = alarms(resources);
    expect(resources.AlarmTopic?.Type).toBe("AWS::SNS::Topic");
    for (const [name, a] of Object.entries(all)) {
      expect(a.AlarmActions, name).toEqual([{ Ref: "AlarmTopic" }]);
    }
    const rate = all.Http5xxRateAlarm!;
    expect([rate.ComparisonOperator, rate.Threshold]).toEqual(["GreaterThanThreshold", 5]);
    expect(rate.Metrics!.map((m) => m.MetricStat?.Metric.MetricName ?? m.Expression)).toEqual([
      "5xx",
      "Count",
      "IF(requests > 0, 100 * errors / requests, 0)",
    ]);
    const functions = ofType("AWS::Serverless::Function").map(([name]) => name);
    expect(functions.length).toBe(5);
    for (const fn of functions) {
      const duration = all[`${fn}DurationAlarm`]!;
      expect(duration).toMatchObject({
        Namespace: "AWS/Lambda",
        MetricName: "Duration",
        Statistic: "Maximum",
        Threshold: 25000,
        Dimensions: [{ Name: "FunctionName", Value: { Ref: fn } }],
      });
      expect(all[`${fn}ThrottlesAlarm`]).toMatchObject({
        MetricName: "Throttles",
        ComparisonOperator: "GreaterThanThreshold",
        Threshold: 0,
      });
    }
    for (const queue of ["ScoringDeadLetterQueue", "ExplainDeadLetterQueue"]) {
      expect(all[queue.replace("Queue", "Alarm")], queue).toMatchObject({
        Namespace: "AWS/SQS",
        MetricName: "ApproximateNumberOfMessagesVisible",
        Threshold: 0,
        Dimensions: [{ Name: "QueueName", Value: { "Fn::GetAtt": [queue, "QueueName"] } }],
      });
    }
    // The metric src/observability/metrics.ts emits, summed over a day.
    expect(all.AiCostAlarm).toMatchObject({
      Namespace: "IeltsAiPrep",
      MetricName: "AiCostUsd",
      Statistic: "Sum",
      Period: 86400,
      Threshold: 5,
    });
    expect(resources.AlarmTopic!.Properties.Subscription).toBeUndefined();
  });

  it("takes the AI budget and an alarm address from the deploy's environment", () => {
    expect(alarms(configured).AiCostAlarm!.Threshold).toBe(12.5);
    expect(configured.AlarmTopic!.Properties.Subscription).toEqual([
      { Protocol: "email", Endpoint: "ops@example.org" },
    ]);
  });

  it("turns on point-in-time recovery on every table", () => {
    const tables = ofType("AWS::DynamoDB::Table");
    const declared = /@tables\n([\s\S]*?)\n@/.exec(readFileSync("app.arc", "utf8"))![1]!;
    expect(tables.length).toBe(declared.split("\n").filter((l) => /^\S/.test(l)).length);
    for (const [name, table] of tables) {
      expect(table.Properties.PointInTimeRecoverySpecification, name).toEqual({
        PointInTimeRecoveryEnabled: true,
      });
    }
  });

  it("publishes a version of every Lambda on each deploy, behind the alias its events call", () => {
    const functions = ofType("AWS::Serverless::Function");
    expect(functions.length).toBe(5);
    for (const [name, fn] of functions) expect(fn.Properties.AutoPublishAlias, name).toBe("live");
  });

  it("traces with X-Ray only when ARC_TRACING=true, with the permission to send traces", () => {
    for (const [name, fn] of ofType("AWS::Serverless::Function")) {
      expect(fn.Properties.Tracing, name).toBeUndefined();
      expect(configured[name]!.Properties.Tracing, name).toBe("Active");
    }
    expect(resources.TracingPolicy).toBeUndefined();
    const policy = JSON.stringify(configured.TracingPolicy!.Properties);
    expect(policy).toContain("xray:PutTraceSegments");
    expect(policy).toContain('{"Ref":"Role"}');
    expect(policy).toContain('{"Ref":"ModelCallerRole"}');
  });
});
