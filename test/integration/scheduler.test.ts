import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/database.ts";
import { createFeed, createProvider } from "../factories/offers.ts";
import { events, icalFeed, startFeedServer, type FeedServer } from "./fixtures/feed-server.ts";

/**
 * Two hub processes on one PostgreSQL database, one feed scheduled every two seconds:
 * every slot runs exactly once, whichever process wins it.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const script = path.join(repoRoot, "test/integration/fixtures/scheduler-process.ts");
const SLOTS = 5;

if (!onPostgres()) {
  console.info(
    "test/integration/scheduler.test.ts übersprungen: DATABASE_URL ist nicht gesetzt (braucht einen PostgreSQL-Server).",
  );
}

interface LogLine {
  msg?: string;
  status?: string;
  runId?: string | null;
  slot?: string;
  feedId?: string;
  instance?: string;
}

interface HubProcess {
  child: ChildProcess;
  lines: LogLine[];
  stderr: string[];
  exited: Promise<number | null>;
}

function startHub(env: NodeJS.ProcessEnv): HubProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: LogLine[] = [];
  const stderr: string[] = [];
  let buffer = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split("\n");
    buffer = parts.pop() ?? "";
    for (const part of parts) {
      try {
        lines.push(JSON.parse(part) as LogLine);
      } catch {
        // not a log line
      }
    }
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => stderr.push(chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, lines, stderr, exited };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Zeitüberschreitung: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!onPostgres())("scheduler across two processes (PostgreSQL)", () => {
  let testDb: TestDatabase;
  let server: FeedServer;
  const hubs: HubProcess[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    server = await startFeedServer(icalFeed(events(3)));
  }, 60_000);

  afterAll(async () => {
    for (const hub of hubs) if (hub.child.exitCode === null) hub.child.kill("SIGKILL");
    await server?.close();
    await testDb?.drop();
  });

  it("runs every scheduled slot exactly once with two hubs scheduling", async () => {
    const { db, url } = testDb;
    const provider = await createProvider(db);
    const feed = await createFeed(db, provider.id, { url: server.url, kind: "ICAL", schedule: "*/2 * * * * *" });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: url,
      HUB_ALLOW_HOSTS: server.host,
      HUB_FETCH_HOST_DELAY_MS: "0",
      HUB_FETCH_RESPECT_ROBOTS: "false",
      HUB_LOG_LEVEL: "debug",
      HUB_DB_POOL_SIZE: "3",
      NODE_ENV: "test",
    };
    hubs.push(startHub(env), startHub(env));
    const started = (hub: HubProcess) => hub.lines.some((l) => l.msg === "scheduler started");
    await until(
      () => hubs.every(started),
      40_000,
      `beide Prozesse starten (${hubs.map((h) => h.stderr.join("")).join(" | ")})`,
    );

    // Count only slots after both are up, so each of them had the chance to claim it.
    const wins = () => hubs.flatMap((h) => h.lines.filter((l) => l.msg === "scheduled run" && l.feedId === feed.id));
    const baseline = wins().length;
    await until(() => wins().length >= baseline + SLOTS, 30_000, `${SLOTS} geplante Läufe`);
    for (const hub of hubs) hub.child.kill("SIGTERM");
    const codes = await Promise.all(hubs.map((h) => h.exited));
    expect(codes).toEqual([0, 0]);

    const won = wins();
    const slots = won.map((l) => l.slot);
    // Exactly once: no slot was won by two processes (or twice by one).
    expect(new Set(slots).size).toBe(slots.length);
    // Each win ran the feed, or was skipped because the previous run still held the feed
    // (one feed never runs twice at once): never a second run of a slot.
    const finished = hubs.flatMap((h) =>
      h.lines.filter((l) => l.msg === "scheduled run finished" && l.feedId === feed.id),
    );
    expect(finished.map((l) => l.slot).sort()).toEqual([...slots].sort());
    const ran = finished.filter((l) => l.status !== "SKIPPED");
    expect(ran.length).toBeGreaterThan(0);
    const runs = await db.prisma.ingestRun.findMany({ where: { feedId: feed.id } });
    expect(runs.map((r) => r.id).sort()).toEqual(ran.map((l) => l.runId).sort());
    expect(runs.every((r) => r.trigger === "SCHEDULE" && ["SUCCEEDED", "NOT_MODIFIED"].includes(r.status))).toBe(true);
    expect(server.requests()).toBe(ran.length);
    // Each run row names the process that won its slot.
    const ranBy = new Map(ran.map((l) => [l.runId, l.instance]));
    for (const r of runs) expect(r.instance).toBe(ranBy.get(r.id));
    const winnersByInstance = new Map<string, number>();
    for (const l of won) winnersByInstance.set(l.instance ?? "?", (winnersByInstance.get(l.instance ?? "?") ?? 0) + 1);

    // Both processes were alive and competing: each ticked (won or lost) slots of the feed.
    const attempts = hubs.map(
      (h) =>
        h.lines.filter(
          (l) => l.feedId === feed.id && (l.msg === "scheduled run" || l.msg === "slot taken by another process"),
        ).length,
    );
    for (const n of attempts) expect(n).toBeGreaterThanOrEqual(1);
    const lost = hubs.map(
      (h) => h.lines.filter((l) => l.feedId === feed.id && l.msg === "slot taken by another process").length,
    );
    console.info(
      `Slots: ${won.length} beansprucht, ${ran.length} gelaufen, ${won.length - ran.length} übersprungen (Feed lief noch); gewonnen je Prozess: ${[...winnersByInstance.values()].join("/")}, verloren je Prozess: ${lost.join("/")}`,
    );
  }, 60_000);
});
