import { createHash } from "node:crypto";
import cron, { type ScheduledTask, type Logger as CronLogger } from "node-cron";
import type { Database } from "../prisma/database.ts";
import { abandonStaleRuns, utc, type RunSummary, type RunTrigger } from "./run-feed.ts";

/**
 * The hub's scheduler. EVERY cron registration of the hub lives in this list:
 *
 * | task           | expression                                  | what it does                                                    |
 * |----------------|---------------------------------------------|-----------------------------------------------------------------|
 * | `feed:<id>`    | the feed's `schedule` (see `feedExpression`) | claims the tick's slot; the one hub that wins runs the feed     |
 * | `feeds:refresh`| `MAINTENANCE.refresh` – every minute         | re-reads the feeds, registers new/changed ones, drops paused,   |
 * |                |                                             | deleted and push feeds (an operator's change shows within 1 min) |
 * | `runs:reap`    | `MAINTENANCE.reap` – every 5 minutes         | marks RUNNING runs whose lease expired FAILED/ABANDONED         |
 *
 * All expressions are read in Europe/Berlin: providers publish and think in local time.
 *
 * Exactly once across processes: every hub registers every feed; at a tick each one
 * tries `claimSlot`, one atomic UPDATE that advances `Feed.lastSlot` to the tick's
 * scheduled time. PostgreSQL lets exactly one of them change the row, and only that hub
 * calls runFeed. No advisory lock or job table is needed, and the same statement works
 * on PGlite (one process). The per-feed lease in runFeed separately guarantees that a
 * feed never runs twice at once: a slot won while the feed is still running (a long
 * run, a manual one) is skipped, not queued; the next slot comes soon enough.
 *
 * Refresh diffs the wanted registrations (id → expression) against the current ones
 * rather than comparing max(updatedAt): every run updates its feed row, so that
 * fingerprint would change every minute anyway, and the diff re-creates only changed tasks.
 * `stop()` waits for runs in flight; a process killed instead leaves its lease to expire
 * (HUB_INGEST_LEASE_SECONDS) and the next claimant marks its run ABANDONED.
 *
 * A bad feed never stops the scheduler: an invalid expression is logged and skipped,
 * and a run that throws is caught and logged; the other feeds keep their registrations.
 */

export const DEFAULT_FEED_SCHEDULE = "0 5 * * *"; // the column default in prisma/schema.prisma
export const MAINTENANCE = { refresh: "* * * * *", reap: "*/5 * * * *" } as const;
export const SCHEDULER_TIMEZONE = "Europe/Berlin";

/** The methods of a pino logger the scheduler uses. */
export interface SchedulerLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

export interface SchedulerDeps {
  db: Database;
  runFeed: (feedId: string, trigger: RunTrigger) => Promise<RunSummary>;
  logger: SchedulerLogger;
  /** This process's name, for logs. */
  instance: string;
  now: () => Date;
}

export interface SchedulerOptions {
  timezone?: string;
  /** Overrides of the maintenance expressions (tests use 6-field, per-second ones). */
  maintenance?: Partial<Record<keyof typeof MAINTENANCE, string>>;
}

export interface Registration {
  feedId: string;
  expression: string;
}

export type TickResult =
  | { feedId: string; slot: Date; won: false }
  | { feedId: string; slot: Date; won: true; summary?: RunSummary; error?: string };

export interface Scheduler {
  /** Registers every feed and the maintenance tasks, and starts them. */
  start(): Promise<void>;
  /** Re-reads the feeds and brings the registrations up to date. */
  refresh(): Promise<void>;
  /** Stops every task and waits for the runs in flight. */
  stop(): Promise<void>;
  registered(): Registration[];
  /** What a cron tick does: claim the slot, and run the feed if this process won it. */
  tick(feedId: string, slot: Date): Promise<TickResult>;
  /** Resolves after every tick started so far has finished (tests). */
  idle(): Promise<void>;
}

type FeedRow = {
  id: string;
  schedule: string;
};

/**
 * The expression a feed is registered with. A feed still on the column default gets a
 * stable daily time between 03:00 and 06:59 derived from its id, so a hundred new feeds
 * do not all hit their providers (and the database) at 05:00; the same feed always gets
 * the same time, in every process and after every restart.
 */
export function feedExpression(feedId: string, schedule: string): string {
  const trimmed = schedule.trim().replace(/\s+/g, " ");
  if (trimmed !== DEFAULT_FEED_SCHEDULE) return trimmed;
  const spread = createHash("sha256").update(feedId).digest().readUInt32BE(0) % (4 * 60);
  return `${spread % 60} ${3 + Math.floor(spread / 60)} * * *`;
}

