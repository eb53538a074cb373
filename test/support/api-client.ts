import type { Device } from "../../src/accounts/devices";
import type { PaperBlock } from "../../src/assessments/objective-paper-view";
import type { AssessmentDetail, AssessmentSummary } from "../../src/assessments/student-work";
import type { ProgressOverview } from "../../src/progress/overview";
import type { SpeakingTaskView } from "../../src/assessments/speaking";
import type { WritingTaskView } from "../../src/assessments/writing";
import type { UploadTarget } from "../../src/data/audio-store";
import { expectDocumented } from "./openapi";
import { baseUrl } from "./ports";
import { createStudent, TEST_PASSWORD } from "./users";

/** Where the API's problem types live: a problem's `type` is this and a name. */
export const PROBLEMS = "https://ielts-ai-prep.example/problems/";

/** RFC 9457, as /api/v1 sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: { pointer: string; detail: string }[];
}

export type ApiResult<T> =
  | { ok: true; status: number; data: T; headers: Headers }
  | { ok: false; status: number; problem: Problem; headers: Headers };

interface SignedIn {
  token: string;
  tokenType: "Bearer";
  expiresAt: string;
  device: Device;
}

interface Me {
  id: string;
  email: string;
  role: string;
  device: Device;
  devices: Device[];
}

/** Which browser showed a scanned QR code, and when; `approvedAt` once the app approved it. */
interface QrRequest {
  kind: "web-login" | "app-sign-in";
  browser: string;
  requestedAt: string;
  expiresAt: string;
  approvedAt?: string;
}

interface AssessmentPage {
  items: AssessmentSummary[];
  nextCursor: string | null;
}

interface UploadTicket {
  key: string;
  upload: UploadTarget;
}

type ByPart<T> = Partial<Record<"1" | "2" | "3", T>>;
interface SpeakingAnswers {
  transcripts?: ByPart<string>;
  recordings?: ByPart<string>;
  scoring?: "cloud" | "offline";
}

interface Paper {
  assessmentId: string;
  title: string;
  status: string;
  deadlineAt: string | null;
  answers: Record<string, string>;
  blocks: PaperBlock[];
}

/**
 * The API as the mobile app calls it: JSON over fetch with a bearer token and no cookies, so
 * the tests exercise the HTTP contract rather than route internals.
 */
export class ApiClient {
  constructor(
    public token: string | null = null,
    readonly origin: string = baseUrl,
  ) {}

