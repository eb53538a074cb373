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
const {
  MODEL_CALLERS,
  SCORING_WORKERS,
  bedrockStatements,
  bedrockTarget,
} = require("./production-wiring/bedrock.cjs");
const { addCdn } = require("./production-wiring/cdn.cjs");
const { rolePolicy } = require("./production-wiring/iam.cjs");
const { addOperations } = require("./production-wiring/operations.cjs");

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
  resources.ScoringWorkerPolicy = rolePolicy(
    "ScoringWorkerPolicy",
    ["ModelCallerRole"],
    [
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
  );
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
  // The app stores recordings; the speaking worker reads them.
  resources.AudioStorePolicy = rolePolicy(
    "AudioStorePolicy",
    ["Role", "ModelCallerRole"],
    [
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
  );
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
