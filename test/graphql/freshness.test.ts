import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../schema/common/context.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { testGateway } from "../support/gateway.ts";
import { createFeed, createOffer, createProvider } from "../factories/offers.ts";
import { ProviderFreshnessDocument } from "./generated.ts";

let t: TestDatabase;
let api: Awaited<ReturnType<typeof testGateway>>;
const NOW = new Date("2026-11-22T12:00:00Z");
const ago = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
const analyst: Viewer = { role: "ANALYST", id: "token:a1", name: "Analystin" };
const provider: Viewer = { role: "PROVIDER", id: "token:p1", name: "Anbieter", providerId: "x" };
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  api = await testGateway(t.db, { now: () => NOW });
  const a = await createProvider(t.db, { name: "Akademie A" });
  const healthy = await createFeed(t.db, a.id, { lastSuccessAt: ago(1), lastChangeAt: ago(48), lastRunAt: ago(1) });
  const failing = await createFeed(t.db, a.id, {
    state: "FAILING",
    lastSuccessAt: ago(96),
    lastChangeAt: ago(200),
    lastErrorAt: ago(2),
    lastError: "HTTP 503",
    failingSince: ago(72),
  });
  ids.healthy = healthy.id;
  ids.failing = failing.id;
  const run = (feedId: string, status: "SUCCEEDED" | "FAILED" | "RUNNING", hoursAgo: number) =>
    t.db.prisma.ingestRun.create({ data: { feedId, trigger: "SCHEDULE", status, startedAt: ago(hoursAgo) } });
  for (const h of [1, 25, 49]) await run(healthy.id, "SUCCEEDED", h);
  await run(healthy.id, "FAILED", 73);
  await run(healthy.id, "FAILED", 60 * 24); // outside the 30-day window
  await run(healthy.id, "RUNNING", 0);
  const future = [{ start: new Date("2027-03-18T09:00:00Z") }];
  const fresh = await createOffer(t.db, healthy, { moduleCodes: ["M04"], sessions: future });
  await createOffer(t.db, healthy, { moduleCodes: ["M05"], sessions: [{ start: new Date("2026-10-01T09:00:00Z") }] });
  await createOffer(t.db, healthy, { moduleCodes: ["M18"], status: "WITHDRAWN", sessions: future });
  await createOffer(t.db, healthy, { moduleCodes: [], relevant: false, sessions: future });
  const confirmed = await createOffer(t.db, failing, { moduleCodes: ["M09"], sessions: future });
  await t.db.prisma.offer.update({ where: { id: fresh.id }, data: { fetchedAt: ago(24) } });
  await t.db.prisma.offer.update({ where: { id: confirmed.id }, data: { fetchedAt: ago(20 * 24) } });

  const b = await createProvider(t.db, { name: "Bildungswerk B" });
  await createFeed(t.db, b.id, {
    state: "FAILING",
    failingSince: ago(10),
    lastErrorAt: ago(1),
    lastError: "Zeitüberschreitung",
  });
  await createProvider(t.db, { name: "Abgelehnt", status: "REJECTED" });
  const d = await createProvider(t.db, { name: "Dorfakademie D" });
  await createFeed(t.db, d.id, { state: "DELETED" });
});
afterAll(async () => {
  await api.gateway.stop();
  await t.drop();
});

async function freshness(input: Record<string, unknown> = {}) {
  const { data, errors } = await api.run(ProviderFreshnessDocument, { input }, analyst);
  expect(errors).toBeUndefined();
  return data!.providerFreshness;
}

describe("providerFreshness", () => {
  it("summarises providers and feeds: offers, modules, last success and change, error rate, stale share", async () => {
    const list = await freshness();
    expect(list.map((p) => p.name)).toEqual(["Akademie A", "Bildungswerk B", "Dorfakademie D"]);
    const a = list[0]!;
    expect(a).toMatchObject({
      offers: 3,
      modules: ["M04", "M05", "M09"],
      flagged: true,
      lastSuccessAt: ago(1).toISOString(),
      lastChangeAt: ago(48).toISOString(),
    });
    expect(a.staleShare).toBeCloseTo(1 / 3);
    expect(a.feeds.map((f) => f.feedId)).toEqual([ids.failing, ids.healthy]);
    expect(a.feeds[1]).toMatchObject({
      runs: 4,
      failedRuns: 1,
      errorRate: 0.25,
      offers: 2,
      staleOffers: 1,
      flagged: false,
    });
    expect(a.feeds[0]).toMatchObject({
      state: "FAILING",
      lastError: "HTTP 503",
      failingSince: ago(72).toISOString(),
      flagged: true,
      runs: 0,
      errorRate: 0,
      offers: 1,
      staleOffers: 0,
    });
    expect(list[1]).toMatchObject({ flagged: false, offers: 0, staleShare: 0, modules: [] });
    expect(list[2]!.feeds).toEqual([]);
  });

  it("takes its thresholds from the input", async () => {
    const list = await freshness({ failingAfterHours: 6, staleAfterDays: 3 });
    expect(list.map((p) => [p.name, p.flagged])).toEqual([
      ["Akademie A", true],
      ["Bildungswerk B", true],
      ["Dorfakademie D", false],
    ]);
    // The failing feed's offer was last confirmed four days ago.
    expect(list[0]!.feeds.find((f) => f.feedId === ids.failing)?.staleOffers).toBe(1);
    expect((await freshness({ windowDays: 90 }))[0]!.feeds.find((f) => f.feedId === ids.healthy)?.runs).toBe(5);
  });

  it("refuses bad thresholds and everyone but analysts", async () => {
    const bad = await api.run(ProviderFreshnessDocument, { input: { failingAfterHours: 0 } }, analyst);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.failingAfterHours" });
    expect((await api.run(ProviderFreshnessDocument, {})).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await api.run(ProviderFreshnessDocument, {}, provider)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
