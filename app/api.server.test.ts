import { afterEach, describe, expect, it } from "vitest";
import { apiRoute } from "./api.server";

const url = "https://ielts.example/api/v1/thing";
const args = (request: Request) => ({ request, params: {}, context: {} });

function options(origin: string) {
  return new Request(url, {
    method: "OPTIONS",
    headers: { Origin: origin, "Access-Control-Request-Method": "POST" },
  });
}

describe("apiRoute", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("allows the origins listed in ALLOWED_ORIGINS and no others", async () => {
    process.env.ALLOWED_ORIGINS = "https://app.example, https://admin.example";
    const route = apiRoute({ GET: async () => ({ data: {} }) });
    const allowed = await route.action(args(options("https://admin.example")));
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("Access-Control-Allow-Origin")).toBe("https://admin.example");
    const site = await route.action(args(options("https://ielts.example")));
    expect(site.status).toBe(403);
    expect(site.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("defaults to the deployed site's origin from PUBLIC_BASE_URL", async () => {
    delete process.env.ALLOWED_ORIGINS;
    process.env.PUBLIC_BASE_URL = "https://deployed.example/";
    const route = apiRoute({ GET: async () => ({ data: {} }) });
    expect((await route.action(args(options("https://deployed.example")))).status).toBe(204);
    expect((await route.action(args(options("https://ielts.example")))).status).toBe(403);
  });

  it("answers an unsupported method with 405 and Allow, and a crash with a 500 problem", async () => {
    const route = apiRoute({
      GET: async () => {
        throw new Error("boom");
      },
    });
    const wrong = await route.action(args(new Request(url, { method: "DELETE" })));
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("Allow")).toBe("GET, OPTIONS");
    const crashed = await route.loader(args(new Request(url)));
    expect(crashed.status).toBe(500);
    expect(crashed.headers.get("Content-Type")).toBe("application/problem+json");
    expect(await crashed.text()).not.toContain("boom");
  });

  it("sends 304 without a body when If-None-Match carries the current ETag", async () => {
    const route = apiRoute({ GET: async () => ({ data: { items: [1, 2, 3] } }) });
    const first = await route.loader(args(new Request(url)));
    const etag = first.headers.get("ETag")!;
    const again = await route.loader(
      args(new Request(url, { headers: { "If-None-Match": etag } })),
    );
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const changed = await route.loader(
      args(new Request(url, { headers: { "If-None-Match": 'W/"other"' } })),
    );
    expect(changed.status).toBe(200);
  });
});
