import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/support/database.ts";
import { createFeed, createProvider } from "../test/factories/offers.ts";
import type { Database } from "../prisma/database.ts";
import {
  claimSlot,
  createScheduler,
  DEFAULT_FEED_SCHEDULE,
  feedExpression,
  slotOf,
  type Scheduler,
  type SchedulerDeps,
} from "./scheduler.ts";
import { abandonStaleRuns, ABANDONED_CODE, runFeed, type RunSummary } from "./run-feed.ts";
import type { Fetcher } from "./fetch/fetcher.ts";

const ICAL = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//Test//DE",
  "BEGIN:VEVENT",
  "UID:sozialraum-1@anbieter.example",
  "DTSTAMP:20261101T080000Z",
  "DTSTART:20270318T130000Z",
  "DTEND:20270318T163000Z",
  "SUMMARY:Sozialraumanalyse in der Quartiersarbeit",
  "DESCRIPTION:Methoden der Sozialraumanalyse für Quartierskoordinatorinnen.",
  "LOCATION:Bürgerhaus West\\, Bebelstraße 22\\, 70193 Stuttgart",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

let testDb: TestDatabase;
let db: Database;
let providerId: string;
const schedulers: Scheduler[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  providerId = (await createProvider(db)).id;
}, 60_000);

afterAll(async () => {
  await testDb?.drop();
});

afterEach(async () => {
  for (const s of schedulers.splice(0)) await s.stop();
  // Every test starts from feeds of its own: retire the previous test's feeds.
  await db.prisma.feed.updateMany({ data: { state: "DELETED" } });
});

function fakeLogger() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
}

function succeeded(feedId: string): RunSummary {
  return { feedId, runId: null, status: "SUCCEEDED", warnings: [] };
}

function scheduler(overrides: Partial<SchedulerDeps> = {}) {
  const logger = fakeLogger();
  const runFeedFake = vi.fn(async (feedId: string) => succeeded(feedId));
  const s = createScheduler({
    db,
    runFeed: runFeedFake,
    logger,
    instance: "test:1",
    now: () => new Date(),
    ...overrides,
  });
  schedulers.push(s);
  return { s, logger, runFeed: runFeedFake };
}

describe("feedExpression", () => {
  it("keeps an explicit schedule and spreads the default one over 03:00–06:59, stably per feed", () => {
    expect(feedExpression("x", "*/15  * * * *")).toBe("*/15 * * * *");
    const ids = Array.from({ length: 400 }, () => randomUUID());
    const expressions = ids.map((id) => feedExpression(id, DEFAULT_FEED_SCHEDULE));
    expect(ids.map((id) => feedExpression(id, DEFAULT_FEED_SCHEDULE))).toEqual(expressions);
    for (const e of expressions) {
      const [minute, hour, ...rest] = e.split(" ");
      expect(rest).toEqual(["*", "*", "*"]);
      expect(Number(minute)).toBeGreaterThanOrEqual(0);
      expect(Number(minute)).toBeLessThan(60);
      expect([3, 4, 5, 6]).toContain(Number(hour));
    }
    // 400 feeds over 240 possible minutes: well spread, every hour used.
    expect(new Set(expressions).size).toBeGreaterThan(150);
    expect(new Set(expressions.map((e) => e.split(" ")[1])).size).toBe(4);
  });
});

