import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RateLimiter, createRateLimits } from "../../gateway/rate-limit.ts";
import { issueToken } from "../../schema/access/tokens.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startGateway, tableCounts, type GraphqlBody, type LiveGateway } from "./support.ts";

describe("token bucket", () => {
  it("spends the burst, then refills at the configured rate on the injected clock", () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 2, burst: 3 }, () => now);
    expect([1, 2, 3].map(() => limiter.take("a").ok)).toEqual([true, true, true]);
    expect(limiter.take("a")).toEqual({ ok: false, retryAfterSeconds: 1 });
    // Other keys have buckets of their own.
    expect(limiter.take("b").ok).toBe(true);
    now += 500;
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
    now += 60_000;
    // Refill stops at the burst size.
    expect([1, 2, 3, 4].map(() => limiter.take("a").ok)).toEqual([true, true, true, false]);
  });

  it("says how long until enough tokens are back", () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 0.1, burst: 1 }, () => now);
    expect(limiter.take("x").ok).toBe(true);
    expect(limiter.take("x")).toEqual({ ok: false, retryAfterSeconds: 10 });
    now += 4000;
    expect(limiter.peek("x")).toEqual({ ok: false, retryAfterSeconds: 6 });
  });

  it("has defaults with a higher rate for tokens than for the public", () => {
    const limits = createRateLimits(() => 0);
    let publicCount = 0;
    while (limits.public.take("ip").ok) publicCount++;
    let tokenCount = 0;
    while (limits.viewer.take("token").ok) tokenCount++;
    expect(publicCount).toBe(60);
    expect(tokenCount).toBeGreaterThan(publicCount);
  });
});

describe("rate limits over HTTP", () => {
  let t: TestDatabase;
  let gw: LiveGateway;
  beforeAll(async () => {
    t = await createTestDatabase();
    gw = await startGateway(t.db, {
      security: { ratePublic: { perSecond: 1, burst: 3 }, rateToken: { perSecond: 1, burst: 5 } },
    });
  }, 120_000);
  afterAll(async () => {
    await gw?.close();
    await t?.drop();
  });
  const query = { query: "{ taxonomy { learningAreas { code } } }" };

  it("answers 429 with Retry-After and a RATE_LIMITED error once the public burst is spent", async () => {
    for (let i = 0; i < 3; i++) expect((await gw.post(query)).status).toBe(200);
    const before = await tableCounts(t.db);
    const limited = await gw.post({
      query: 'mutation { registerProvider(input: { name: "Zu schnell", contactEmail: "a@b.de" }) { id } }',
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    const body = (await limited.json()) as GraphqlBody;
    expect(body).toMatchObject({ errors: [{ extensions: { code: "RATE_LIMITED" } }] });
    expect(body.errors?.[0]?.message).toMatch(/Zu viele Anfragen/);
    expect(await tableCounts(t.db)).toEqual(before);

    // A token holder has a bucket of its own, not the exhausted public one.
    const issued = await issueToken(t.db, { role: "ANALYST", name: "Rate" });
    const auth = { authorization: `Bearer ${issued.token}` };
    for (let i = 0; i < 5; i++) expect((await gw.post(query, auth)).status).toBe(200);
    expect((await gw.post(query, auth)).status).toBe(429);

    gw.clock.advance(1000);
    expect((await gw.post(query)).status).toBe(200);
    expect((await gw.post(query, auth)).status).toBe(200);
  });

  it("limits guessing of tokens per IP before spending scrypt on them", async () => {
    gw.clock.advance(60_000);
    const forged = { authorization: `Bearer hub_AAAAAAAAAAAA_${"B".repeat(43)}` };
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await gw.post(query, forged)).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    gw.clock.advance(60_000);
  });
});
