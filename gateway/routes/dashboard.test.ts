import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { createFeed, createOffer, createProvider } from "../../test/factories/offers.ts";
import { startGateway, type LiveGateway } from "../../test/security/support.ts";
import { issueToken } from "../../schema/access/tokens.ts";
import { createUser } from "../auth/passwords.ts";

/** The dashboard's page, assets and decision log over real HTTP (the browser test drives the page itself). */
let t: TestDatabase;
let gw: LiveGateway;
let analyst = "";
let provider = "";
let offerId = "";

beforeAll(async () => {
  t = await createTestDatabase();
  const p = await createProvider(t.db);
  const feed = await createFeed(t.db, p.id);
  offerId = (await createOffer(t.db, feed, { title: "<b>Quartiersarbeit</b> & Beteiligung" })).id;
  analyst = (await issueToken(t.db, { role: "ANALYST", name: "Koordinierungsstelle" })).token;
  provider = (await issueToken(t.db, { role: "PROVIDER", name: "Anbieter", providerId: p.id })).token;
  await createUser(t.db, {
    email: "a@kvjs.example",
    name: "Anna <Analyse>",
    role: "ANALYST",
    password: "Lange-Passwort-2027",
  });
  gw = await startGateway(t.db);
}, 120_000);
afterAll(async () => {
  await gw?.close();
  await t?.drop();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${gw.base}${path}`, { headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("GET /dashboard", () => {
  it("shows the public a login form posting to /login, under a CSP without inline script", async () => {
    const res = await get("/dashboard");
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    const html = await res.text();
    expect(html).toContain('<form id="login-form" method="post" action="/login"');
    expect(html).toContain('<label for="login-email">E-Mail-Adresse</label>');
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]/);
    expect(html).not.toMatch(/ style=/);
  });

  it("shows analysts the dashboard with their name escaped, refuses providers", async () => {
    const login = await fetch(`${gw.base}/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "a@kvjs.example", password: "Lange-Passwort-2027" }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const res = await get("/dashboard", { cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Angemeldet: Anna &lt;Analyse&gt;");
    for (const id of ["filters", "heatmap", "gaps", "demand", "freshness", "review", "audit", "exporte"]) {
      expect(html).toContain(`id="${id}"`);
    }
    // Every form control has a label.
    for (const [, id] of html.matchAll(/<(?:input|select|textarea) id="([^"]+)"/g)) {
      expect(html, id).toContain(`<label for="${id}">`);
    }
    const forbidden = await get("/dashboard", bearer(provider));
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).toContain("Keine Berechtigung");
  });

  it("serves its module and styles with a hash-based ETag", async () => {
    const js = await get("/dashboard/dashboard.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const etag = js.headers.get("etag")!;
    expect((await get("/dashboard/dashboard.js", { "if-none-match": etag })).status).toBe(304);
    expect((await get("/dashboard/dashboard.css")).headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect((await get("/dashboard/nichts.js")).status).toBe(404);
  });
});

describe("the start page and stale sessions", () => {
  it("sends the signed-in from / to the dashboard and a dead session back to the login form", async () => {
    const start = await fetch(`${gw.base}/`, { redirect: "manual" });
    expect(start.status).toBe(200);
    expect(await start.text()).toContain('<a href="/dashboard">Dashboard der Koordinierungsstelle</a>');
    const dead = { cookie: `hub_session=${"A".repeat(43)}` };
    const root = await fetch(`${gw.base}/`, { headers: dead, redirect: "manual" });
    expect(root.status).toBe(303);
    expect(root.headers.get("location")).toBe("/dashboard");
    const page = await fetch(`${gw.base}/dashboard`, { headers: dead, redirect: "manual" });
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/dashboard");
    expect(page.headers.get("set-cookie")).toMatch(/^hub_session=;.*Max-Age=0/i);
    // Exports stay an API: a dead session is a 401 there.
    expect((await fetch(`${gw.base}/exports/offers.csv`, { headers: dead })).status).toBe(401);
  });
});

describe("GET /dashboard/decisions.json", () => {
  it("lists classification decisions for analysts only", async () => {
    expect((await get("/dashboard/decisions.json")).status).toBe(401);
    expect((await get("/dashboard/decisions.json", bearer(provider))).status).toBe(403);
    const decided = await gw.post(
      {
        query: `mutation($input: ClassificationDecisionInput!) { decideClassification(input: $input) { moduleCodes } }`,
        variables: {
          input: { offerId, addModules: ["M07"], removeModules: ["M04"], reason: "Beteiligung, nicht Analyse" },
        },
      },
      bearer(analyst),
    );
    expect(decided.status).toBe(200);
    const res = await get("/dashboard/decisions.json", bearer(analyst));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { decisions: Record<string, unknown>[] };
    expect(body.decisions).toEqual([
      {
        at: expect.any(String),
        actor: "Koordinierungsstelle",
        offerId,
        offerTitle: "<b>Quartiersarbeit</b> & Beteiligung",
        before: ["M04"],
        after: ["M07"],
        reason: "Beteiligung, nicht Analyse",
      },
    ]);
  });
});
