// Which Bedrock model and region the model callers may reach, for production-wiring.cjs.
const NOVA_MICRO = "amazon.nova-micro-v1:0";
const SCORING_WORKERS = ["ScoreWritingEventLambda", "ScoreSpeakingEventLambda"];
const MODEL_CALLERS = [...SCORING_WORKERS, "ExplainAnswersEventLambda"];

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

module.exports = { MODEL_CALLERS, SCORING_WORKERS, bedrockStatements, bedrockTarget };
