// Architect plugin: what app.arc cannot say about production.
// - the workers that call a model (scoring, explanations) run under a role of their own that
//   may call Amazon Nova Micro (in its region, or through the EU inference profile), and
//   nothing else in Bedrock; the HTTP and sweeper Lambdas keep
//   Architect's shared role, which cannot call Bedrock at all;
// - a scoring or explanation event that fails every Lambda retry lands in a dead-letter queue
//   (one per kind of event), not nowhere;
// - students' recordings live in a private, encrypted bucket that only the app can read;
// - the packages the TypeScript build leaves external (harper.js finds its WebAssembly beside
//   its own files; the dictionaries read theirs from disk) are copied into each worker's
//   package, because transpiled Lambdas are not hydrated;
// - a CloudFront distribution is the only way in (docs/decisions/019-cdn-caching.md): it caches the
//   hashed build for a year, other static files for an hour, pages and /api/* never, compresses
//   with brotli or gzip, and proves itself to the HTTP Lambda with a secret header;
// - alarms an operator needs, to one SNS topic (ALARM_EMAIL at deploy time subscribes an
//   address), point-in-time recovery on every table, and X-Ray tracing when ARC_TRACING=true.
const { cpSync, existsSync } = require("node:fs");
const { join } = require("node:path");

const NOVA_MICRO = "amazon.nova-micro-v1:0";
const SCORING_WORKERS = ["ScoreWritingEventLambda", "ScoreSpeakingEventLambda"];
const MODEL_CALLERS = [...SCORING_WORKERS, "ExplainAnswersEventLambda"];
const AUDIO_USERS = ["AnyCatchallHTTPLambda", "ScoreSpeakingEventLambda"];
const SCORER_PACKAGES = ["harper.js", "fflate", "dictionary-en", "dictionary-en-gb"];

function copyScorerPackages(cwd, codeUri) {
  for (const name of SCORER_PACKAGES) {
    const from = join(cwd, "node_modules", name);
    if (!existsSync(from)) throw new Error(`production-wiring: ${name} is not installed`);
    cpSync(from, join(codeUri, "node_modules", name), { recursive: true });
  }
}

/**
 * A copy of Architect's shared role (its inline policies: logs, tables, events, static bucket)
 * for the Lambdas that call a model, with every standalone policy Architect attaches to the
 * shared role attached to the copy too.
 */
function addModelCallerRole(resources) {
  resources.ModelCallerRole = structuredClone(resources.Role);
  for (const r of Object.values(resources)) {
    const roles = r.Type === "AWS::IAM::Policy" ? r.Properties.Roles : undefined;
    if (roles && roles.some((ref) => ref.Ref === "Role")) roles.push({ Ref: "ModelCallerRole" });
  }
  for (const name of MODEL_CALLERS) {
    const fn = resources[name];
    if (!fn) throw new Error(`production-wiring: ${name} is missing from the template`);
    fn.Properties.Role = {
      "Fn::Sub": [
        "arn:aws:iam::${AWS::AccountId}:role/${roleName}",
        { roleName: { Ref: "ModelCallerRole" } },
      ],
    };
  }
}

// CloudFront's managed policies (ids are fixed by AWS).
const CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
const ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
const ORIGIN_VERIFY_HEADER = "X-Origin-Verify";
const YEAR = 31536000;
const HOUR = 3600;

function cachePolicy(name, { min, fallback, max, vary }) {
  return {
    Type: "AWS::CloudFront::CachePolicy",
    Properties: {
      CachePolicyConfig: {
        Name: { "Fn::Sub": `\${AWS::StackName}-${name}` },
        MinTTL: min,
        DefaultTTL: fallback,
        MaxTTL: max,
        ParametersInCacheKeyAndForwardedToOrigin: {
          EnableAcceptEncodingBrotli: true,
          EnableAcceptEncodingGzip: true,
          CookiesConfig: { CookieBehavior: vary ? "all" : "none" },
          HeadersConfig: vary
            ? { HeaderBehavior: "whitelist", Headers: ["Authorization"] }
            : { HeaderBehavior: "none" },
          QueryStringsConfig: { QueryStringBehavior: vary ? "all" : "none" },
        },
      },
    },
  };
}

function cacheControlPolicy(name, value) {
  return {
    Type: "AWS::CloudFront::ResponseHeadersPolicy",
    Properties: {
      ResponseHeadersPolicyConfig: {
        Name: { "Fn::Sub": `\${AWS::StackName}-${name}` },
        CustomHeadersConfig: {
          Items: [{ Header: "Cache-Control", Value: value, Override: true }],
        },
      },
    },
  };
}