/** A slot is the tick's scheduled time to the second (node-cron's finest resolution). */
export function slotOf(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/**
 * Claims one scheduled slot of one feed with one atomic statement: of any number of
 * processes calling this for the same slot, exactly one gets `true`. Paused and deleted
 * feeds are never claimed, even between two refreshes.
 */
export async function claimSlot(db: Database, feedId: string, slot: Date): Promise<boolean> {
  const rows = await db.sql<{ id: string }>(
    `update "Feed" set "lastSlot" = ${utc(2)}
     where id = $1 and state in ('ACTIVE', 'FAILING') and ("lastSlot" is null or "lastSlot" < ${utc(2)})
     returning id`,
    [feedId, slotOf(slot)],
  );
  return rows.length === 1;
}

/** Feeds the scheduler pulls: active or failing, with a URL (uploads never change), not pushed. */
async function schedulableFeeds(db: Database): Promise<FeedRow[]> {
  return db.sql<FeedRow>(
    `select id, schedule from "Feed"
     where state in ('ACTIVE', 'FAILING') and url is not null and (kind is null or kind <> 'PUSH')
     order by id`,
  );
}

export function createScheduler(deps: SchedulerDeps, options: SchedulerOptions = {}): Scheduler {
  const { db, logger } = deps;
  const timezone = options.timezone ?? SCHEDULER_TIMEZONE;
  const maintenance = { ...MAINTENANCE, ...options.maintenance };
  const feedTasks = new Map<string, { expression: string; task: ScheduledTask }>();
  const maintenanceTasks: ScheduledTask[] = [];
  const inFlight = new Set<Promise<unknown>>();
  let started = false;
  let stopped = false;
  let refreshing: Promise<void> | null = null;

  const cronLogger: CronLogger = {
    info: (message) => logger.debug({ source: "node-cron" }, message),
    warn: (message) => logger.warn({ source: "node-cron" }, message),
    error: (message, err) => logger.error({ source: "node-cron", err: err ?? message }, "node-cron error"),
    debug: (message) => logger.debug({ source: "node-cron" }, String(message)),
  };

  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
    return work;
  };

  async function tick(feedId: string, slot: Date): Promise<TickResult> {
    const at = slotOf(slot);
    let won = false;
    try {
      won = await claimSlot(db, feedId, at);
      if (!won) {
        logger.debug({ feedId, slot: at, instance: deps.instance }, "slot taken by another process");
        return { feedId, slot: at, won: false };
      }
      logger.info({ feedId, slot: at, instance: deps.instance }, "scheduled run");
      const summary = await deps.runFeed(feedId, "SCHEDULE");
      if (summary.status === "FAILED") logger.warn({ feedId, slot: at, error: summary.error }, "scheduled run failed");
      logger.info(
        { feedId, slot: at, instance: deps.instance, status: summary.status, runId: summary.runId },
        "scheduled run finished",
      );
      return { feedId, slot: at, won: true, summary };
    } catch (error) {
      // A bad feed (or a database hiccup) never stops the scheduler: the next tick comes.
      logger.error({ feedId, slot: at, err: error }, "scheduled run threw");
      const message = error instanceof Error ? error.message : String(error);
      return won ? { feedId, slot: at, won, error: message } : { feedId, slot: at, won: false };
    }
  }

  function register(feed: FeedRow): void {
    const expression = feedExpression(feed.id, feed.schedule);
    const current = feedTasks.get(feed.id);
    if (current?.expression === expression) return;
    unregister(feed.id);
    if (!cron.validate(expression)) {
      logger.warn(
        { feedId: feed.id, schedule: feed.schedule },
        `Ungültiger Zeitplan „${feed.schedule}“: der Feed wird nicht geplant.`,
      );
      return;
    }
    try {
      const task = cron.createTask(expression, (ctx) => track(tick(feed.id, ctx.date)), {
        timezone,
        name: `feed:${feed.id}`,
        noOverlap: true,
        logger: cronLogger,
      });
      feedTasks.set(feed.id, { expression, task });
      if (started) void task.start();
    } catch (error) {
      logger.warn(
        { feedId: feed.id, schedule: feed.schedule, err: error },
        `Zeitplan „${feed.schedule}“ nicht verwendbar: der Feed wird nicht geplant.`,
      );
    }
  }

  function unregister(feedId: string): void {
    const current = feedTasks.get(feedId);
    if (!current) return;
    feedTasks.delete(feedId);
    void Promise.resolve(current.task.destroy()).catch(() => undefined);
  }

  async function doRefresh(): Promise<void> {
    const feeds = await schedulableFeeds(db);
    if (stopped) return;
    const wanted = new Set(feeds.map((f) => f.id));
    for (const id of [...feedTasks.keys()]) if (!wanted.has(id)) unregister(id);
    for (const feed of feeds) register(feed);
  }

  async function refresh(): Promise<void> {
    // Overlapping refreshes (a slow database, a manual call) share one pass.
    refreshing ??= doRefresh().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function reap(): Promise<void> {
    const ids = await abandonStaleRuns(db, deps.now());
    if (ids.length) logger.warn({ runs: ids }, "stale runs marked as abandoned");
  }

  function maintenanceTask(name: string, expression: string, work: () => Promise<void>): ScheduledTask {
    return cron.createTask(
      expression,
      () =>
        track(work().catch((error: unknown) => logger.error({ task: name, err: error }, "maintenance task failed"))),
      { timezone, name, noOverlap: true, logger: cronLogger },
    );
  }

  return {
    async start() {
      if (started) return;
      await refresh();
      started = true;
      maintenanceTasks.push(
        maintenanceTask("feeds:refresh", maintenance.refresh, refresh),
        maintenanceTask("runs:reap", maintenance.reap, reap),
      );
      for (const task of [...maintenanceTasks, ...[...feedTasks.values()].map((t) => t.task)]) await task.start();
      logger.info({ instance: deps.instance, feeds: feedTasks.size, timezone }, "scheduler started");
    },
    refresh,
    async stop() {
      stopped = true;
      const tasks = [...maintenanceTasks, ...[...feedTasks.values()].map((t) => t.task)];
      maintenanceTasks.length = 0;
      feedTasks.clear();
      for (const task of tasks) await Promise.resolve(task.destroy()).catch(() => undefined);
      await Promise.allSettled([...inFlight]);
    },
    registered: () =>
      [...feedTasks.entries()]
        .map(([feedId, { expression }]) => ({ feedId, expression }))
        .sort((a, b) => a.feedId.localeCompare(b.feedId)),
    tick: (feedId, slot) => track(tick(feedId, slot)),
    idle: async () => {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}
