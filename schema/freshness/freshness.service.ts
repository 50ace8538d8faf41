import type { Database } from "../../prisma/database.ts";
import { badInput } from "../common/errors.ts";
import { analystQuery } from "../coverage/coverage.service.ts";

/**
 * Providers and the freshness of their feeds, for the coordination office.
 *
 * Definitions (also in schema/coverage/README.md):
 * - offers: the feed's ACTIVE, relevant offers that are not recognised duplicates.
 * - runs / failedRuns / errorRate: finished ingest runs started in the last `windowDays`
 *   (default 30); errorRate = failed / runs, 0 without runs.
 * - stale offer: an offer (as counted above) that was last confirmed more than
 *   `staleAfterDays` (default 14) ago, or whose dates are all past (last end, else first
 *   start, before now). Confirmed = the later of its own fetch and the feed's last
 *   successful run (a successful run withdraws what the feed no longer lists, so every
 *   active offer of that feed was confirmed by it, a 304 included).
 * - flagged: the feed has been failing (failingSince, kept by ingest since its first
 *   failed run after a success) for longer than `failingAfterHours` (default 48).
 * - A provider: sums over its feeds (deleted feeds left out); staleShare = stale / offers;
 *   lastSuccessAt, lastChangeAt = the latest of its feeds; flagged when any feed is.
 */

export interface FeedFreshness {
  feedId: string;
  url: string | null;
  kind: string | null;
  state: string;
  lastSuccessAt: Date | null;
  lastChangeAt: Date | null;
  lastErrorAt: Date | null;
  lastError: string | null;
  failingSince: Date | null;
  flagged: boolean;
  runs: number;
  failedRuns: number;
  errorRate: number;
  offers: number;
  staleOffers: number;
}
export interface ProviderFreshness {
  providerId: string;
  name: string;
  offers: number;
  modules: string[];
  staleShare: number;
  lastSuccessAt: Date | null;
  lastChangeAt: Date | null;
  flagged: boolean;
  feeds: FeedFreshness[];
}
export interface FreshnessQuery {
  failingAfterHours?: number;
  staleAfterDays?: number;
  windowDays?: number;
}

export const DEFAULT_FAILING_AFTER_HOURS = 48;
export const DEFAULT_STALE_AFTER_DAYS = 14;
export const DEFAULT_WINDOW_DAYS = 30;

function bounded(value: number | undefined, fallback: number, min: number, max: number, field: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < min || value > max)
    throw badInput(field, `Wert muss zwischen ${min} und ${max} liegen.`);
  return value;
}