// Behind CloudFront the API sees an edge server's address; the function tells the app the
// student's, overwriting any header of that name the client sent.
const VIEWER_ADDRESS_CODE = `function handler(event) {
  event.request.headers["x-viewer-address"] = { value: event.viewer.ip };
  return event.request;
}`;

function behaviour(extra) {
  return {
    TargetOriginId: "HttpApi",
    ViewerProtocolPolicy: "redirect-to-https",
    Compress: true,
    ...extra,
  };
}

const STATIC_METHODS = { AllowedMethods: ["GET", "HEAD"], CachedMethods: ["GET", "HEAD"] };
const ALL_METHODS = {
  AllowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
  CachedMethods: ["GET", "HEAD"],
};

/**
 * The distribution has one origin, the HTTP API: Architect already proxies /_static/* from
 * there to the static bucket, whose keys lack the /_static prefix a bucket origin would need.
 */
function addCdn(cloudformation) {
  const resources = cloudformation.Resources;
  resources.OriginVerifySecret = {
    Type: "AWS::SecretsManager::Secret",
    Properties: {
      Description: "Sent by CloudFront to the HTTP API; requests without it are refused",
      GenerateSecretString: { PasswordLength: 48, ExcludePunctuation: true },
    },
  };
  const secret = { "Fn::Sub": "{{resolve:secretsmanager:${OriginVerifySecret}:SecretString}}" };
  resources.AnyCatchallHTTPLambda.Properties.Environment.Variables.ORIGIN_VERIFY_SECRET = secret;
  // Hashed names change with their content, so a year is safe; other files keep their names.
  resources.BuildCachePolicy = cachePolicy("build", { min: YEAR, fallback: YEAR, max: YEAR });
  resources.AssetCachePolicy = cachePolicy("assets", { min: 0, fallback: HOUR, max: HOUR });
  // Pages are cached only when the app says public, and then per cookie, so one student's page
  // can never reach another; a MaxTTL above zero is what lets CloudFront compress them.
  resources.PageCachePolicy = cachePolicy("pages", { min: 0, fallback: 0, max: 1, vary: true });
  resources.BuildHeadersPolicy = cacheControlPolicy("build", `public, max-age=${YEAR}, immutable`);
  resources.AssetHeadersPolicy = cacheControlPolicy("assets", `public, max-age=${HOUR}`);
  resources.ViewerAddressFunction = {
    Type: "AWS::CloudFront::Function",
    Properties: {
      Name: { "Fn::Sub": "${AWS::StackName}-viewer-address" },
      AutoPublish: true,
      FunctionCode: VIEWER_ADDRESS_CODE,
      FunctionConfig: { Comment: "x-viewer-address for the app", Runtime: "cloudfront-js-2.0" },
    },
  };
  const toTheApp = {
    ...ALL_METHODS,
    OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST,
    FunctionAssociations: [
      {
        EventType: "viewer-request",
        FunctionARN: { "Fn::GetAtt": ["ViewerAddressFunction", "FunctionMetadata.FunctionARN"] },
      },
    ],
  };
  resources.Cdn = {
    Type: "AWS::CloudFront::Distribution",
    Properties: {
      DistributionConfig: {
        Enabled: true,
        HttpVersion: "http2and3",
        PriceClass: "PriceClass_100",
        Origins: [
          {
            Id: "HttpApi",
            DomainName: { "Fn::Sub": "${HTTP}.execute-api.${AWS::Region}.amazonaws.com" },
            CustomOriginConfig: {
              OriginProtocolPolicy: "https-only",
              OriginSSLProtocols: ["TLSv1.2"],
            },
            OriginCustomHeaders: [{ HeaderName: ORIGIN_VERIFY_HEADER, HeaderValue: secret }],
          },
        ],
        CacheBehaviors: [
          behaviour({
            PathPattern: "/_static/build/*",
            ...STATIC_METHODS,
            CachePolicyId: { Ref: "BuildCachePolicy" },
            ResponseHeadersPolicyId: { Ref: "BuildHeadersPolicy" },
          }),
          behaviour({
            PathPattern: "/_static/*",
            ...STATIC_METHODS,
            CachePolicyId: { Ref: "AssetCachePolicy" },
            ResponseHeadersPolicyId: { Ref: "AssetHeadersPolicy" },
          }),
          behaviour({ PathPattern: "/api/*", ...toTheApp, CachePolicyId: CACHING_DISABLED }),
        ],
        DefaultCacheBehavior: behaviour({ ...toTheApp, CachePolicyId: { Ref: "PageCachePolicy" } }),
      },
    },
  };
  cloudformation.Outputs = {
    ...cloudformation.Outputs,
    CdnUrl: {
      Description: "The site's address (CloudFront)",
      Value: { "Fn::Sub": "https://${Cdn.DomainName}" },
    },
  };
}

