import { resolve } from "node:path";

// What Sandbox and its Lambdas need in order to run offline. Set here, never in the user's shell.
export function localAwsEnv(env: NodeJS.ProcessEnv = process.env): void {
  env.AWS_ACCESS_KEY_ID ??= "local";
  env.AWS_SECRET_ACCESS_KEY ??= "local";
  env.AWS_REGION ??= "eu-west-2";
  env.AWS_EC2_METADATA_DISABLED = "true";
  env.ARC_ENV ??= "testing";
}

// Sandbox passes only these to its Lambdas (not the parent's whole environment).
export function lambdaEnv(outboxDir: string): Record<string, string> {
  const passThrough = [
    "AI_PROVIDERS",
    "RECAPTCHA_SITE_KEY",
    "RECAPTCHA_SECRET_KEY",
    "RECAPTCHA_VERIFY_URL",
    "SENDGRID_API_KEY",
    "SENDGRID_API_URL",
    "MAIL_FROM",
    "PUBLIC_BASE_URL",
  ];
  const env: Record<string, string> = { OUTBOX_DIR: resolve(outboxDir), NODE_ENV: "production" };
  for (const name of passThrough) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  return env;
}