describe("registrations", () => {
  it("registers active and failing pulled feeds only, with the jittered default", async () => {
    const daily = await createFeed(db, providerId);
    const custom = await createFeed(db, providerId, { schedule: "*/10 * * * *", state: "FAILING" });
    await createFeed(db, providerId, { state: "PAUSED" });
    await createFeed(db, providerId, { state: "DELETED" });
    await createFeed(db, providerId, { kind: "PUSH", url: null });
    await createFeed(db, providerId, { url: null, uploadName: "angebote.csv" });
    const { s } = scheduler();
    await s.start();
    expect(s.registered()).toEqual(
      [
        { feedId: daily.id, expression: feedExpression(daily.id, DEFAULT_FEED_SCHEDULE) },
        { feedId: custom.id, expression: "*/10 * * * *" },
      ].sort((a, b) => a.feedId.localeCompare(b.feedId)),
    );
  });

  it("skips a feed with an invalid schedule, logs it and keeps the others", async () => {
    const good = await createFeed(db, providerId, { schedule: "30 6 * * 1-5" });
    const bad = await createFeed(db, providerId, { schedule: "jeden Morgen" });
    const outOfRange = await createFeed(db, providerId, { schedule: "61 * * * *" });
    const { s, logger } = scheduler();
    await s.start();
    expect(s.registered()).toEqual([{ feedId: good.id, expression: "30 6 * * 1-5" }]);
    const warned = logger.warn.mock.calls.map(([obj]) => (obj as { feedId?: string }).feedId);
    expect(warned).toEqual(expect.arrayContaining([bad.id, outOfRange.id]));
  });

  it("refresh picks up a new feed, a changed schedule, and drops a paused one", async () => {
    const first = await createFeed(db, providerId, { schedule: "0 7 * * *" });
    const second = await createFeed(db, providerId, { schedule: "0 8 * * *" });
    const { s } = scheduler();
    await s.start();
    expect(
      s
        .registered()
        .map((r) => r.feedId)
        .sort(),
    ).toEqual([first.id, second.id].sort());

    const third = await createFeed(db, providerId, { schedule: "0 9 * * *" });
    await db.prisma.feed.update({ where: { id: first.id }, data: { state: "PAUSED" } });
    await db.prisma.feed.update({ where: { id: second.id }, data: { schedule: "0 10 * * *" } });
    await s.refresh();
    expect(s.registered()).toEqual(
      [
        { feedId: second.id, expression: "0 10 * * *" },
        { feedId: third.id, expression: "0 9 * * *" },
      ].sort((a, b) => a.feedId.localeCompare(b.feedId)),
    );
  });
});

describe("ticks", () => {
  it("claims a slot exactly once, even when two schedulers tick it at the same time", async () => {
    const feed = await createFeed(db, providerId, { schedule: "0 7 * * *" });
    const a = scheduler({ instance: "a:1" });
    const b = scheduler({ instance: "b:2" });
    const slot = new Date("2026-11-23T06:00:00.000Z");
    const results = await Promise.all([a.s.tick(feed.id, slot), b.s.tick(feed.id, slot), a.s.tick(feed.id, slot)]);
    expect(results.filter((r) => r.won)).toHaveLength(1);
    expect(a.runFeed.mock.calls.length + b.runFeed.mock.calls.length).toBe(1);
    // An older slot (a late process) never runs after a newer one was claimed.
    expect(await claimSlot(db, feed.id, new Date("2026-11-22T06:00:00.000Z"))).toBe(false);
    expect(await claimSlot(db, feed.id, new Date("2026-11-24T06:00:00.000Z"))).toBe(true);
    // Stored as UTC like every Prisma timestamp, whatever the process's TZ.
    expect((await db.prisma.feed.findUniqueOrThrow({ where: { id: feed.id } })).lastSlot?.toISOString()).toBe(
      "2026-11-24T06:00:00.000Z",
    );
    expect(slotOf(new Date("2026-11-23T06:00:00.730Z")).toISOString()).toBe("2026-11-23T06:00:00.000Z");
  });

  it("does not claim a slot of a feed paused since the last refresh", async () => {
    const feed = await createFeed(db, providerId, { schedule: "0 7 * * *", state: "PAUSED" });
    const { s, runFeed: fake } = scheduler();
    expect((await s.tick(feed.id, new Date("2026-11-23T06:00:00Z"))).won).toBe(false);
    expect(fake).not.toHaveBeenCalled();
  });

  it("keeps ticking after a run throws (real per-second cron)", async () => {
    const feed = await createFeed(db, providerId, { schedule: "* * * * * *" });
    const throwing = vi.fn(async (): Promise<RunSummary> => {
      throw new Error("Adapter kaputt");
    });
    const { s, logger } = scheduler({ runFeed: throwing });
    await s.start();
    expect(s.registered()).toEqual([{ feedId: feed.id, expression: "* * * * * *" }]);
    await vi.waitFor(() => expect(throwing.mock.calls.length).toBeGreaterThanOrEqual(3), {
      timeout: 10_000,
      interval: 100,
    });
    expect(logger.error).toHaveBeenCalled();
    const direct = await s.tick(feed.id, new Date(Date.now() + 3_600_000));
    expect(direct).toMatchObject({ won: true, error: "Adapter kaputt" });
  }, 20_000);

  it("runs the maintenance tasks on their own schedule", async () => {
    const feed = await createFeed(db, providerId, { schedule: "0 7 * * *" });
    // The maintenance tasks fire every second here; a new feed appears without refresh().
    const fast = createScheduler(
      { db, runFeed: async (id) => succeeded(id), logger: fakeLogger(), instance: "m:1", now: () => new Date() },
      { maintenance: { refresh: "* * * * * *", reap: "* * * * * *" } },
    );
    schedulers.push(fast);
    await fast.start();
    const later = await createFeed(db, providerId, { schedule: "0 9 * * *" });
    await vi.waitFor(() => expect(fast.registered().map((r) => r.feedId)).toContain(later.id), {
      timeout: 10_000,
      interval: 100,
    });
    expect(fast.registered().map((r) => r.feedId)).toContain(feed.id);
  }, 20_000);
});

