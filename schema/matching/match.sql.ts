import type { Database } from "../../prisma/database.ts";
import type { Criteria } from "./criteria.ts";

/**
 * The hot path's SQL, built from fixed fragments; every user value travels as a
 * parameter ($n), never in the text. Filters come first so PostgreSQL can use the
 * (status, relevant, firstStart) b-tree and the GIN indexes on the code arrays and
 * searchVector; ranking happens in TypeScript on a bounded candidate set.
 */

/**
 * Upper bound on the candidates ranked per request (learning paths). A match page ranks
 * fewer (MATCH_CANDIDATES): its cost grows with the rows a scan visits before the bound
 * is reached, and a near-universal word would otherwise visit every offer.
 */
export const MAX_CANDIDATES = 2000;
export const MATCH_CANDIDATES = 1000;

/**
 * The offer's coordinates, or its district's centroid when the offer has none. A scalar
 * subquery, not a join: coalesce evaluates it only for offers without coordinates, where a
 * join cost a District lookup for every row a radius scan visits.
 */
const LAT = `coalesce(o.latitude, (select dl.latitude from "District" dl where dl.key = o."districtKey"))`;
const LON = `coalesce(o.longitude, (select dl.longitude from "District" dl where dl.key = o."districtKey"))`;

export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

function distanceSql(params: Params, lat: number, lon: number): string {
  const la = params.add(lat);
  const lo = params.add(lon);
  return `(2 * 6371 * asin(least(1, sqrt(power(sin(radians(${LAT} - ${la}::float8) / 2), 2)
    + cos(radians(${la}::float8)) * cos(radians(${LAT})) * power(sin(radians(${LON} - ${lo}::float8) / 2), 2)))))`;
}

/**
 * Prisma stores DateTime as `timestamp(3)` holding UTC; a Date parameter would carry the
 * process's offset, so instants travel as ISO strings and are converted in SQL.
 */
const utc = (params: Params, at: Date): string => `(${params.add(at.toISOString())}::timestamptz at time zone 'UTC')`;
/** Milliseconds since the epoch of a UTC-holding timestamp column, independent of the driver's parsing. */
const epochMs = (column: string): string => `(extract(epoch from ${column}) * 1000)::float8`;

/**
 * The where clause for a criteria set over "Offer" o. `datePart`: "all" (dated and, unless
 * the profile needs dates, undated offers), "dated" or "undated".
 */
export function whereSql(c: Criteria, params: Params, datePart: "all" | "dated" | "undated" = "all"): string {
  if (datePart === "all" && !(c.datedOnly || c.to)) {
    // One parameter list for both branches: the branches differ only in the date condition.
    const dated = whereSql(c, params, "dated");
    const undated = whereSql(c, params, "undated");
    return `((${dated}) or (${undated}))`;
  }
  const and = [`o.status = 'ACTIVE'`, `o.relevant`, `o."duplicateOfId" is null`];
  // Never past: an offer counts from its first meeting; a running series cannot be joined.
  // Undated offers are a branch of their own (see `datePart`), so the date stays a range
  // condition of the (status, relevant, firstStart) index instead of an OR it cannot use.
  if (datePart === "undated") and.push(`o."firstStart" is null`);
  else and.push(`o."firstStart" >= ${utc(params, c.from)}`);
  if (c.to) and.push(`o."firstStart" <= ${utc(params, c.to)}`);
  if (c.roles.length) and.push(`o.roles && ${params.add(c.roles)}::text[]`);
  if (c.learningFormat) and.push(`o."learningFormat"::text = ${params.add(c.learningFormat)}`);
  if (c.modules.length || c.learningAreas.length) {
    and.push(
      `(o."moduleCodes" && ${params.add(c.modules)}::text[] or o."learningAreas" && ${params.add(c.learningAreas)}::text[])`,
    );
  }
  if (c.requireModules.length) and.push(`o."moduleCodes" && ${params.add(c.requireModules)}::text[]`);
  // An offer that teaches only what the person has completed is never proposed again.
  if (c.completed.length)
    and.push(`not (cardinality(o."moduleCodes") > 0 and o."moduleCodes" <@ ${params.add(c.completed)}::text[])`);
  if (c.audience) and.push(`(cardinality(o.audiences) = 0 or ${params.add(c.audience)} = any(o.audiences))`);
  if (!c.onlineAcceptable) and.push(`(not o.online or o.hybrid)`);
  if (c.onlineOnly) and.push(`o.online`);
  const onlinePasses = c.onlineAcceptable ? `o.online or ` : "";
  if (c.place && c.scope === "OWN_DISTRICT")
    and.push(`(${onlinePasses}o."districtKey" = ${params.add(c.place.districtKey)})`);
  if (c.place && c.scope === "OWN_REGION")
    and.push(`(${onlinePasses}o."regionKey" = ${params.add(c.place.regionKey)})`);
  if (c.place && c.radiusKm !== null && c.place.latitude !== null && c.place.longitude !== null) {
    // No bounding box before the haversine: a range on an expression got a default
    // selectivity so low that the planner read every match of a frequent word through GIN
    // instead (measured: 10 req/s at 10⁵ offers); the radius stays a filter on the scan.
    and.push(
      `(${onlinePasses}${distanceSql(params, c.place.latitude, c.place.longitude)} <= ${params.add(c.radiusKm)}::float8)`,
    );
  }
  if (c.maxPrice !== null) and.push(`(o.free or o."priceAmount" <= ${params.add(c.maxPrice)}::numeric)`);
  if (c.subsidisedOnly) and.push(`cardinality(o.funding) > 0`);
  if (c.kind) and.push(`o.kind::text = ${params.add(c.kind)}`);
  if (c.text) and.push(`o."searchVector" @@ websearch_to_tsquery('german', ${params.add(c.text)})`);
  return and.join("\n  and ");
}

