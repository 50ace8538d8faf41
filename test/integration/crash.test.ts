import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/database.ts";
import { createProvider, createFeed } from "../factories/offers.ts";
import { ABANDONED_CODE, runFeed } from "../../ingest/run-feed.ts";
import { createFetcher, fetcherConfigFromEnv } from "../../ingest/fetch/fetcher.ts";
import { events, icalFeed, startFeedServer, type FeedServer } from "./fixtures/feed-server.ts";

/**
 * A run is one transaction: `hub ingest` is killed with SIGKILL while its store
 * transaction writes offers, the offers are exactly as before, and the next run (after
 * the dead process's lease expired) completes and marks the killed run ABANDONED.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BEFORE = 200;
const CHANGED = 150; // kurs-0 … kurs-149 get new titles
const REMOVED = BEFORE - CHANGED; // kurs-150 … kurs-199 disappear from the feed
// Of which TOTAL_AFTER - CHANGED are new. Large enough that the store transaction runs
// for many batches (so the kill lands inside it), small enough for a busy 2-core machine.
const TOTAL_AFTER = 1_600;

if (!onPostgres()) {
  console.info(
    "test/integration/crash.test.ts übersprungen: DATABASE_URL ist nicht gesetzt (braucht einen PostgreSQL-Server).",
  );
}

interface Cli {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function hubIngest(env: NodeJS.ProcessEnv, feedId: string): Cli {
  const child = spawn(process.execPath, ["bin/hub.mjs", "--timeout", "120", "ingest", "--feed", feedId], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.setEncoding("utf8").on("data", (c: string) => (out += c));
  child.stderr!.setEncoding("utf8").on("data", (c: string) => (out += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => out, exited };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!onPostgres())("SIGKILL during a run (PostgreSQL)", () => {
  let testDb: TestDatabase;
  let server: FeedServer;
  let watcher: pg.Client;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    server = await startFeedServer(icalFeed(events(BEFORE)));
    watcher = new pg.Client({ connectionString: testDb.url });
    await watcher.connect();
  }, 60_000);

  afterAll(async () => {
    await watcher?.end();
    await server?.close();
    await testDb?.drop();
  });

  /** Everything a reader sees of the feed's offers, in a stable order. */
  async function snapshot(feedId: string) {
    const offers = await watcher.query<{
      id: string;
      sourceKey: string;
      title: string;
      status: string;
      contentHash: string;
      updatedAt: Date;
    }>(
      `select id, "sourceKey", title, status, "contentHash", "updatedAt" from "Offer" where "feedId" = $1 order by "sourceKey"`,
      [feedId],
    );
    const sessions = await watcher.query<{ id: string; offerId: string; start: Date; end: Date | null }>(
      `select s.id, s."offerId", s.start, s."end" from "Session" s join "Offer" o on o.id = s."offerId" where o."feedId" = $1 order by s.id`,
      [feedId],
    );
    const modules = await watcher.query<{ offerId: string; moduleCode: string }>(
      `select m."offerId", m."moduleCode" from "OfferModule" m join "Offer" o on o.id = m."offerId" where o."feedId" = $1 order by 1, 2`,
      [feedId],
    );
    return { offers: offers.rows, sessions: sessions.rows, modules: modules.rows };
  }

  /** The store transaction is writing: another backend is in a transaction whose current statement writes offers. */
  async function storeWriting(): Promise<boolean> {
    const { rows } = await watcher.query<{ query: string }>(
      `select query from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null`,
    );
    // Only the store transaction writes these tables with raw SQL (Prisma quotes "public"."…").
    return rows.some((r) => /^\s*(insert into|delete from|update) "(Offer|Session|OfferModule)"/i.test(r.query));
  }

  it("leaves the previous state intact, then the next run completes", async () => {
    const { db, url } = testDb;
    const provider = await createProvider(db);
    const feed = await createFeed(db, provider.id, { url: server.url, kind: "ICAL" });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: url,
      HUB_ALLOW_HOSTS: server.host,
      HUB_FETCH_HOST_DELAY_MS: "0",
      HUB_FETCH_RESPECT_ROBOTS: "false",
      HUB_INGEST_LEASE_SECONDS: "2",
      HUB_LOG_LEVEL: "warn",
      HUB_DB_POOL_SIZE: "3",
      NODE_ENV: "test",
    };

    // State A, ingested in this process (one CLI start fewer on a busy machine).
    const fetcher = createFetcher(fetcherConfigFromEnv(env));
    const seeded = await runFeed({ db, fetcher, now: () => new Date(), instance: "test:seed" }, feed.id, "SEED");
    await fetcher.close();
    expect(seeded.status, JSON.stringify(seeded.error)).toBe("SUCCEEDED");
    const stateA = await snapshot(feed.id);
    expect(stateA.offers).toHaveLength(BEFORE);
    expect(stateA.offers.every((o) => o.status === "ACTIVE")).toBe(true);
    expect(stateA.sessions).toHaveLength(BEFORE);
    const feedA = await db.prisma.feed.findUniqueOrThrow({ where: { id: feed.id } });

    // The provider publishes a large new version: changes, removals, many new offers.
    server.setBody(
      icalFeed([
        ...events(CHANGED, { titleSuffix: " – neuer Termin" }),
        ...events(TOTAL_AFTER - CHANGED, { from: BEFORE }),
      ]),
    );
    const doomed = hubIngest(env, feed.id);
    let landed: "mid-transaction" | "finished-before-kill" = "finished-before-kill";
    let exitedEarly = false;
    void doomed.exited.then(() => (exitedEarly = true));
    while (!exitedEarly) {
      if (await storeWriting()) {
        doomed.child.kill("SIGKILL");
        landed = "mid-transaction";
        break;
      }
      await sleep(5);
    }
    const exit = await doomed.exited;
    console.info(`SIGKILL: ${landed} (Exit ${exit.code ?? exit.signal})`);

    // The dead client's backend rolls back once it notices the closed socket.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const { rows } = await watcher.query(
        `select 1 from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null`,
      );
      if (!rows.length) break;
      await sleep(50);
    }

    const killedRun = await db.prisma.ingestRun.findFirstOrThrow({
      where: { feedId: feed.id },
      orderBy: { startedAt: "desc" },
    });
    if (landed === "mid-transaction") {
      expect(exit.signal).toBe("SIGKILL");
      // Exactly state A: same rows, same titles, statuses, sessions and modules; no partial rows.
      expect(await snapshot(feed.id)).toEqual(stateA);
      const feedAfterKill = await db.prisma.feed.findUniqueOrThrow({ where: { id: feed.id } });
      expect(feedAfterKill.contentHash).toBe(feedA.contentHash);
      expect(feedAfterKill.lastSuccessAt).toEqual(feedA.lastSuccessAt);
      expect(killedRun.status).toBe("RUNNING");
      expect(feedAfterKill.leaseOwner).toBe(killedRun.instance);

      // The dead process's lease (2 s here) expires; then the next run takes the feed over.
      const leaseDeadline = Date.now() + 20_000;
      while (Date.now() < leaseDeadline) {
        const { leaseUntil } = await db.prisma.feed.findUniqueOrThrow({ where: { id: feed.id } });
        if (!leaseUntil || leaseUntil < new Date()) break;
        await sleep(100);
      }
    }

    const again = hubIngest(env, feed.id);
    const againExit = await again.exited;
    expect(againExit.code, again.output()).toBe(0);
    expect(again.output()).toMatch(/1 Feeds, 0 fehlgeschlagen/);

    // State B.
    const stateB = await snapshot(feed.id);
    const active = stateB.offers.filter((o) => o.status === "ACTIVE");
    const withdrawn = stateB.offers.filter((o) => o.status === "WITHDRAWN");
    expect(active).toHaveLength(TOTAL_AFTER);
    expect(withdrawn).toHaveLength(REMOVED);
    expect(withdrawn.every((o) => /\(Kurs (1[5-9]\d)\)$/.test(o.title))).toBe(true);
    expect(active.filter((o) => o.title.endsWith(" – neuer Termin"))).toHaveLength(CHANGED);
    // Kept offers keep their ids (upsert by source key), so links to them stay valid.
    const idsA = new Map(stateA.offers.map((o) => [o.sourceKey, o.id]));
    for (const o of stateB.offers) if (idsA.has(o.sourceKey)) expect(o.id).toBe(idsA.get(o.sourceKey));
    expect(stateB.sessions).toHaveLength(TOTAL_AFTER + REMOVED);

    const runs = await db.prisma.ingestRun.findMany({ where: { feedId: feed.id }, orderBy: { startedAt: "asc" } });
    // The run that stored state B: the rerun, or (if the kill came too late) the first attempt.
    const storing = runs.filter((r) => r.created > 0).at(-1);
    expect(storing).toMatchObject({
      status: "SUCCEEDED",
      created: TOTAL_AFTER - CHANGED,
      changed: CHANGED,
      withdrawn: REMOVED,
    });
    if (landed === "mid-transaction") {
      expect(runs).toHaveLength(3);
      expect(storing?.id).toBe(runs[2]?.id);
      expect(runs[1]).toMatchObject({ id: killedRun.id, status: "FAILED", errorCode: ABANDONED_CODE });
      expect(runs[1]?.errorMessage).toMatch(/^Abgebrochen/);
    }
    expect(await db.prisma.feed.findUniqueOrThrow({ where: { id: feed.id } })).toMatchObject({
      leaseOwner: null,
      state: "ACTIVE",
    });
  }, 180_000);
});