const epochMs = (column: string): string => `(extract(epoch from ${column}) * 1000)::float8`;
const utc = (n: number): string => `($${n}::timestamptz at time zone 'UTC')`;
const date = (ms: unknown): Date | null => (ms === null || ms === undefined ? null : new Date(Number(ms)));
const latest = (dates: (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);

interface FeedRow extends Record<string, unknown> {
  id: string;
  providerId: string;
  url: string | null;
  kind: string | null;
  state: string;
  lastSuccessAt: number | null;
  lastChangeAt: number | null;
  lastErrorAt: number | null;
  lastError: string | null;
  failingSince: number | null;
  runs: number;
  failed: number;
  offers: number;
  stale: number;
}

export async function providerFreshness(db: Database, q: FreshnessQuery, now: Date): Promise<ProviderFreshness[]> {
  const failingAfterHours = bounded(
    q.failingAfterHours,
    DEFAULT_FAILING_AFTER_HOURS,
    1,
    24 * 365,
    "input.failingAfterHours",
  );
  const staleAfterDays = bounded(q.staleAfterDays, DEFAULT_STALE_AFTER_DAYS, 1, 3650, "input.staleAfterDays");
  const windowDays = bounded(q.windowDays, DEFAULT_WINDOW_DAYS, 1, 3650, "input.windowDays");
  const at = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const live = `o.status = 'ACTIVE' and o.relevant and o."duplicateOfId" is null`;

  const [providers, feeds, modules] = await Promise.all([
    db.sql<{ id: string; name: string }>(`select id, name from "Provider" where status <> 'REJECTED'`),
    analystQuery<FeedRow>(
      db,
      `select f.id, f."providerId", f.url, coalesce(f.kind, f."detectedKind")::text as kind, f.state::text as state,
              ${epochMs(`f."lastSuccessAt"`)} as "lastSuccessAt", ${epochMs(`f."lastChangeAt"`)} as "lastChangeAt",
              ${epochMs(`f."lastErrorAt"`)} as "lastErrorAt", f."lastError", ${epochMs(`f."failingSince"`)} as "failingSince",
              coalesce(r.runs, 0)::int as runs, coalesce(r.failed, 0)::int as failed,
              coalesce(o.offers, 0)::int as offers, coalesce(o.stale, 0)::int as stale
         from "Feed" f
         left join (
           select "feedId", count(*) as runs, count(*) filter (where status = 'FAILED') as failed
             from "IngestRun" where "startedAt" >= ${utc(1)} and status <> 'RUNNING'
            group by "feedId") r on r."feedId" = f.id
         left join (
           select o."feedId", count(*) as offers,
                  count(*) filter (where greatest(o."fetchedAt", f2."lastSuccessAt") < ${utc(2)}
                                      or coalesce(o."lastEnd", o."firstStart") < ${utc(3)}) as stale
             from "Offer" o join "Feed" f2 on f2.id = o."feedId"
            where ${live}
            group by o."feedId") o on o."feedId" = f.id
        where f.state <> 'DELETED'`,
      [at(windowDays * 86_400_000), at(staleAfterDays * 86_400_000), now.toISOString()],
    ),
    db.sql<{ providerId: string; codes: string[] }>(
      `select o."providerId", array_agg(distinct m.code order by m.code) as codes
         from "Offer" o cross join unnest(o."moduleCodes") m(code)
        where ${live}
        group by o."providerId"`,
    ),
  ]);

  const limitMs = failingAfterHours * 3_600_000;
  const byProvider = new Map<string, FeedFreshness[]>();
  for (const f of feeds) {
    const failingSince = date(f.failingSince);
    const runs = Number(f.runs);
    const failedRuns = Number(f.failed);
    const feed: FeedFreshness = {
      feedId: f.id,
      url: f.url,
      kind: f.kind,
      state: f.state,
      lastSuccessAt: date(f.lastSuccessAt),
      lastChangeAt: date(f.lastChangeAt),
      lastErrorAt: date(f.lastErrorAt),
      lastError: f.lastError,
      failingSince,
      flagged: failingSince !== null && now.getTime() - failingSince.getTime() > limitMs,
      runs,
      failedRuns,
      errorRate: runs ? failedRuns / runs : 0,
      offers: Number(f.offers),
      staleOffers: Number(f.stale),
    };
    byProvider.set(f.providerId, [...(byProvider.get(f.providerId) ?? []), feed]);
  }
  const codes = new Map(modules.map((m) => [m.providerId, m.codes]));

  return providers
    .map((p): ProviderFreshness => {
      const list = (byProvider.get(p.id) ?? []).sort(
        (a, b) => Number(b.flagged) - Number(a.flagged) || b.offers - a.offers,
      );
      const offers = list.reduce((n, f) => n + f.offers, 0);
      const stale = list.reduce((n, f) => n + f.staleOffers, 0);
      return {
        providerId: p.id,
        name: p.name,
        offers,
        modules: codes.get(p.id) ?? [],
        staleShare: offers ? stale / offers : 0,
        lastSuccessAt: latest(list.map((f) => f.lastSuccessAt)),
        lastChangeAt: latest(list.map((f) => f.lastChangeAt)),
        flagged: list.some((f) => f.flagged),
        feeds: list,
      };
    })
    .sort((a, b) => Number(b.flagged) - Number(a.flagged) || a.name.localeCompare(b.name, "de"));
}
