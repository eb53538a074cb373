// Architect plugin: what app.arc cannot say about production.
// - the workers that call a model (scoring, explanations) run under a role of their own that
//   may call Amazon Nova Micro, and nothing else in Bedrock; the HTTP and sweeper Lambdas keep
//   Architect's shared role, which cannot call Bedrock at all;
// - a scoring event that fails every Lambda retry lands in a dead-letter queue, not nowhere;
// - students' recordings live in a private, encrypted bucket that only the app can read;
// - the packages the TypeScript build leaves external (harper.js finds its WebAssembly beside
//   its own files; the dictionaries read theirs from disk) are copied into each worker's
//   package, because transpiled Lambdas are not hydrated.
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

function wire(cloudformation, cwd) {
  const resources = cloudformation.Resources;
  addModelCallerRole(resources);
  resources.ScoringDeadLetterQueue = {
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
          {
            Effect: "Allow",
            // Converse is authorised as InvokeModel on the model it calls.
            Action: ["bedrock:InvokeModel"],
            Resource: [
              { "Fn::Sub": `arn:aws:bedrock:\${AWS::Region}::foundation-model/${NOVA_MICRO}` },
            ],
          },
          {
            Effect: "Allow",
            Action: ["sqs:SendMessage"],
            Resource: [{ "Fn::GetAtt": ["ScoringDeadLetterQueue", "Arn"] }],
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
  return cloudformation;
}

module.exports = {
  deploy: {
    start({ cloudformation, inventory }) {
      return wire(cloudformation, inventory.inv._project.cwd);
    },
  },
};
