// Architect plugin: what app.arc cannot say about production.
// - the scoring workers may call Amazon Nova Micro, and nothing else in Bedrock;
// - a scoring event that fails every Lambda retry lands in a dead-letter queue, not nowhere;
// - the packages the TypeScript build leaves external (harper.js finds its WebAssembly beside
//   its own files; the dictionaries read theirs from disk) are copied into each worker's
//   package, because transpiled Lambdas are not hydrated.
const { cpSync, existsSync } = require("node:fs");
const { join } = require("node:path");

const NOVA_MICRO = "amazon.nova-micro-v1:0";
const SCORING_WORKERS = ["ScoreWritingEventLambda", "ScoreSpeakingEventLambda"];
const SCORER_PACKAGES = ["harper.js", "fflate", "dictionary-en", "dictionary-en-gb"];

function copyScorerPackages(cwd, codeUri) {
  for (const name of SCORER_PACKAGES) {
    const from = join(cwd, "node_modules", name);
    if (!existsSync(from)) throw new Error(`production-wiring: ${name} is not installed`);
    cpSync(from, join(codeUri, "node_modules", name), { recursive: true });
  }
}

function wire(cloudformation, cwd) {
  const resources = cloudformation.Resources;
  resources.ScoringDeadLetterQueue = {
    Type: "AWS::SQS::Queue",
    Properties: { MessageRetentionPeriod: 1209600 },
  };
  resources.ScoringWorkerPolicy = {
    Type: "AWS::IAM::Policy",
    Properties: {
      PolicyName: "ScoringWorkerPolicy",
      Roles: [{ Ref: "Role" }],
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
