import type { Database } from "../../prisma/database.ts";
import type { IngestPort, Viewer } from "../common/context.ts";
import { recordAudit } from "../common/audit.ts";
import { badInput, hubError, notFound } from "../common/errors.ts";
import type { FeedInput, FeedType, IngestRunType, TriggerResultType } from "./feed.type.ts";
import { recomputeEffective } from "../review/effective.ts";
import { validateFeedInput, type ValidFeedSource } from "./feed.validate.ts";

/**
 * Providers manage their own feeds; analysts any. A feed of another provider is
 * answered with NOT_FOUND, exactly like a missing one, so ids leak nothing.
 */

export const TRIGGER_INTERVAL_MS = 5 * 60_000;
const RUNS_SHOWN = 10;

export type Actor = Exclude<Viewer, { role: "PUBLIC" }>;
type FeedRow = NonNullable<Awaited<ReturnType<Database["prisma"]["feed"]["findUnique"]>>>;

/** What the audit trail keeps of a feed: never the uploaded bytes. */
const snapshot = (f: FeedRow) => ({
  url: f.url,
  uploadName: f.uploadName,
  kind: f.kind,
  schedule: f.schedule,
  config: f.config,
  state: f.state,
});

/** The feed if this viewer may act on it; deleted feeds are gone for everyone. */
export async function feedFor(db: Database, viewer: Actor, id: string): Promise<FeedRow> {
  const feed = await db.prisma.feed.findUnique({ where: { id } });
  if (!feed || feed.state === "DELETED" || (viewer.role === "PROVIDER" && feed.providerId !== viewer.providerId)) {
    throw notFound("Feed", id);
  }
  return feed;
}

/** The provider a viewer acts for: its own, or (staff) the one named. */
export async function actingProvider(
  db: Database,
  viewer: Actor,
  providerId: string | null | undefined,
): Promise<string> {
  if (viewer.role === "PROVIDER") {
    if (providerId && providerId !== viewer.providerId) throw notFound("Anbieter", providerId);
    const own = await db.prisma.provider.findUnique({ where: { id: viewer.providerId } });
    if (!own || own.status !== "APPROVED") throw hubError("FORBIDDEN", "Der Anbieter ist nicht freigegeben.");
    return own.id;
  }
  if (!providerId) throw badInput("providerId", "providerId fehlt (für Analyst*innen erforderlich).");
  const provider = await db.prisma.provider.findUnique({ where: { id: providerId } });
  if (!provider) throw notFound("Anbieter", providerId);
  return provider.id;
}

function sourceData(source: ValidFeedSource) {
  return {
    ...(source.url ? { url: source.url, uploadName: null, upload: null } : {}),
    ...(source.upload ? { url: null, uploadName: source.upload.name } : {}),
    ...(source.kind ? { kind: source.kind as FeedRow["kind"] & string } : {}),
    ...(source.schedule ? { schedule: source.schedule } : {}),
    ...(source.config ? { config: source.config as object } : {}),
  };
}

/**
 * Uploaded bytes are written with SQL: pglite-prisma-adapter 0.6 refuses Bytes
 * parameters ("Invalid input for bytea type"); base64 + decode() works on both engines.
 */
async function storeUpload(db: Database, feedId: string, upload: ValidFeedSource["upload"]): Promise<void> {
  if (!upload) return;
  await db.sql(`update "Feed" set upload = decode($2, 'base64') where id = $1`, [
    feedId,
    Buffer.from(upload.bytes).toString("base64"),
  ]);
}

export async function registerFeed(
  db: Database,
  port: IngestPort,
  viewer: Actor,
  input: FeedInput,
  providerId: string | null | undefined,
) {
  const owner = await actingProvider(db, viewer, providerId);
  const source = await validateFeedInput(input, port, { required: true });
  const feed = await db.prisma.feed.create({ data: { providerId: owner, ...sourceData(source) } });
  try {
    await storeUpload(db, feed.id, source.upload);
  } catch (error) {
    await db.prisma.feed.delete({ where: { id: feed.id } });
    throw error;
  }
  await recordAudit(db, viewer, {
    action: "feed.register",
    entityType: "Feed",
    entityId: feed.id,
    after: snapshot(feed),
  });
  return feed;
}

export async function updateFeed(db: Database, port: IngestPort, viewer: Actor, id: string, input: FeedInput) {
  const before = await feedFor(db, viewer, id);
  if (before.kind === "PUSH")
    throw badInput("id", "Der Push-Feed wird über upsertOffers befüllt und hat keine Quelle.");
  const source = await validateFeedInput(input, port, {
    required: false,
    currentKind: before.kind,
    currentConfig: before.config,
  });
  // A new source must be read afresh: forget what the old one answered.
  const newSource = Boolean(source.url || source.upload || source.kind || source.config);
  const feed = await db.prisma.feed.update({
    where: { id },
    data: {
      ...sourceData(source),
      ...(source.url ? { upload: null } : {}),
      ...(newSource ? { etag: null, lastModified: null, contentHash: null } : {}),
    },
  });
  await storeUpload(db, id, source.upload);
  await recordAudit(db, viewer, {
    action: "feed.update",
    entityType: "Feed",
    entityId: id,
    before: snapshot(before),
    after: snapshot(feed),
  });
  return feed;
}

