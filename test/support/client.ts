import { baseUrl } from "./ports";

type FormFields = Record<string, string>;

// A small stand-in for a browser without JavaScript: it keeps cookies, follows nothing on its
// own, and posts forms the way an HTML form would (same-origin headers and the page's token).
export class FormClient {
  private readonly cookies = new Map<string, string>();
  /**
   * Each client is a browser on its own address (Sandbox takes the client address from
   * X-Forwarded-For), so per-client limits apply per test as they would per student.
   */
  readonly address = `198.51.100.${Math.floor(Math.random() * 254) + 1}, 10.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}.1`;

  constructor(readonly origin: string = baseUrl) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string): Promise<Response> {
    const response = await fetch(new URL(path, this.origin), {
      headers: {
        cookie: this.cookieHeader(),
        "sec-fetch-site": "none",
        "x-forwarded-for": this.address,
      },
      redirect: "manual",
    });
    this.remember(response);
    return response;
  }

  async post(path: string, fields: FormFields, headers: Record<string, string> = {}) {
    const response = await fetch(new URL(path, this.origin), {
      method: "POST",
      headers: {
        cookie: this.cookieHeader(),
        "x-forwarded-for": this.address,
        "content-type": "application/x-www-form-urlencoded",
        origin: this.origin,
        "sec-fetch-site": "same-origin",
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
      redirect: "manual",
    });
    this.remember(response);
    return response;
  }

  // Loads the page first, as a student would, and sends its hidden fields (the CSRF token, a
  // link's token) with the typed ones, as a browser submitting the page's main form does.
  async submit(pagePath: string, fields: FormFields, actionPath: string = pagePath) {
    const page = await this.get(pagePath);
    const html = await page.text();
    const forms = [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)].map((m) => m[0]);
    const action = actionPath.split("?")[0];
    const form =
      forms.find((f) => f.includes(`action="${action}"`)) ??
      forms.find((f) => html.indexOf(f) > html.indexOf("<main")) ??
      "";
    const hidden: FormFields = {};
    for (const [, name, value] of form.matchAll(
      /<input type="hidden" name="([^"]+)" value="([^"]*)"/g,
    )) {
      hidden[name!] ??= value!.replaceAll("&amp;", "&");
    }
    if (!hidden.csrf) throw new Error(`no CSRF field on ${pagePath} (status ${page.status})`);
    return this.post(actionPath, { ...hidden, ...fields });
  }

  // Presses Start on a timed paper's introduction (a POST: a GET starts nothing) and returns
  // the paper's page, as the redirect after Start shows it.
  async start(pagePath: string): Promise<string> {
    const started = await this.submit(pagePath, { intent: "start" });
    if (started.headers.get("location") !== pagePath) {
      throw new Error(`Start on ${pagePath} did not reopen it (status ${started.status})`);
    }
    return (await this.follow(started)).text();
  }

  async follow(response: Response): Promise<Response> {
    const location = response.headers.get("location");
    if (!location) throw new Error(`no redirect (status ${response.status})`);
    return this.get(location);
  }
}

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

export function linkFrom(text: string, path: string): string {
  const match = new RegExp(`https?://[^\\s"]+${path}\\?token=[A-Za-z0-9_-]+`).exec(text);
  if (!match) throw new Error(`no ${path} link in mail`);
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
}
