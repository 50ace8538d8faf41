import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { issueToken, revokeToken } from "../../schema/access/tokens.ts";
import { createUser, disableUser } from "../../gateway/auth/passwords.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { codesOf, startGateway, type GraphqlBody, type LiveGateway } from "./support.ts";

/** Tokens and dashboard sessions over real HTTP: every doubtful credential is a 401. */
let t: TestDatabase;
let gw: LiveGateway;
const PASSWORD = "Quartier-Passwort-2027";
const QUEUE = { query: "{ reviewQueue { totalCount } }" };

beforeAll(async () => {
  t = await createTestDatabase();
  gw = await startGateway(t.db);
  await createUser(t.db, {
    email: "analystin@quartier.example",
    name: "Analystin",
    role: "ANALYST",
    password: PASSWORD,
  });
}, 120_000);
afterAll(async () => {
  await gw?.close();
  await t?.drop();
});
// Login buckets are per IP and all requests come from 127.0.0.1: refill between tests.
beforeEach(() => gw.clock.advance(3_600_000));

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${gw.base}/login`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email, password }),
    redirect: "manual",
  });
const cookieOf = (res: Response): string => (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

async function expect401(res: Response, message?: RegExp): Promise<void> {
  expect(res.status).toBe(401);
  const body = (await res.json()) as GraphqlBody;
  expect(codesOf(body)).toEqual(["UNAUTHENTICATED"]);
  if (message) expect(body.errors?.[0]?.message).toMatch(message);
}

describe("API tokens", () => {
  it("refuses revoked (reused), forged, malformed and expired tokens with 401", async () => {
    const issued = await issueToken(t.db, { role: "ANALYST", name: "Prüfung" });
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    expect((await gw.post(QUEUE, bearer(issued.token))).status).toBe(200);

    await revokeToken(t.db, issued.prefix);
    await expect401(await gw.post(QUEUE, bearer(issued.token)), /widerrufen/);
    await expect401(await gw.post(QUEUE, bearer(`${issued.token.slice(0, -3)}xyz`)));
    await expect401(await gw.post(QUEUE, bearer("hub_kaputt")));
    await expect401(await gw.post(QUEUE, { authorization: "Token abc" }));

    const expired = await issueToken(t.db, {
      role: "ANALYST",
      name: "Alt",
      expiresAt: new Date(gw.clock.now().getTime() - 1000),
    });
    await expect401(await gw.post(QUEUE, bearer(expired.token)), /abgelaufen/);
  });
});

describe("dashboard logins", () => {
  it("logs in with JSON and sets a HttpOnly, SameSite=Strict session cookie (no Secure over plain http)", async () => {
    const res = await login("Analystin@Quartier.example ", PASSWORD);
    expect(res.status).toBe(200);
    const header = res.headers.get("set-cookie") ?? "";
    expect(header).toMatch(/^hub_session=[A-Za-z0-9_-]{43}; /);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Strict/);
    expect(header).toMatch(/; Path=\//);
    expect(header).toMatch(/; Max-Age=28800/);
    expect(header).not.toMatch(/Secure/);
    const value = cookieOf(res).split("=")[1]!;
    // Only a hash of the session id is stored.
    const rows = await t.db.prisma.userSession.findMany();
    expect(JSON.stringify(rows)).not.toContain(value);
  });

  it("marks the cookie Secure when the public URL is https", async () => {
    const secure = await startGateway(t.db, { publicUrl: "https://hub.quartier.example" });
    try {
      const res = await fetch(`${secure.base}/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "analystin@quartier.example", password: PASSWORD }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("set-cookie")).toMatch(/; Secure/);
    } finally {
      await secure.close();
    }
  });

  it("gives the same German message for an unknown address and a wrong password", async () => {
    for (const res of [
      await login("niemand@quartier.example", PASSWORD),
      await login("analystin@quartier.example", "falsch-falsch-falsch"),
    ]) {
      expect(res.status).toBe(401);
      expect(res.headers.get("set-cookie")).toBeNull();
      const body = (await res.json()) as GraphqlBody;
      expect(body.errors?.[0]?.message).toBe("E-Mail oder Passwort falsch.");
    }
  });

  it("throttles brute force per e-mail address and per IP", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await login("analystin@quartier.example", `rate-${i}-falsch-falsch`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // The right password does not get through while the address is throttled.
    const blocked = await login("analystin@quartier.example", PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.json()).toMatchObject({ errors: [{ extensions: { code: "RATE_LIMITED" } }] });

    gw.clock.advance(3_600_000);
    // Spraying many addresses from one IP hits the per-IP bucket.
    const spray: number[] = [];
    for (let i = 0; i < 12; i++) spray.push((await login(`person${i}@quartier.example`, "irgendwas-irgendwas")).status);
    expect(spray.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(spray.slice(0, 10).every((s) => s === 401)).toBe(true);
  });

  it("refuses a cross-site login post", async () => {
    const res = await login("analystin@quartier.example", PASSWORD, { origin: "https://boese.example" });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("authenticates GraphQL by cookie, still behind CSRF prevention; Bearer wins over the cookie", async () => {
    const cookie = cookieOf(await login("analystin@quartier.example", PASSWORD));
    const ok = await gw.post(QUEUE, { cookie });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as GraphqlBody).data).toEqual({ reviewQueue: { totalCount: 0 } });

    const simple = await fetch(gw.graphql, {
      method: "POST",
      headers: { "content-type": "text/plain", cookie },
      body: JSON.stringify(QUEUE),
    });
    expect(simple.status).toBe(400);

    const provider = await t.db.prisma.provider.create({
      data: { name: "Träger", slug: "traeger-cookie", status: "APPROVED" },
    });
    const token = await issueToken(t.db, { role: "PROVIDER", name: "Träger", providerId: provider.id });
    const both = (await (
      await gw.post(QUEUE, { cookie, authorization: `Bearer ${token.token}` })
    ).json()) as GraphqlBody;
    expect(codesOf(both)).toEqual(["FORBIDDEN"]);
  });

  it("logout ends the session on the server, not only in the browser", async () => {
    const cookie = cookieOf(await login("analystin@quartier.example", PASSWORD));
    const out = await fetch(`${gw.base}/logout`, { method: "POST", headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/^hub_session=; .*Max-Age=0/);
    const after = await gw.post(QUEUE, { cookie });
    await expect401(after);
    expect(after.headers.get("set-cookie")).toMatch(/Max-Age=0/);
  });

  it("expires sessions after 8 hours and refuses forged session ids", async () => {
    const cookie = cookieOf(await login("analystin@quartier.example", PASSWORD));
    gw.clock.advance(8 * 3_600_000 - 1000);
    expect((await gw.post(QUEUE, { cookie })).status).toBe(200);
    gw.clock.advance(2000);
    await expect401(await gw.post(QUEUE, { cookie }));
    await expect401(await gw.post(QUEUE, { cookie: `hub_session=${"A".repeat(43)}` }));
    await expect401(await gw.post(QUEUE, { cookie: "hub_session=<script>" }));
  });

  it("a disabled user cannot log in and their open sessions stop working", async () => {
    await createUser(t.db, {
      email: "gesperrt@quartier.example",
      name: "Bald gesperrt",
      role: "ADMIN",
      password: PASSWORD,
    });
    const cookie = cookieOf(await login("gesperrt@quartier.example", PASSWORD));
    expect((await gw.post(QUEUE, { cookie })).status).toBe(200);
    await disableUser(t.db, "gesperrt@quartier.example");
    await expect401(await gw.post(QUEUE, { cookie }));
    const again = await login("gesperrt@quartier.example", PASSWORD);
    expect(again.status).toBe(401);
    expect(((await again.json()) as GraphqlBody).errors?.[0]?.message).toBe("E-Mail oder Passwort falsch.");
  });
});
