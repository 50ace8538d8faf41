import { randomUUID } from "node:crypto";
import type { Database } from "../prisma/database.ts";
import type { Fetcher } from "./fetch/fetcher.ts";
import { FetchError } from "./fetch/errors.ts";
import { extractFeed, UnreadableFeedError, type PreviousDraft } from "./pipeline/extract.ts";
import type { Extract } from "./pipeline/extract-pool.ts";
import { storeOffers, type StoreOutcome } from "./store/offer-store.ts";
import type { FeedKind } from "./adapters/types.ts";

/**
 * One run of one feed: claim it, fetch and process, store, record. A failure of any
 * kind is recorded on the run and the feed, and never withdraws or changes stored
 * offers; a feed already running elsewhere is skipped.
 */

export interface IngestDeps {
  db: Database;
  fetcher: Fetcher;
  now: () => Date;
  /** Identifies this process in leases and run records. */
  instance: string;
  /**
   * How long a claim holds if its process dies mid-run (HUB_INGEST_LEASE_SECONDS). A
   * live run renews it every third of this, so a long run keeps its feed however long
   * it takes, and a killed one frees it after at most this long.
   */
  leaseMs?: number;
  /**
   * Where feeds are read (detect, parse, normalise, classify): a worker pool keeps that
   * synchronous work off the caller's event loop (see createExtractPool); inline when absent.
   */
  extract?: Extract;
}

export type RunTrigger = "SCHEDULE" | "MANUAL" | "CLI" | "SEED";

export interface RunSummary {
  feedId: string;
  runId: string | null;
  status: "SUCCEEDED" | "NOT_MODIFIED" | "FAILED" | "SKIPPED";
  outcome?: StoreOutcome;
  error?: { code: string; message: string; retryable: boolean };
  warnings: string[];
}

const DEFAULT_LEASE_MS = 15 * 60_000;

/**
 * A Date parameter as the UTC wall-clock time the timestamp(3) columns hold (Prisma
 * writes UTC). Without it `pg` sends local time with an offset that a cast to a
 * timestamp without time zone drops, so a hub started with TZ=Europe/Berlin would
 * compare leases and slots an hour off, and repeat slots at the autumn clock change.
 */
export const utc = (n: number): string => `($${n}::timestamptz at time zone 'UTC')`;