// Must match src/observability/metrics.ts, which emits the custom metrics.
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
    resources.TracingPolicy = {
      Type: "AWS::IAM::Policy",
      Properties: {
        PolicyName: "TracingPolicy",
        Roles: [{ Ref: "Role" }, { Ref: "ModelCallerRole" }],
        PolicyDocument: {
          Statement: [
            {
              Effect: "Allow",
              Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
              Resource: "*",
            },
          ],
        },
      },
    };
  }
}

const DEFAULT_BEDROCK_REGION = "us-east-1";
// A cross-region inference profile is called from a source region of its own geography.
const PROFILE_GEOGRAPHIES = { us: "us-", eu: "eu-", apac: "ap-" };

/**
 * The Bedrock model and the region it is called in, chosen together: BEDROCK_MODEL_ID and
 * BEDROCK_REGION from `arc deploy`'s environment, else from the workers' `arc env`, else Nova
 * Micro on demand in us-east-1 (it is not served on demand in eu-west-2). Both are written
 * into every model caller's environment, so the code calls exactly what IAM allows.
 */
function bedrockTarget(resources, env) {
  const stored = (name) =>
    MODEL_CALLERS.map((fn) => resources[fn].Properties.Environment?.Variables?.[name]).find(
      Boolean,
    );
  const modelId = env.BEDROCK_MODEL_ID || stored("BEDROCK_MODEL_ID") || NOVA_MICRO;
  const region = env.BEDROCK_REGION || stored("BEDROCK_REGION") || DEFAULT_BEDROCK_REGION;
  const profile = /^(us|eu|apac)\.(.+)$/.exec(modelId);
  if (profile && !region.startsWith(PROFILE_GEOGRAPHIES[profile[1]])) {
    throw new Error(
      `production-wiring: the inference profile ${modelId} is called from a ${profile[1]} region, not ${region}`,
    );
  }
  for (const name of MODEL_CALLERS) {
    const fn = resources[name].Properties;
    fn.Environment ??= { Variables: {} };
    fn.Environment.Variables ??= {};
    Object.assign(fn.Environment.Variables, { BEDROCK_MODEL_ID: modelId, BEDROCK_REGION: region });
  }
  return {
    modelId,
    region,
    foundationModel: profile ? profile[2] : modelId,
    profile: Boolean(profile),
  };
}

/**
 * Converse is authorised as InvokeModel. On demand: the model in its region. Through an
 * inference profile: the profile in the source region, and the foundation model in whichever
 * region the profile routes the call to (any region, but only through that profile), as AWS's
 * cross-region inference guide sets out.
 */
function bedrockStatements({ modelId, region, foundationModel, profile }) {
  if (!profile) {
    return [
      {
        Effect: "Allow",
        Action: ["bedrock:InvokeModel"],
        Resource: [`arn:aws:bedrock:${region}::foundation-model/${modelId}`],
      },
    ];
  }
  const profileArn = {
    "Fn::Sub": `arn:aws:bedrock:${region}:\${AWS::AccountId}:inference-profile/${modelId}`,
  };
  return [
    { Effect: "Allow", Action: ["bedrock:InvokeModel"], Resource: [profileArn] },
    {
      Effect: "Allow",
      Action: ["bedrock:InvokeModel"],
      Resource: [`arn:aws:bedrock:*::foundation-model/${foundationModel}`],
      Condition: { StringEquals: { "bedrock:InferenceProfileArn": profileArn } },
    },
  ];
}

/** The site as browsers see it: the CDN's own name, and PUBLIC_BASE_URL's origin when set. */
function siteOrigins(env) {
  const origins = [{ "Fn::Sub": "https://${Cdn.DomainName}" }];
  if (env.PUBLIC_BASE_URL) origins.push(new URL(env.PUBLIC_BASE_URL).origin);
  return origins;
}