/** Pause and resume: a paused feed is skipped by the scheduler and cannot be triggered. */
export async function setPaused(db: Database, viewer: Actor, id: string, paused: boolean) {
  const before = await feedFor(db, viewer, id);
  const state = paused ? "PAUSED" : before.failingSince ? "FAILING" : "ACTIVE";
  if (paused && before.state === "PAUSED") return before;
  if (!paused && before.state !== "PAUSED") return before;
  const feed = await db.prisma.feed.update({ where: { id }, data: { state } });
  await recordAudit(db, viewer, {
    action: paused ? "feed.pause" : "feed.resume",
    entityType: "Feed",
    entityId: id,
    before: { state: before.state },
    after: { state: feed.state },
  });
  return feed;
}

/** Deleting keeps the feed and its offers as history: the offers are withdrawn, not destroyed. */
export async function deleteFeed(db: Database, viewer: Actor, id: string, now: Date) {
  const before = await feedFor(db, viewer, id);
  const withdrawn = await db.transaction(async ({ sql }) => {
    const rows = await sql<{ id: string }>(
      `update "Offer" set status = 'WITHDRAWN', "withdrawnAt" = $2, "duplicateOfId" = null, "updatedAt" = $2
       where "feedId" = $1 and status = 'ACTIVE' returning id`,
      [id, now],
    );
    const ids = rows.map((r) => r.id);
    // Copies on other feeds that pointed at a withdrawn offer are shown on their own again.
    await sql(`update "Offer" set "duplicateOfId" = null, "updatedAt" = $2 where "duplicateOfId" = any($1::text[])`, [
      ids,
      now,
    ]);
    if (ids.length) await recomputeEffective(sql, ids);
    await sql(`update "Feed" set state = 'DELETED', "updatedAt" = $2 where id = $1`, [id, now]);
    return rows.length;
  });
  const feed = await db.prisma.feed.findUniqueOrThrow({ where: { id } });
  await recordAudit(db, viewer, {
    action: "feed.delete",
    entityType: "Feed",
    entityId: id,
    before: { state: before.state },
    after: { state: feed.state, withdrawnOffers: withdrawn },
  });
  return feed;
}

export async function triggerIngest(
  db: Database,
  port: IngestPort,
  viewer: Actor,
  id: string,
  now: Date,
): Promise<TriggerResultType> {
  const feed = await feedFor(db, viewer, id);
  if (feed.kind === "PUSH") throw badInput("feedId", "Der Push-Feed hat keine Quelle zum Einlesen.");
  if (feed.state === "PAUSED") throw hubError("CONFLICT", "Der Feed ist pausiert; bitte zuerst fortsetzen.");
  const last = await db.prisma.ingestRun.findFirst({
    where: { feedId: id, trigger: "MANUAL" },
    orderBy: { startedAt: "desc" },
  });
  const waitMs = last ? last.startedAt.getTime() + TRIGGER_INTERVAL_MS - now.getTime() : 0;
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw hubError(
      "RATE_LIMITED",
      `Ein Feed kann höchstens alle 5 Minuten von Hand eingelesen werden; bitte noch ${seconds} Sekunden warten.`,
      {
        retryAfterSeconds: seconds,
      },
    );
  }
  await recordAudit(db, viewer, { action: "feed.trigger", entityType: "Feed", entityId: id });
  return summary(id, await port.runFeed(id, "MANUAL"));
}

/** The port answers `unknown` (ingest's RunSummary); read only what we show. */
function summary(feedId: string, value: unknown): TriggerResultType {
  const record = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  const error =
    typeof record.error === "object" && record.error !== null ? (record.error as Record<string, unknown>) : {};
  return {
    feedId,
    runId: typeof record.runId === "string" ? record.runId : null,
    status: typeof record.status === "string" ? record.status : "FAILED",
    errorMessage: typeof error.message === "string" ? error.message : null,
    warnings: Array.isArray(record.warnings) ? record.warnings.filter((w): w is string => typeof w === "string") : [],
  };
}

export async function listFeeds(
  db: Database,
  viewer: Actor,
  providerId: string | null | undefined,
): Promise<FeedType[]> {
  const owner = viewer.role === "PROVIDER" ? viewer.providerId : providerId;
  if (viewer.role === "PROVIDER" && providerId && providerId !== viewer.providerId)
    throw notFound("Anbieter", providerId);
  if (!owner) throw badInput("providerId", "providerId fehlt (für Analyst*innen erforderlich).");
  const feeds = await db.prisma.feed.findMany({
    where: { providerId: owner, state: { not: "DELETED" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { runs: { orderBy: { startedAt: "desc" }, take: RUNS_SHOWN } },
  });
  return feeds.map((f) => toFeedType(f, f.runs));
}

export function toFeedType(feed: FeedRow, runs: { [K in keyof IngestRunType]?: unknown }[] = []): FeedType {
  return {
    id: feed.id,
    providerId: feed.providerId,
    url: feed.url,
    uploadName: feed.uploadName,
    kind: feed.kind,
    detectedKind: feed.detectedKind,
    schedule: feed.schedule,
    config: JSON.stringify(feed.config ?? {}),
    state: feed.state,
    lastRunAt: feed.lastRunAt,
    lastSuccessAt: feed.lastSuccessAt,
    lastChangeAt: feed.lastChangeAt,
    lastErrorAt: feed.lastErrorAt,
    lastError: feed.lastError,
    createdAt: feed.createdAt,
    runs: runs.map(toRunType),
  };
}

function toRunType(run: { [K in keyof IngestRunType]?: unknown }): IngestRunType {
  const rejections = Array.isArray(run.rejections)
    ? (run.rejections as { sourceKey?: unknown; reason?: unknown }[])
    : [];
  return {
    ...(run as IngestRunType),
    warnings: Array.isArray(run.warnings) ? run.warnings.map(String) : [],
    rejections: rejections.map((r) => ({ sourceKey: String(r.sourceKey ?? ""), reason: String(r.reason ?? "") })),
  };
}