describe("abandoned runs", () => {
  it("marks RUNNING runs whose lease expired or moved on, and leaves a live one", async () => {
    const now = new Date("2026-11-23T06:00:00Z");
    const dead = await createFeed(db, providerId, {
      leaseOwner: "host:111",
      leaseUntil: new Date(now.getTime() - 1_000),
    });
    const live = await createFeed(db, providerId, {
      leaseOwner: "host:222",
      leaseUntil: new Date(now.getTime() + 60_000),
    });
    const deadRun = await db.prisma.ingestRun.create({
      data: { feedId: dead.id, trigger: "SCHEDULE", instance: "host:111" },
    });
    const liveRun = await db.prisma.ingestRun.create({
      data: { feedId: live.id, trigger: "SCHEDULE", instance: "host:222" },
    });
    expect(await abandonStaleRuns(db, now)).toEqual([deadRun.id]);
    const after = await db.prisma.ingestRun.findMany({ where: { id: { in: [deadRun.id, liveRun.id] } } });
    const byId = new Map(after.map((r) => [r.id, r]));
    expect(byId.get(deadRun.id)).toMatchObject({ status: "FAILED", errorCode: ABANDONED_CODE });
    expect(byId.get(deadRun.id)?.errorMessage).toMatch(/^Abgebrochen/);
    expect(byId.get(liveRun.id)?.status).toBe("RUNNING");
  });

  it("runFeed takes over an expired lease and marks the dead holder's run", async () => {
    const feed = await createFeed(db, providerId, {
      url: null,
      kind: "ICAL",
      uploadName: "termine.ics",
      leaseOwner: "host:333",
      leaseUntil: new Date(Date.now() - 1_000),
    });
    // Raw SQL: Prisma's Bytes through the PGlite adapter is not what this test is about.
    await db.sql(`update "Feed" set upload = $2 where id = $1`, [feed.id, new TextEncoder().encode(ICAL)]);
    const stale = await db.prisma.ingestRun.create({ data: { feedId: feed.id, trigger: "CLI", instance: "host:333" } });
    const noNetwork = {} as Fetcher; // an upload never fetches
    const result = await runFeed(
      { db, fetcher: noNetwork, now: () => new Date(), instance: "host:444", leaseMs: 5_000 },
      feed.id,
      "MANUAL",
    );
    expect(result.error).toBeUndefined();
    expect(result.status).toBe("SUCCEEDED");
    expect(await db.prisma.ingestRun.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({
      status: "FAILED",
      errorCode: ABANDONED_CODE,
    });
    expect(await db.prisma.feed.findUniqueOrThrow({ where: { id: feed.id } })).toMatchObject({
      leaseOwner: null,
      leaseUntil: null,
    });
  });

  it("does not store when another process took the feed over during a long extraction", async () => {
    const feed = await createFeed(db, providerId, { url: "https://anbieter.example/termine.ics", kind: "ICAL" });
    const bytes = new TextEncoder().encode(ICAL);
    // The fetch "takes" longer than the lease: meanwhile another hub claims the feed.
    const slowFetcher: Fetcher = {
      fetch: async (url) => {
        await db.sql(`update "Feed" set "leaseOwner" = 'other:9', "leaseUntil" = $2 where id = $1`, [
          feed.id,
          new Date(Date.now() + 60_000),
        ]);
        return {
          status: 200,
          httpStatus: 200,
          notModified: false,
          url,
          bytes,
          text: ICAL,
          charset: "utf-8",
          contentHash: "x",
          fetchedAt: new Date(),
          warnings: [],
        };
      },
      close: async () => undefined,
    };
    const result = await runFeed(
      { db, fetcher: slowFetcher, now: () => new Date(), instance: "host:555", leaseMs: 5_000 },
      feed.id,
      "SCHEDULE",
    );
    expect(result).toMatchObject({ status: "FAILED", error: { code: "LEASE_LOST" } });
    expect(await db.prisma.offer.count({ where: { feedId: feed.id } })).toBe(0);
    // The new holder keeps its lease; the feed's state is left to it.
    expect(await db.prisma.feed.findUniqueOrThrow({ where: { id: feed.id } })).toMatchObject({
      leaseOwner: "other:9",
      state: "ACTIVE",
    });
  });
});