export interface CandidateRow {
  id: string;
  moduleCodes: string[];
  learningAreas: string[];
  roles: string[];
  online: boolean;
  hybrid: boolean;
  free: boolean;
  price: number | null;
  funded: boolean;
  firstStart: Date | null;
  districtKey: string | null;
  regionKey: string | null;
  lat: number | null;
  lon: number | null;
  completenessScore: number;
  teachingUnits: number | null;
  textRank: number;
  total: number;
}

/**
 * Filtered candidates, earliest first, at most `limit`. Bounded by design (issue 5): no
 * `count(*) over ()` (it visits every match — 76,000 rows for "Weiterbildung" at 10⁵
 * offers), so the date-ordered b-tree scan stops after `limit` matches, and ts_rank runs in
 * the outer query on those rows only. `total` is therefore the number of candidates
 * (exact below the bound; pages beyond the bound do not exist, as only candidates are
 * ranked). For a rare word the planner takes the GIN index instead; either way the work is
 * at most `limit` matches plus the non-matching rows the scan passes.
 * Exported so the benchmark's bare reference runs the identical SQL.
 */
export function candidatesSql(
  c: Criteria,
  limit = MAX_CANDIDATES,
  plan: "dateOrder" | "bitmap" = "dateOrder",
): { text: string; values: unknown[] } {
  const params = new Params();
  const dated = whereSql(c, params, "dated");
  // A profile that needs dates gets a branch that is false at plan time, which costs nothing.
  const undated = c.datedOnly || c.to ? "false" : whereSql(c, params, "undated");
  const lim = params.add(limit);
  const rank = c.text ? `ts_rank(o."searchVector", websearch_to_tsquery('german', ${params.add(c.text)}))` : `0`;
  // The columns are read in the scan itself: the heap row is at hand there, and a join
  // back by id cost one more index lookup per candidate.
  const columns = `o.id, o."moduleCodes", o."learningAreas", o.roles, o.online, o.hybrid, o.free,
            o."priceAmount"::float8 as price, cardinality(o.funding) > 0 as funded, ${epochMs(`o."firstStart"`)} as "firstStart",
            o."districtKey", o."regionKey", ${LAT} as lat, ${LON} as lon, o."completenessScore",
            o."teachingUnits"::float8 as "teachingUnits", (${rank})::float8 as "textRank"`;
  // "bitmap": an expression the b-tree cannot deliver in order, so the planner combines the
  // GIN and date indexes (BitmapAnd) and sorts the few rows left, instead of walking the
  // whole date window in order when the word is not frequent enough to fill the bound early.
  const order = plan === "bitmap" ? `(o."firstStart" + interval '0 seconds') asc` : `o."firstStart" asc`;
  // Dated offers first (earliest first), then undated ones; the outer limit stops the
  // second branch from running at all once the first one fills the bound.
  const text = `select * from (
       (select ${columns} from "Offer" o where ${dated} order by ${order}, o.id limit ${lim})
       union all
       (select ${columns} from "Offer" o where ${undated} order by o.id limit ${lim})
     ) u limit ${lim}`;
  return { text, values: params.values };
}

/** Typed candidate rows from the statement's raw rows. */
export function candidateRows(rows: readonly Record<string, unknown>[]): CandidateRow[] {
  const total = rows.length;
  return rows.map((r) => ({
    ...(r as unknown as CandidateRow),
    firstStart: r.firstStart === null ? null : new Date(Number(r.firstStart)),
    total,
  }));
}

