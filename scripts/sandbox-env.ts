import { fork } from "node:child_process";
import { resolve } from "node:path";
import { version as sandboxVersion } from "@architect/sandbox/package.json";

export interface SandboxPorts {
  http: number;
  events: number;
  tables: number;
  internal: number;
}

export const defaultPorts: SandboxPorts = {
  http: 3333,
  events: 4444,
  tables: 5555,
  internal: 2222,
};

/**
 * What Sandbox needs in order to run offline (set here, never in the user's shell), and what a
 * Sandbox Lambda sees, so that src/data used from this process (seeding, tests) finds the same
 * tables and event bus.
 */
export function applySandboxEnv(ports: SandboxPorts, env: NodeJS.ProcessEnv = process.env): void {
  env.ARC_ENV = "testing";
  env.ARC_APP_NAME = "ielts-ai-prep";
  env.AWS_REGION ??= "eu-west-2";
  env.AWS_ACCESS_KEY_ID ??= "local";
  env.AWS_SECRET_ACCESS_KEY ??= "local";
  env.AWS_EC2_METADATA_DISABLED = "true";
  env.ARC_HTTP_PORT = String(ports.http);
  env.ARC_EVENTS_PORT = String(ports.events);
  env.ARC_TABLES_PORT = String(ports.tables);
  env.ARC_INTERNAL_PORT = String(ports.internal);
  env.ARC_SANDBOX = JSON.stringify({
    version: sandboxVersion,
    ports: { http: ports.http, events: ports.events, tables: ports.tables, _arc: ports.internal },
  });
}

// Sandbox passes only these to its Lambdas (not the parent's whole environment).
export function lambdaEnv(outboxDir: string): Record<string, string> {
  const passThrough = [
    "AI_PROVIDERS",
    "BEDROCK_ENDPOINT",
    "BEDROCK_MODEL_ID",
    "GEMINI_API_KEY",
    "GEMINI_BASE_URL",
    "SPEECH_TO_TEXT",
    "AUDIO_BUCKET",
    "AUDIO_S3_ENDPOINT",
    "TRANSCRIBE_ENDPOINT",
    "TRANSCRIBE_LANGUAGE",
    "RECAPTCHA_SITE_KEY",
    "RECAPTCHA_SECRET_KEY",
    "RECAPTCHA_VERIFY_URL",
    "SENDGRID_API_KEY",
    "SENDGRID_API_URL",
    "MAIL_FROM",
    "PUBLIC_BASE_URL",
    "ALLOWED_ORIGINS",
    "APPLE_BUNDLE_ID",
    "APPLE_ENVIRONMENT",
    "APPLE_ROOT_CA_PEM",
    "APPLE_ROOT_CA_FILE",
    "GOOGLE_PLAY_PACKAGE_NAME",
    "GOOGLE_SERVICE_ACCOUNT_JSON",
    "GOOGLE_RTDN_TOKEN",
    "ANDROID_PUBLISHER_BASE_URL",
    "APP_PURCHASE_URL",
  ];
  const env: Record<string, string> = {
    OUTBOX_DIR: resolve(outboxDir),
    NODE_ENV: "production",
    // Links in mail come from configuration, never from a request's Host header; locally the
    // site is wherever Sandbox listens (applySandboxEnv has set the port).
    PUBLIC_BASE_URL: `http://localhost:${process.env.ARC_HTTP_PORT ?? defaultPorts.http}`,
  };
  for (const name of passThrough) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  return env;
}

/** Sandbox on these ports with its Lambdas' mail in outboxDir; the caller ends it. */
export async function startSandbox(ports: SandboxPorts, outboxDir: string) {
  applySandboxEnv(ports);
  const { default: sandbox } = await import("@architect/sandbox");
  await sandbox.start({
    cwd: process.cwd(),
    port: ports.http,
    quiet: true,
    env: lambdaEnv(outboxDir),
  });
  return sandbox;
}

/**
 * Sandbox in a process of its own, for a benchmark that must time only the code a Lambda runs:
 * in AWS, DynamoDB's work happens on DynamoDB's machines, not on the Lambda's CPU. This process
 * gets the same environment, so src/data finds the tables; the caller ends the child.
 */
export async function startSandboxProcess(ports: SandboxPorts, outboxDir: string) {
  applySandboxEnv(ports);
  const child = fork(resolve(__dirname, "sandbox-process.ts"), [JSON.stringify(ports), outboxDir], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((ready, failed) => {
    child.once("message", () => ready());
    child.once("exit", (code) => failed(new Error(`Sandbox exited with code ${code}`)));
  });
  return {
    end: () =>
      new Promise<void>((ended) => {
        if (child.exitCode !== null) return ended();
        child.once("exit", () => ended());
        child.kill("SIGTERM");
      }),
  };
}
