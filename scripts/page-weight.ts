/**
 * Page weight of the writing page as a phone on a slow connection receives it: the HTML
 * (an empty draft, so the essay itself is excluded) and every JavaScript file it loads, each
 * gzip-compressed as a CDN would serve it. Then the mobile API's bytes on the wire for a list of
 * 20 assessments and a Reading paper, plain, gzip and brotli, as the Lambda sends them.
 * Runs its own Sandbox on separate ports.
 *
 *   npm run bench
 */
import { get } from "node:http";
import { gzipSync } from "node:zlib";
import { applySandboxEnv, lambdaEnv, type SandboxPorts } from "./sandbox-env";

const ports: SandboxPorts = { http: 3390, events: 4490, tables: 5590, internal: 2290 };
const base = `http://localhost:${ports.http}`;

async function gzipSize(url: string, cookie: string): Promise<{ raw: number; gzip: number }> {
  const body = Buffer.from(await (await fetch(url, { headers: { cookie } })).arrayBuffer());
  return { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

/** Bytes as they cross the network: node:http does not decompress, unlike fetch. */
function wireBytes(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => resolve(bytes));
    }).on("error", reject);
  });
}

async function apiWeight(student: { userId: string }, kb: (n: number) => string): Promise<void> {
  const { createAssessment } = await import("../src/data/assessments");
  const { issueDevice } = await import("../src/accounts/devices");
  const { openObjectiveDraft } = await import("../src/assessments/objective");
  const { getUserById } = await import("../src/data/users");
  const user = (await getUserById(student.userId))!;
  for (let i = 0; i < 20; i++) {
    await createAssessment({
      userId: user.userId,
      skill: "writing",
      status: "draft",
      submission: { kind: "writing", task: 2, module: "academic", prompt: "P", response: "" },
    });
  }
  const { token } = await issueDevice(
    user,
    { deviceName: "bench", userAgent: "bench" },
    new Date(),
  );
  const { assessment } = await openObjectiveDraft({
    userId: user.userId,
    skill: "reading",
    module: "academic",
  });
  console.log("mobile API bytes on the wire (identity / gzip / br)");
  for (const [label, path] of [
    ["list of 20 assessments", "/api/v1/assessments?limit=20"],
    ["Reading paper", `/api/v1/assessments/${assessment.assessmentId}/paper`],
  ] as const) {
    const sizes = [];
    for (const encoding of ["identity", "gzip", "br"]) {
      const headers = { Authorization: `Bearer ${token}`, "Accept-Encoding": encoding };
      sizes.push(kb(await wireBytes(`${base}${path}`, headers)));
    }
    console.log(`  ${label.padEnd(26)}${sizes.join(" / ")}`);
  }
}

async function main(): Promise<void> {
  applySandboxEnv(ports);
  const { default: sandbox } = await import("@architect/sandbox");
  await sandbox.start({
    cwd: process.cwd(),
    port: ports.http,
    quiet: true,
    env: lambdaEnv(".data/bench-outbox"),
  });
  try {
    const { seedDemoData, DEMO_ACCOUNTS } = await import("./seed");
    const { getUserByEmail } = await import("../src/data/users");
    const { createSession } = await import("../src/accounts/sessions");
    const { sessionCookie } = await import("../app/security/cookies.server");
    await seedDemoData();
    const student = await getUserByEmail(DEMO_ACCOUNTS[0].email);
    if (!student) throw new Error("demo student missing");
    const { rawId } = await createSession(student.userId);
    const cookie = (await sessionCookie.serialize(rawId)).split(";")[0]!;

    const page = `${base}/assessments/writing/new?task=2&module=general`;
    const html = await (await fetch(page, { headers: { cookie } })).text();
    const htmlSize = { raw: Buffer.byteLength(html), gzip: gzipSync(html, { level: 9 }).length };
    const scripts = new Set(
      [
        ...html.matchAll(/<(?:script|link rel="modulepreload")[^>]*(?:src|href)="([^"]+\.js)"/g),
      ].map((m) => m[1]!),
    );
    // Remix imports its entry and route modules from an inline script; count those too.
    for (const m of html.matchAll(/import\(?\s*"([^"]+\.js)"/g)) scripts.add(m[1]!);
    let js = { raw: 0, gzip: 0 };
    for (const src of scripts) {
      const size = await gzipSize(new URL(src, base).href, cookie);
      js = { raw: js.raw + size.raw, gzip: js.gzip + size.gzip };
    }
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log("writing page weight (Task 2, empty draft)");
    console.log(
      `  HTML                      ${kb(htmlSize.gzip)} gzip (${kb(htmlSize.raw)} raw), budget 14 KB`,
    );
    console.log(
      `  JavaScript, ${scripts.size} files      ${kb(js.gzip)} gzip (${kb(js.raw)} raw), budget 100 KB`,
    );
    await apiWeight(student, kb);
  } finally {
    await sandbox.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