/** Offers containing a word, counted up to this bound; above it the date order wins. */
export const FREQUENT_WORD = 25_000;
const wordCounts = new WeakMap<Database, Map<string, Promise<number>>>();

/**
 * How many offers match a free text, capped at FREQUENT_WORD, kept per process (a plan
 * hint only: a stale count costs speed, never correctness).
 */
function wordCount(db: Database, text: string): Promise<number> {
  let counts = wordCounts.get(db);
  if (!counts) wordCounts.set(db, (counts = new Map()));
  let count = counts.get(text);
  if (count === undefined) {
    if (counts.size >= 1000) counts.delete(counts.keys().next().value as string);
    count = db
      .sql<{ n: number }>(
        `select count(*)::int as n from (select 1 from "Offer" o
           where o."searchVector" @@ websearch_to_tsquery('german', $1) limit ${FREQUENT_WORD + 1}) x`,
        [text],
      )
      .then((rows) => rows[0]?.n ?? 0);
    counts.set(text, count);
  }
  return count;
}

/**
 * The plan for a profile: a word that is not frequent gets the bitmap plan (its cost is the
 * rows matching the word and the other indexed filters); otherwise the date-ordered scan,
 * which stops after `limit` matches (frequent and near-universal words, no text).
 */
export async function candidatePlan(db: Database, c: Criteria): Promise<"dateOrder" | "bitmap"> {
  // Also without other filters: a rare word at 10⁶ offers (2,500 matches) made the planner
  // walk 400,000 rows in date order to fill the bound; the bitmap reads just the matches.
  if (!c.text) return "dateOrder";
  return (await wordCount(db, c.text)) <= FREQUENT_WORD ? "bitmap" : "dateOrder";
}

export async function candidates(db: Database, c: Criteria, limit = MAX_CANDIDATES): Promise<CandidateRow[]> {
  const { text, values } = candidatesSql(c, limit, await candidatePlan(db, c));
  return candidateRows(await db.sql<Record<string, unknown>>(text, values));
}

export interface FacetRow {
  dim: string;
  key: string;
  label: string | null;
  count: number;
}

export const PRICE_BANDS = ["kostenfrei", "bis 50 €", "50–200 €", "über 200 €", "unbekannt"] as const;

/** All facet counts in one statement: one CTE with the filter, one grouped branch per dimension. */
export async function facetRows(db: Database, c: Criteria): Promise<FacetRow[]> {
  const params = new Params();
  const where = whereSql(c, params);
  const rows = await db.sql<Record<string, unknown>>(
    `with m as (
       select o."learningAreas", o."moduleCodes", o."districtKey", o."learningFormat"::text as format,
              to_char((o."firstStart" at time zone 'UTC') at time zone 'Europe/Berlin', 'YYYY-MM') as month,
              case when o.free or o."priceAmount" = 0 then 'kostenfrei'
                   when o."priceAmount" is null then 'unbekannt'
                   when o."priceAmount" <= 50 then 'bis 50 €'
                   when o."priceAmount" <= 200 then '50–200 €'
                   else 'über 200 €' end as band
         from "Offer" o left join "District" d on d.key = o."districtKey"
        where ${where})
     select 'total' as dim, '' as key, null as label, count(*)::int as count from m
     union all select 'area', a, null, count(*)::int from m, unnest(m."learningAreas") a group by a
     union all select 'module', x, null, count(*)::int from m, unnest(m."moduleCodes") x group by x
     union all select 'district', m."districtKey", min(d.name), count(*)::int
       from m left join "District" d on d.key = m."districtKey" where m."districtKey" is not null group by m."districtKey"
     union all select 'format', format, null, count(*)::int from m where format is not null group by format
     union all select 'month', month, null, count(*)::int from m where month is not null group by month
     union all select 'price', band, null, count(*)::int from m group by band`,
    params.values,
  );
  return rows.map((r) => ({
    dim: String(r.dim),
    key: String(r.key),
    label: r.label === null ? null : String(r.label),
    count: Number(r.count),
  }));
}

export interface SessionRow {
  offerId: string;
  start: Date;
  end: Date | null;
  allDay: boolean;
}

export async function sessionsOf(db: Database, offerIds: readonly string[]): Promise<SessionRow[]> {
  if (!offerIds.length) return [];
  const rows = await db.sql<Record<string, unknown>>(
    `select "offerId", ${epochMs("start")} as start, ${epochMs(`"end"`)} as "end", "allDay" from "Session" where "offerId" = any($1::text[]) order by start`,
    [offerIds],
  );
  return rows.map((r) => ({
    offerId: String(r.offerId),
    start: new Date(Number(r.start)),
    end: r.end === null ? null : new Date(Number(r.end)),
    allDay: Boolean(r.allDay),
  }));
}
