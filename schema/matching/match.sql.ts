import type { Database } from "../../prisma/database.ts";
import type { Criteria } from "./criteria.ts";

/**
 * The hot path's SQL, built from fixed fragments; every user value travels as a
 * parameter ($n), never in the text. Filters come first so PostgreSQL can use the
 * (status, relevant, firstStart) b-tree and the GIN indexes on the code arrays and
 * searchVector; ranking happens in TypeScript on a bounded candidate set.
 */

/** Upper bound on the candidates ranked per request. */
export const MAX_CANDIDATES = 2000;

/** The offer's coordinates, or its district's centroid when the offer has none. */
const LAT = `coalesce(o.latitude, d.latitude)`;
const LON = `coalesce(o.longitude, d.longitude)`;

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

/** The where clause for a criteria set (joined with District d). */
export function whereSql(c: Criteria, params: Params): string {
  const and = [`o.status = 'ACTIVE'`, `o.relevant`, `o."duplicateOfId" is null`];
  // Never past: an offer counts from its first meeting; a running series cannot be joined.
  const from = utc(params, c.from);
  and.push(c.datedOnly || c.to ? `o."firstStart" >= ${from}` : `(o."firstStart" is null or o."firstStart" >= ${from})`);
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
 * Filtered candidates, earliest first, at most `limit`; ts_rank is computed in the outer
 * query, so only for the returned rows, however many offers contain the words.
 */
export async function candidates(db: Database, c: Criteria, limit = MAX_CANDIDATES): Promise<CandidateRow[]> {
  const params = new Params();
  const where = whereSql(c, params);
  const rank = c.text ? `ts_rank(o."searchVector", websearch_to_tsquery('german', ${params.add(c.text)}))` : `0`;
  const rows = await db.sql<Record<string, unknown>>(
    `with c as (
       select o.id, count(*) over () as total
         from "Offer" o left join "District" d on d.key = o."districtKey"
        where ${where}
        order by o."firstStart" asc nulls last, o.id
        limit ${params.add(limit)})
     select o.id, o."moduleCodes", o."learningAreas", o.roles, o.online, o.hybrid, o.free,
            o."priceAmount"::float8 as price, cardinality(o.funding) > 0 as funded, ${epochMs(`o."firstStart"`)} as "firstStart",
            o."districtKey", o."regionKey", ${LAT} as lat, ${LON} as lon, o."completenessScore",
            o."teachingUnits"::float8 as "teachingUnits", (${rank})::float8 as "textRank", c.total::int as total
       from c join "Offer" o on o.id = c.id left join "District" d on d.key = o."districtKey"`,
    params.values,
  );
  return rows.map((r) => ({
    ...(r as unknown as CandidateRow),
    firstStart: r.firstStart === null ? null : new Date(Number(r.firstStart)),
    total: Number(r.total),
  }));
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