function wire(cloudformation, cwd, env = process.env) {
  const resources = cloudformation.Resources;
  addModelCallerRole(resources);
  const bedrock = bedrockTarget(resources, env);
  resources.ScoringDeadLetterQueue = {
    Type: "AWS::SQS::Queue",
    Properties: { MessageRetentionPeriod: 1209600 },
  };
  // Its own queue: an explanation event is re-driven to explain-answers, not to scoring.
  resources.ExplainDeadLetterQueue = {
    Type: "AWS::SQS::Queue",
    Properties: { MessageRetentionPeriod: 1209600 },
  };
  resources.ScoringWorkerPolicy = {
    Type: "AWS::IAM::Policy",
    Properties: {
      PolicyName: "ScoringWorkerPolicy",
      Roles: [{ Ref: "ModelCallerRole" }],
      PolicyDocument: {
        Statement: [
          ...bedrockStatements(bedrock),
          {
            // Speech to text for recordings (SPEECH_TO_TEXT=transcribe): only the jobs the
            // speaking worker names; Transcribe reads the recording with the caller's own
            // s3:GetObject (AudioStorePolicy) and keeps the transcript in its own bucket.
            Effect: "Allow",
            Action: ["transcribe:StartTranscriptionJob", "transcribe:GetTranscriptionJob"],
            Resource: [
              {
                "Fn::Sub":
                  "arn:aws:transcribe:${AWS::Region}:${AWS::AccountId}:transcription-job/ielts-*",
              },
            ],
          },
          {
            Effect: "Allow",
            Action: ["sqs:SendMessage"],
            Resource: [
              { "Fn::GetAtt": ["ScoringDeadLetterQueue", "Arn"] },
              { "Fn::GetAtt": ["ExplainDeadLetterQueue", "Arn"] },
            ],
          },
        ],
      },
    },
  };
  resources.AudioBucket = {
    Type: "AWS::S3::Bucket",
    Properties: {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } },
        ],
      },
      // The speaking page sends recordings here itself with a presigned PUT (never through the
      // Lambda's 6 MB event): only from the site, only PUT, and only the headers it signs.
      CorsConfiguration: {
        CorsRules: [
          {
            AllowedMethods: ["PUT"],
            AllowedOrigins: siteOrigins(env),
            AllowedHeaders: ["content-type", "x-amz-server-side-encryption"],
            MaxAge: 3600,
          },
        ],
      },
    },
  };
  resources.AudioStorePolicy = {
    Type: "AWS::IAM::Policy",
    Properties: {
      PolicyName: "AudioStorePolicy",
      // The app stores recordings; the speaking worker reads them.
      Roles: [{ Ref: "Role" }, { Ref: "ModelCallerRole" }],
      PolicyDocument: {
        Statement: [
          {
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
            Resource: [{ "Fn::Sub": "arn:aws:s3:::${AudioBucket}/audio/*" }],
          },
          {
            // Listing a student's prefix is what export and erasure need.
            Effect: "Allow",
            Action: ["s3:ListBucket"],
            Resource: [{ "Fn::Sub": "arn:aws:s3:::${AudioBucket}" }],
          },
        ],
      },
    },
  };
  for (const name of AUDIO_USERS) {
    const fn = resources[name];
    if (!fn) throw new Error(`production-wiring: ${name} is missing from the template`);
    fn.Properties.Environment.Variables.AUDIO_BUCKET = { Ref: "AudioBucket" };
  }
  for (const name of SCORING_WORKERS) {
    const fn = resources[name];
    if (!fn) throw new Error(`production-wiring: ${name} is missing from the template`);
    fn.Properties.DeadLetterQueue = {
      Type: "SQS",
      TargetArn: { "Fn::GetAtt": ["ScoringDeadLetterQueue", "Arn"] },
    };
    fn.Properties.EventInvokeConfig = { MaximumRetryAttempts: 2 };
    copyScorerPackages(cwd, fn.Properties.CodeUri);
  }
  resources.ExplainAnswersEventLambda.Properties.DeadLetterQueue = {
    Type: "SQS",
    TargetArn: { "Fn::GetAtt": ["ExplainDeadLetterQueue", "Arn"] },
  };
  resources.ExplainAnswersEventLambda.Properties.EventInvokeConfig = { MaximumRetryAttempts: 2 };
  addCdn(cloudformation);
  addOperations(cloudformation, env);
  return cloudformation;
}

module.exports = {
  deploy: {
    start({ cloudformation, inventory }) {
      return wire(cloudformation, inventory.inv._project.cwd);
    },
  },
};