  async call<T>(
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { Accept: "application/json", ...init.headers };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    if (init.body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(new URL(path, this.origin), {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const { status, headers: got } = response;
    const type = got.get("Content-Type") ?? "";
    const text = await response.text();
    // Every reply the tests see is checked against the published contract first.
    await expectDocumented({ method, url: response.url, status, contentType: type, body: text });
    if (response.ok || status === 304) {
      return { ok: true, status, data: (text ? JSON.parse(text) : null) as T, headers: got };
    }
    if (!type.startsWith("application/problem+json")) {
      throw new Error(`${method} ${path}: ${status} ${type}, not a problem: ${text}`);
    }
    return { ok: false, status, problem: JSON.parse(text) as Problem, headers: got };
  }

  /** Signs the device in and keeps its token for the calls that follow. */
  async signIn(email: string, password: string, deviceName = "Test phone") {
    const result = await this.call<SignedIn>("POST", "/api/v1/sessions", {
      body: { email, password, deviceName },
    });
    if (result.ok) this.token = result.data.token;
    return result;
  }

  /** Signs the device in with a code scanned off a signed-in browser's devices page. */
  async signInWithQr(token: string, deviceName = "Test phone") {
    const result = await this.call<SignedIn>("POST", "/api/v1/qr/sessions", {
      body: { token, deviceName },
    });
    if (result.ok) this.token = result.data.token;
    return result;
  }

  inspectQr(token: string) {
    return this.call<QrRequest>("POST", "/api/v1/qr/inspect", { body: { token } });
  }

  /** Approves a code scanned off a browser's /login: that browser is then signed in. */
  approveQr(token: string) {
    return this.call<QrRequest>("POST", "/api/v1/qr/approve", { body: { token } });
  }

  signOut() {
    return this.call<null>("DELETE", "/api/v1/sessions/current");
  }

  me() {
    return this.call<Me>("GET", "/api/v1/me");
  }

  listAssessments(query: { limit?: number; cursor?: string } = {}, etag?: string) {
    const params = new URLSearchParams();
    if (query.limit !== undefined) params.set("limit", String(query.limit));
    if (query.cursor !== undefined) params.set("cursor", query.cursor);
    return this.call<AssessmentPage>("GET", `/api/v1/assessments?${params}`, {
      headers: etag ? { "If-None-Match": etag } : {},
    });
  }

  progress(skill?: string) {
    const query = skill === undefined ? "" : `?${new URLSearchParams({ skill })}`;
    return this.call<ProgressOverview>("GET", `/api/v1/progress${query}`);
  }

  getAssessment(id: string) {
    return this.call<AssessmentDetail>("GET", `/api/v1/assessments/${encodeURIComponent(id)}`);
  }

  startPaper(skill: "reading" | "listening", module: "academic" | "general") {
    return this.call<AssessmentDetail>("POST", "/api/v1/assessments", { body: { skill, module } });
  }

  paper(id: string) {
    return this.call<Paper>("GET", `/api/v1/assessments/${encodeURIComponent(id)}/paper`);
  }

  submitAnswers(id: string, answers: Record<string, string>) {
    return this.call<AssessmentDetail>(
      "POST",
      `/api/v1/assessments/${encodeURIComponent(id)}/paper`,
      {
        body: { answers },
      },
    );
  }

  start(
    body:
      | { skill: "writing"; module: "academic" | "general"; task: 1 | 2 }
      | { skill: "speaking"; module: "academic" | "general" }
      | { skill: "listening"; module: "academic" | "general"; adjustment?: string }
      | Record<string, unknown>,
  ) {
    return this.call<AssessmentDetail>("POST", "/api/v1/assessments", { body });
  }

  private taskPath(id: string, kind: "writing" | "speaking") {
    return `/api/v1/assessments/${encodeURIComponent(id)}/${kind}`;
  }

  writingTask(id: string) {
    return this.call<WritingTaskView>("GET", this.taskPath(id, "writing"));
  }

  saveWriting(id: string, response: string) {
    return this.call<WritingTaskView>("PUT", this.taskPath(id, "writing"), { body: { response } });
  }

  submitWriting(
    id: string,
    body: { response: string; scoring?: "cloud" | "offline"; confirmShort?: boolean },
  ) {
    return this.call<AssessmentDetail>("POST", this.taskPath(id, "writing"), { body });
  }

  speakingTask(id: string) {
    return this.call<SpeakingTaskView>("GET", this.taskPath(id, "speaking"));
  }

  saveSpeaking(id: string, body: SpeakingAnswers) {
    return this.call<SpeakingTaskView>("PUT", this.taskPath(id, "speaking"), { body });
  }

  submitSpeaking(id: string, body: SpeakingAnswers) {
    return this.call<AssessmentDetail>("POST", this.taskPath(id, "speaking"), { body });
  }

  requestUpload(id: string, body: { part: number; contentType: string; bytes: number }) {
    return this.call<UploadTicket>("POST", `${this.taskPath(id, "speaking")}/uploads`, { body });
  }

  /**
   * Sends a recording where its ticket says, as the app does: no bearer token (the URL is the
   * authority). A reply from this API itself (a local install) is checked against the document.
   */
  async upload(target: UploadTarget, bytes: Uint8Array): Promise<Response> {
    const response = await fetch(target.url, {
      method: target.method,
      headers: target.headers,
      body: new Uint8Array(bytes),
    });
    if (new URL(target.url).origin === this.origin) {
      const text = await response.clone().text();
      await expectDocumented({
        method: target.method,
        url: response.url,
        status: response.status,
        contentType: response.headers.get("Content-Type") ?? "",
        body: text,
      });
    }
    return response;
  }
}

/** The data of a reply the test expects to succeed; a problem fails the test with its detail. */
export function dataOf<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`${result.status} ${JSON.stringify(result.problem)}`);
  return result.data;
}

/** The problem of a reply the test expects to be refused; a success fails the test. */
export function problemOf<T>(result: ApiResult<T>): Problem {
  if (result.ok) throw new Error(`expected a problem, got ${result.status}`);
  return result.problem;
}

/** A new verified student and the app, signed in on a phone named after `label`. */
export async function signedInApp(label: string) {
  const user = await createStudent(label);
  const app = new ApiClient();
  dataOf(await app.signIn(user.email, TEST_PASSWORD, `${label} phone`));
  return { user, app };
}
