/**
 * Page weight as a phone on a slow connection receives it, for each main page: the HTML (an
 * empty draft on the task pages, so no essay is counted) and every JavaScript file it loads,
 * each compressed with gzip and with brotli as the CDN serves them. Then the mobile API's bytes on the wire for a list of
 * 20 assessments and a Reading paper, plain, gzip and brotli, as the Lambda sends them.
 * Runs its own Sandbox on separate ports.
 *
 *   npm run bench
 */
import { get } from "node:http";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { startSandbox, type SandboxPorts } from "./sandbox-env";

const ports: SandboxPorts = { http: 3390, events: 4490, tables: 5590, internal: 2290 };
const base = `http://localhost:${ports.http}`;

interface Weight {
  raw: number;
  gzip: number;
  br: number;
}

function weigh(body: Buffer): Weight {
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const sum = (a: Weight, b: Weight): Weight => ({
  raw: a.raw + b.raw,
  gzip: a.gzip + b.gzip,
  br: a.br + b.br,
});

/** The pages a student meets most, signed in (the home and login pages are seen signed out). */
const PAGES: readonly { label: string; path: string; signedIn: boolean }[] = [
  { label: "home", path: "/", signedIn: false },
  { label: "login", path: "/login", signedIn: false },
  { label: "dashboard", path: "/dashboard", signedIn: true },
  {
    label: "writing (Task 2)",
    path: "/assessments/writing/new?task=2&module=general",
    signedIn: true,
  },
  { label: "speaking", path: "/assessments/speaking/new", signedIn: true },
  { label: "reading start", path: "/assessments/reading/new", signedIn: true },
  { label: "practice", path: "/practice", signedIn: true },
  { label: "progress", path: "/profile", signedIn: true },
];

// The writing page's JavaScript budget (issue 17): what a phone on 400 kbit/s fetches before the
// page is interactive.
const WRITING_JS_BUDGET_GZIP = 70 * 1024;

async function pageWeight(
  path: string,
  cookie: string,
): Promise<{ html: Weight; js: Weight; files: number }> {
  const html = Buffer.from(
    await (await fetch(`${base}${path}`, { headers: { cookie } })).arrayBuffer(),
  );
  const text = html.toString("utf8");
  const scripts = new Set(
    [...text.matchAll(/<(?:script|link rel="modulepreload")[^>]*(?:src|href)="([^"]+\.js)"/g)].map(
      (m) => m[1]!,
    ),
  );
  // Remix imports its entry and route modules from an inline script; count those too.
  for (const m of text.matchAll(/import\(?\s*"([^"]+\.js)"/g)) scripts.add(m[1]!);
  let js: Weight = { raw: 0, gzip: 0, br: 0 };
  for (const src of scripts) {
    js = sum(js, weigh(Buffer.from(await (await fetch(new URL(src, base).href)).arrayBuffer())));
  }
  return { html: weigh(html), js, files: scripts.size };
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
    // The paper is the next one the demo student has not taken, so it moves between runs.
    [
      `Reading paper ${assessment.submission.kind === "objective" ? assessment.submission.testId : ""}`,
      `/api/v1/assessments/${assessment.assessmentId}/paper`,
    ],
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
  const sandbox = await startSandbox(ports, ".data/bench-outbox");
  try {
    const { seedDemoData, DEMO_ACCOUNTS } = await import("./seed");
    const { getUserByEmail } = await import("../src/data/users");
    const { createSession } = await import("../src/accounts/sessions");
    const { sessionCookieHeader } = await import("../app/session.server");
    await seedDemoData();
    const student = await getUserByEmail(DEMO_ACCOUNTS[0].email);
    if (!student) throw new Error("demo student missing");
    const { rawId } = await createSession(student.userId);
    const cookie = (await sessionCookieHeader(rawId, student.userId)).split(";")[0]!;

    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log("page weight: HTML and the JavaScript it loads, gzip / brotli (raw)");
    for (const { label, path, signedIn } of PAGES) {
      const { html, js, files } = await pageWeight(path, signedIn ? cookie : "");
      const budget =
        path.startsWith("/assessments/writing/") &&
        ` (budget ${kb(WRITING_JS_BUDGET_GZIP)} gzip: ${js.gzip <= WRITING_JS_BUDGET_GZIP ? "met" : "over"})`;
      console.log(
        `  ${label.padEnd(18)} HTML ${kb(html.gzip)} / ${kb(html.br)} (${kb(html.raw)})   JavaScript, ${files} files, ${kb(js.gzip)} / ${kb(js.br)} (${kb(js.raw)})${budget || ""}`,
      );
    }
    await apiWeight(student, kb);
  } finally {
    await sandbox.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
