import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { questionBank } from "../src/content/bank";
import { setDisabled } from "../src/data/users";
import { task2Essay } from "./ai/fixtures";
import { scoredAssessment } from "./support/assessments";
import { scoringResult } from "./support/results";
import { InProcessClient } from "./support/in-process";
import { createAdmin, createStudent, sessionCookieFor } from "./support/users";
import type { WritingSubmission } from "../src/domain/assessment";

// The matrix is generated from Remix's own route manifest (the routes folder as Remix reads
// it), so a new route is in it without anyone remembering to add it.
interface RouteEntry {
  id: string;
  path?: string;
  index?: boolean;
  parentId?: string;
}
const { readConfig } = createRequire(import.meta.url)("@remix-run/dev/dist/config") as {
  readConfig: (root: string) => Promise<{ routes: Record<string, RouteEntry> }>;
};

function fullPath(routes: Record<string, RouteEntry>, route: RouteEntry): string {
  const parts: string[] = [];
  for (let r: RouteEntry | undefined = route; r; r = r.parentId ? routes[r.parentId] : undefined) {
    if (r.path) parts.unshift(r.path);
  }
  return `/${parts.join("/")}`;
}

type Persona = "anonymous" | "student" | "admin" | "disabled";
const PERSONAS: Persona[] = ["anonymous", "student", "admin", "disabled"];

let urls: string[];
const clients = {} as Record<Persona, () => InProcessClient>;

beforeAll(async () => {
  const [student, admin, disabled] = await Promise.all([
    createStudent("matrix-student"),
    createAdmin("matrix-admin"),
    createStudent("matrix-disabled"),
  ]);
  const draft = await scoredAssessment(
    {
      userId: student.userId,
      skill: "writing",
      submission: task2Essay as WritingSubmission,
      status: "queued",
    },
    scoringResult({ TR: 6, CC: 6, LR: 6, GRA: 6 }, 6),
  );
  // Real ids, so that an admin's 200 on a page with a parameter is a real page, not a 404.
  const params: Record<string, string> = {
    userId: student.userId,
    assessmentId: draft.assessmentId,
    questionId: questionBank()[0]!.id,
    skill: "reading",
    id: draft.assessmentId,
    drill: "unknown-drill",
  };
  const { routes } = await readConfig(process.cwd());
  urls = [
    ...new Set(
      Object.values(routes)
        .filter((r) => r.id !== "root")
        .map((r) =>
          fullPath(routes, r)
            .replace(/:(\w+)/g, (_, name: string) => params[name] ?? name)
            .replace("*", "no-such-page"),
        ),
    ),
  ].sort();
  const cookies = {
    student: await sessionCookieFor(student),
    admin: await sessionCookieFor(admin),
    disabled: await sessionCookieFor(disabled),
  };
  // Disabled after signing in: the session it already has must stop working.
  await setDisabled(disabled.userId, new Date().toISOString());
  const as = (user: keyof typeof cookies) => () => new InProcessClient().signIn(cookies[user]);
  clients.anonymous = () => new InProcessClient();
  clients.student = as("student");
  clients.admin = as("admin");
  clients.disabled = as("disabled");
});

async function statusOf(persona: Persona, url: string) {
  const result = await clients[persona]().send({ method: "GET", path: url });
  const location = (result.headers?.location as string | undefined) ?? null;
  return { status: result.statusCode ?? 0, location };
}

describe("authorization matrix: every route x anonymous, student, admin, disabled", () => {
  it("finds the admin routes in the manifest", () => {
    const admin = urls.filter((u) => u === "/admin" || u.startsWith("/admin/"));
    expect(admin).toEqual(
      expect.arrayContaining([
        "/admin",
        "/admin/audit",
        "/admin/reports",
        "/admin/safety",
        "/admin/stats.csv",
        "/admin/users",
        "/admin/assessments",
        "/admin/questions",
      ]),
    );
    expect(admin.length).toBeGreaterThanOrEqual(11);
  });

  it("admin routes: anonymous and disabled to login, students 404, admins 200", async () => {
    const rows: string[] = [];
    for (const url of urls.filter((u) => u === "/admin" || u.startsWith("/admin/"))) {
      const seen = Object.fromEntries(
        await Promise.all(PERSONAS.map(async (p) => [p, await statusOf(p, url)] as const)),
      ) as Record<Persona, { status: number; location: string | null }>;
      const login = `/login?${new URLSearchParams({ redirectTo: url })}`;
      rows.push(`${url} ${PERSONAS.map((p) => `${p}=${seen[p].status}`).join(" ")}`);
      expect(seen.anonymous, url).toEqual({ status: 302, location: login });
      expect(seen.disabled, url).toEqual({ status: 302, location: login });
      expect(seen.student.status, url).toBe(404);
      expect(seen.admin.status, url).toBe(200);
    }
    console.log(rows.join("\n"));
  });

  it("every other route: no 5xx for anyone, and a disabled user is treated as signed out", async () => {
    for (const url of urls.filter((u) => !(u === "/admin" || u.startsWith("/admin/")))) {
      const seen = Object.fromEntries(
        await Promise.all(PERSONAS.map(async (p) => [p, await statusOf(p, url)] as const)),
      ) as Record<Persona, { status: number; location: string | null }>;
      for (const p of PERSONAS) expect(seen[p].status, `${p} ${url}`).toBeLessThan(500);
      expect(seen.disabled, url).toEqual(seen.anonymous);
    }
  });
});