export async function runFeed(deps: IngestDeps, feedId: string, trigger: RunTrigger): Promise<RunSummary> {
  const { db } = deps;
  const claimed = await claimFeed(deps, feedId, trigger);
  if (!claimed) return { feedId, runId: null, status: "SKIPPED", warnings: ["Der Feed wird gerade schon eingelesen."] };
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const renewal = setInterval(
    () => void renewLease(deps, feedId, leaseMs).catch(() => undefined),
    Math.max(250, Math.floor(leaseMs / 3)),
  );
  renewal.unref();
  const run = { id: claimed.runId };
  let released = false;
  try {
    const result = await (deps.extract ?? extractFeed)(
      {
        url: claimed.url,
        upload: claimed.upload ? { name: claimed.uploadName ?? "upload", bytes: claimed.upload } : null,
        kind: claimed.kind as FeedKind | null,
        config: claimed.config,
        etag: claimed.etag,
        lastModified: claimed.lastModified,
        previousFingerprint: claimed.contentHash,
        previousDrafts: claimed.drafts,
      },
      { fetcher: deps.fetcher, now: deps.now },
    );
    const warnings = result.warnings.map((w) => (w.sourceKey ? `${w.sourceKey}: ${w.message}` : w.message));
    const finishedAt = deps.now();
    if (result.offers === null) {
      // The most frequent run of all: finish the run, record the feed and release the
      // lease in one statement.
      await db.sql(
        `with run as (update "IngestRun" set status = 'NOT_MODIFIED', "finishedAt" = ${utc(3)} where id = $2)
         update "Feed" set "lastRunAt" = ${utc(3)}, "lastSuccessAt" = ${utc(3)}, state = 'ACTIVE',
           "failingSince" = null, "lastError" = null, "updatedAt" = ${utc(5)},
           "leaseOwner" = case when "leaseOwner" = $4 then null else "leaseOwner" end,
           "leaseUntil" = case when "leaseOwner" = $4 then null else "leaseUntil" end
         where id = $1`,
        [feedId, run.id, finishedAt, deps.instance, new Date()],
      );
      released = true;
      return { feedId, runId: run.id, status: "NOT_MODIFIED", warnings };
    }
    // Parsing and classifying are synchronous and can starve the renewal timer: make sure
    // the lease is still ours before writing, so two processes never store the same feed.
    if (!(await renewLease(deps, feedId, leaseMs))) throw new LeaseLostError();
    const outcome = await storeOffers(db, {
      feedId,
      providerId: claimed.providerId,
      offers: result.offers,
      complete: result.complete,
      deletedKeys: result.deletedKeys,
      now: finishedAt,
      unchangedKeys: result.unchangedKeys,
      detailReadKeys: result.detailReadKeys,
    });
    if (outcome.notice) warnings.push(outcome.notice);
    const { rejections, notice: _notice, ...counts } = outcome;
    await db.prisma.ingestRun.update({
      where: { id: run.id },
      data: { status: "SUCCEEDED", finishedAt, ...counts, rejections, warnings },
    });
    const changed = outcome.created + outcome.changed + outcome.withdrawn > 0;
    await db.prisma.feed.update({
      where: { id: feedId },
      data: {
        lastRunAt: finishedAt,
        lastSuccessAt: finishedAt,
        ...(changed ? { lastChangeAt: finishedAt } : {}),
        state: "ACTIVE",
        failingSince: null,
        lastError: null,
        detectedKind: result.kind,
        etag: result.fetch?.etag ?? null,
        lastModified: result.fetch?.lastModified ?? null,
        contentHash: result.fingerprint,
      },
    });
    return { feedId, runId: run.id, status: "SUCCEEDED", outcome, warnings };
  } catch (error) {
    const failure = describeFailure(error);
    const at = deps.now();
    await db.prisma.ingestRun.update({
      where: { id: run.id },
      data: { status: "FAILED", finishedAt: at, errorCode: failure.code, errorMessage: failure.message },
    });
    // The process that took the feed over records the feed's state; this run just ends.
    if (error instanceof LeaseLostError)
      return { feedId, runId: run.id, status: "FAILED", error: failure, warnings: [] };
    await db.prisma.feed.update({
      where: { id: feedId },
      data: {
        lastRunAt: at,
        lastErrorAt: at,
        lastError: failure.message,
        ...(claimed.failing ? {} : { failingSince: at }),
        ...(claimed.state === "ACTIVE" ? { state: "FAILING" } : {}),
      },
    });
    return { feedId, runId: run.id, status: "FAILED", error: failure, warnings: [] };
  } finally {
    clearInterval(renewal);
    if (!released)
      await db.sql(`update "Feed" set "leaseOwner" = null, "leaseUntil" = null where id = $1 and "leaseOwner" = $2`, [
        feedId,
        deps.instance,
      ]);
  }
}

/** The active items' draft hashes: items read as last time skip everything after parsing. */
function draftMap(rows: [string, string, string | null][] | null): Map<string, PreviousDraft> {
  // detailReadAt comes as UTC text: drivers differ in how they return a timestamp without zone.
  return new Map(
    (rows ?? []).map(([key, draftHash, readAt]) => [
      key,
      { draftHash, detailReadAt: readAt ? new Date(readAt) : null },
    ]),
  );
}

interface ClaimedFeed {
  runId: string;
  url: string | null;
  upload: Uint8Array | null;
  uploadName: string | null;
  kind: string | null;
  config: unknown;
  etag: string | null;
  lastModified: string | null;
  contentHash: string | null;
  providerId: string;
  state: string;
  failing: boolean;
  drafts: Map<string, PreviousDraft>;
}

/**
 * Takes the feed's lease in one atomic statement (works on PGlite and across servers
 * alike), and in the same statement marks this feed's runs still RUNNING under another
 * process as abandoned (we hold the lease now, so they lost theirs) and opens the run.
 */
