/**
 * What this app needs of Architect at run time: the names the deployment gave its resources
 * (tables, event topics) and a way to publish an event. @architect/functions does both through
 * its own AWS client (aws-lite and aws4, about 110 KB of the HTTP Lambda's bundle); here they go
 * through the AWS SDK the Lambda runtime already has, which the bundle leaves out. Locally they
 * reach Sandbox, which answers the same SSM call on its internal port and takes events on its
 * events port. As for the DynamoDB client (tables.ts), the process is local when Sandbox has
 * described itself in ARC_SANDBOX. Each SDK client is loaded on first use: a process asks SSM
 * once and most requests publish nothing, so neither belongs in every cold start.
 */
import type { SNSClient } from "@aws-sdk/client-sns";
import type { SSMClient } from "@aws-sdk/client-ssm";

type ServiceMap = Record<string, Record<string, string> | undefined>;

interface SandboxPorts {
  events?: number;
  tables?: number;
  _arc?: number;
}

/**
 * Without these the SDK waits up to 5 minutes on a connection that never answers, far past the
 * HTTP Lambda's 15 s: the student would get the gateway's bare error instead of ours. AWS's
 * APIs answer in milliseconds, so a request still unanswered after 3 s is retried (the SDK's
 * three tries then fit inside the Lambda, with time left to say what happened).
 */
export const AWS_CALL_TIMEOUTS = {
  connectionTimeout: 1_000,
  requestTimeout: 3_000,
  throwOnRequestTimeout: true,
} as const;

/** Sandbox's ports when this process is local, else undefined (AWS). */
export function sandboxPorts(): SandboxPorts | undefined {
  const sandbox = process.env.ARC_SANDBOX;
  if (!sandbox) return undefined;
  return (JSON.parse(sandbox) as { ports?: SandboxPorts }).ports ?? {};
}

/** Sandbox accepts any credentials; without them the SDK would look for real ones and stall. */
export function localClientConfig(endpoint: string) {
  const { AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY } = process.env;
  return {
    endpoint,
    region: AWS_REGION ?? "us-west-2",
    credentials: {
      accessKeyId: AWS_ACCESS_KEY_ID ?? "local",
      secretAccessKey: AWS_SECRET_ACCESS_KEY ?? "local",
    },
    requestHandler: AWS_CALL_TIMEOUTS,
  };
}

/** Architect's logical id of a name ("ielts-ai-prep-testing" -> "IeltsAiPrepTesting"). */
function toLogicalId(name: string): string {
  const words = name
    .replace(/([A-Z])/g, " $1")
    .replace(/^[\W_]+|[\W_]+$/g, "")
    .toLowerCase();
  return (words.charAt(0).toUpperCase() + words.slice(1)).replace(
    /[\W_]+(\w|$)/g,
    (_, ch: string) => ch.toUpperCase(),
  );
}

/**
 * The parameters Architect writes under /<stack>/<type>/<name> (tables/users -> the table's
 * name), as { type: { name: value } }.
 */
async function discover(): Promise<ServiceMap> {
  const { ARC_APP_NAME, ARC_ENV, ARC_STACK_NAME } = process.env;
  const ports = sandboxPorts();
  const { SSMClient, paginateGetParametersByPath } = await import("@aws-sdk/client-ssm");
  let client: SSMClient;
  if (ports) {
    if (!ports._arc) throw new Error("ARC_SANDBOX does not name Sandbox's internal port");
    client = new SSMClient(localClientConfig(`http://localhost:${ports._arc}/_arc/ssm`));
  } else {
    if (!ARC_STACK_NAME) throw new Error("ARC_STACK_NAME is not set: is this an Architect Lambda?");
    client = new SSMClient({ requestHandler: AWS_CALL_TIMEOUTS });
  }
  const stack = ARC_STACK_NAME ?? toLogicalId(`${ARC_APP_NAME ?? "arc-app"}-${ARC_ENV ?? ""}`);
  const services: ServiceMap = {};
  const pages = paginateGetParametersByPath({ client }, { Path: `/${stack}`, Recursive: true });
  for await (const page of pages) {
    for (const { Name, Value } of page.Parameters ?? []) {
      const [, , type, name] = (Name ?? "").split("/");
      if (!type || !name || Value === undefined) continue;
      (services[type] ??= {})[name] = Value;
    }
  }
  return services;
}

let services: Promise<ServiceMap> | undefined;

/** Names the deployment gave the app's resources (SSM in AWS, Sandbox locally); asked once. */
export function arcServices(): Promise<ServiceMap> {
  services ??= discover().catch((error: unknown) => {
    // A failed lookup (Sandbox not up yet) must not poison the process for good.
    services = undefined;
    throw error;
  });
  return services;
}

let sns: SNSClient | undefined;

/** An @events topic's event: SNS in AWS, Sandbox's event bus locally. */
export async function publishToArc({ name, payload }: { name: string; payload: object }) {
  const ports = sandboxPorts();
  if (ports) {
    if (!ports.events) throw new Error("ARC_SANDBOX does not name Sandbox's events port");
    const reply = await fetch(`http://localhost:${ports.events}/events`, {
      method: "POST",
      body: JSON.stringify({ name, payload }),
      signal: AbortSignal.timeout(AWS_CALL_TIMEOUTS.requestTimeout),
    });
    if (!reply.ok) throw new Error(`${await reply.text()} (${reply.status})`);
    return;
  }
  const topic = (await arcServices()).events?.[name];
  if (!topic) throw new Error(`Event "${name}" is not declared in app.arc`);
  const { SNSClient, PublishCommand } = await import("@aws-sdk/client-sns");
  sns ??= new SNSClient({ requestHandler: AWS_CALL_TIMEOUTS });
  await sns.send(new PublishCommand({ TopicArn: topic, Message: JSON.stringify(payload) }));
}