async function claimFeed(deps: IngestDeps, feedId: string, trigger: RunTrigger): Promise<ClaimedFeed | null> {
  const now = deps.now();
  const abandonAt = deps.now();
  const startedAt = deps.now();
  const rows = await deps.db.sql<
    Omit<ClaimedFeed, "runId" | "drafts"> & { runId: string | null; drafts: [string, string, string | null][] | null }
  >(
    `with claimed as (
       update "Feed" set "leaseOwner" = $2, "leaseUntil" = ${utc(3)}
       where id = $1 and state <> 'DELETED' and ("leaseUntil" is null or "leaseUntil" < ${utc(4)})
       returning id, url, upload, "uploadName", kind::text as kind, config, etag, "lastModified", "contentHash",
         "providerId", state::text as state, ("failingSince" is not null) as failing
     ), abandoned as (
       update "IngestRun" r set status = 'FAILED', "finishedAt" = ${utc(5)}, "errorCode" = $6, "errorMessage" = $7
       from claimed where r."feedId" = claimed.id and r.status = 'RUNNING' and r.instance is distinct from $2
     ), run as (
       insert into "IngestRun" (id, "feedId", trigger, instance, "startedAt")
       select $8, id, $9::"RunTrigger", $2, ${utc(10)} from claimed returning id
     )
     select claimed.*, (select id from run) as "runId",
       -- The active items' draft hashes (see loadDrafts), in the same round trip.
       (select json_agg(json_build_array(o."sourceKey", o."draftHash",
          to_char(o."detailReadAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
        from "Offer" o where o."feedId" = claimed.id and o.status = 'ACTIVE' and o."draftHash" is not null) as drafts
     from claimed`,
    [
      feedId,
      deps.instance,
      new Date(now.getTime() + (deps.leaseMs ?? DEFAULT_LEASE_MS)),
      now,
      abandonAt,
      ABANDONED_CODE,
      ABANDONED_MESSAGE,
      randomUUID(),
      trigger,
      startedAt,
    ],
  );
  const row = rows[0];
  if (!row?.runId) return null;
  return { ...row, runId: row.runId, drafts: draftMap(row.drafts) };
}

/** Extends this process's lease; false when another process has taken the feed over. */
async function renewLease(deps: IngestDeps, feedId: string, leaseMs: number): Promise<boolean> {
  const rows = await deps.db.sql<{ id: string }>(
    `update "Feed" set "leaseUntil" = ${utc(3)} where id = $1 and "leaseOwner" = $2 returning id`,
    [feedId, deps.instance, new Date(deps.now().getTime() + leaseMs)],
  );
  return rows.length === 1;
}

/** This run's lease expired and another process claimed the feed: it must not store. */
export class LeaseLostError extends Error {
  constructor() {
    super(
      "Lauf abgebrochen: Die Sperre des Feeds war abgelaufen und ein anderer Prozess hat ihn übernommen; nichts wurde gespeichert.",
    );
  }
}

export const ABANDONED_CODE = "ABANDONED";
export const ABANDONED_MESSAGE =
  "Abgebrochen: Der Lauf wurde nicht beendet (Prozess beendet oder abgestürzt). Die gespeicherten Angebote blieben unverändert.";

/**
 * Marks runs left RUNNING by a process that died as FAILED/ABANDONED: those whose feed's
 * lease has expired, is released, or is now held by another process. The store
 * transaction of such a run was rolled back by the database, so nothing else needs
 * repair. With `feedId`, only that feed (used right after claiming it).
 */
export async function abandonStaleRuns(db: Database, now: Date, feedId?: string): Promise<string[]> {
  const rows = await db.sql<{ id: string }>(
    `update "IngestRun" r set status = 'FAILED', "finishedAt" = ${utc(1)}, "errorCode" = $2, "errorMessage" = $3
     from "Feed" f
     where r."feedId" = f.id and r.status = 'RUNNING' and ($4::text is null or f.id = $4)
       and (f."leaseUntil" is null or f."leaseUntil" < ${utc(1)} or f."leaseOwner" is distinct from r.instance)
     returning r.id`,
    [now, ABANDONED_CODE, ABANDONED_MESSAGE, feedId ?? null],
  );
  return rows.map((r) => r.id);
}

export function describeFailure(error: unknown): { code: string; message: string; retryable: boolean } {
  if (error instanceof LeaseLostError) return { code: "LEASE_LOST", message: error.message, retryable: true };
  if (error instanceof FetchError) return { code: error.code, message: error.message, retryable: error.retryable };
  if (error instanceof UnreadableFeedError) return { code: "UNREADABLE", message: error.message, retryable: false };
  // Unexpected errors (a database constraint, a bug) must not show providers SQL or stack
  // details: the run says what happened in German; the detail goes to the process log.
  process.stderr.write(
    `ingest: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return {
    code: "PROCESSING_FAILED",
    message: "Verarbeitung fehlgeschlagen: interner Fehler (im Protokoll des Hubs vermerkt); es wurde nichts geändert.",
    retryable: false,
  };
}
