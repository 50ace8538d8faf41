import type { Database } from "../../prisma/database.ts";
import { badInput } from "../common/errors.ts";
import { AUDIENCE_CODES, isModuleCode, LEARNING_FORMAT_CODES, ROLE_CODES } from "../taxonomy/codes.ts";
import { MODULES } from "../taxonomy/taxonomy.ts";

/**
 * The coordination office's coverage matrix: curriculum modules × districts (or
 * administrative regions) for a period, in three SQL statements (areas, one aggregate
 * over the offers, the history for the gaps).
 *
 * Definitions (also in README.md beside this file):
 * - An offer counts when it is ACTIVE, relevant and not a recognised duplicate.
 * - It counts for a period when at least one of its sessions (Termine) starts in
 *   [from, to). A series running across the boundary therefore counts in both periods;
 *   an offer without any dated session is in no period.
 * - Sessions per cell: the offer's Session rows starting in the period, summed.
 * - Online offers (online and not hybrid) serve every region: they are counted apart
 *   (`online`) unless `countOnlineInRegions`, which adds them to every region's cells.
 *   Hybrid offers count at their place.
 * - Gaps: module × region without any offer in the period (with online counted in when
 *   asked); `lastOfferedAt` = the latest first date before the period of any offer of any
 *   status teaching the module there (relevant, not a duplicate, same filters), else null.
 */

export type CoverageLevel = "DISTRICT" | "REGION";
export interface CoverageQuery {
  from?: Date;
  to?: Date;
  level?: CoverageLevel;
  role?: "KOORDINATION" | "STEUERUNG";
  learningFormat?: string;
  audience?: string;
  tier?: "BASIS" | "VERTIEFUNG";
  countOnlineInRegions?: boolean;
}
export interface CoverageCell {
  moduleCode: string;
  regionKey: string;
  offers: number;
  providers: number;
  sessions: number;
  previousOffers: number;
}
export interface CoverageGap {
  moduleCode: string;
  regionKey: string;
  lastOfferedAt: Date | null;
}
export interface CoverageOnlineRow {
  moduleCode: string;
  offers: number;
  providers: number;
  sessions: number;
}
export interface CoverageResult {
  period: { from: Date; to: Date };
  previousPeriod: { from: Date; to: Date };
  level: CoverageLevel;
  modules: { code: string; title: string; tier: string; learningArea: string }[];
  regions: { key: string; name: string }[];
  cells: CoverageCell[];
  online: CoverageOnlineRow[];
  gaps: CoverageGap[];
  totals: { offers: number; providers: number; sessions: number; online: number; previousOffers: number };
}
export interface CoverageOffersQuery extends CoverageQuery {
  moduleCode?: string;
  regionKey?: string;
  online?: boolean;
  previous?: boolean;
}

/** Longest period one request may span. */
export const MAX_MONTHS = 36;
const DEFAULT_MONTHS = 12;

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Columns are timestamp(3) holding UTC: instants travel as ISO text (see match.sql.ts). */
const utc = (p: Params, at: Date): string => `(${p.add(at.toISOString())}::timestamptz at time zone 'UTC')`;
const epochMs = (column: string): string => `(extract(epoch from ${column}) * 1000)::float8`;

const addMonths = (at: Date, months: number): Date => {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
};

export interface Period {
  from: Date;
  to: Date;
}

/** The period asked for (default now … now + 12 months) and the one of equal length before it. */
export function periodsOf(q: Pick<CoverageQuery, "from" | "to">, now: Date): { current: Period; previous: Period } {
  const from = q.from ?? (q.to ? addMonths(q.to, -DEFAULT_MONTHS) : now);
  const to = q.to ?? addMonths(from, DEFAULT_MONTHS);
  if (Number.isNaN(from.getTime())) throw badInput("input.from", "Ungültiges Datum.");
  if (Number.isNaN(to.getTime())) throw badInput("input.to", "Ungültiges Datum.");
  if (to <= from) throw badInput("input.to", "Das Ende des Zeitraums liegt nicht nach seinem Beginn.");
  if (to > addMonths(from, MAX_MONTHS))
    throw badInput("input.to", `Der Zeitraum darf höchstens ${MAX_MONTHS} Monate umfassen.`);
  const length = to.getTime() - from.getTime();
  return { current: { from, to }, previous: { from: new Date(from.getTime() - length), to: from } };
}

/** Modules in taxonomy order, optionally one tier. */
export function coverageModules(tier: CoverageQuery["tier"]): CoverageResult["modules"] {
  return MODULES.filter((m) => !tier || m.format === tier).map((m) => ({
    code: m.code,
    title: m.title,
    tier: m.format,
    learningArea: m.learningArea,
  }));
}

function checkQuery(q: CoverageQuery): void {
  if (q.level && q.level !== "DISTRICT" && q.level !== "REGION")
    throw badInput("input.level", "Ebene ist DISTRICT oder REGION.");
  if (q.role && !(ROLE_CODES as readonly string[]).includes(q.role))
    throw badInput("input.role", `Unbekanntes Aufgabenfeld „${q.role}“.`);
  if (q.learningFormat && !(LEARNING_FORMAT_CODES as readonly string[]).includes(q.learningFormat))
    throw badInput("input.learningFormat", `Unbekanntes Lernformat „${q.learningFormat}“.`);
  if (q.audience && !(AUDIENCE_CODES as readonly string[]).includes(q.audience))
    throw badInput("input.audience", `Unbekannte Zielgruppe „${q.audience}“.`);
  if (q.tier && q.tier !== "BASIS" && q.tier !== "VERTIEFUNG")
    throw badInput("input.tier", "Modulstufe ist BASIS oder VERTIEFUNG.");
}

/** Offer-level filters shared by every statement here (alias o). */
function offerFilters(q: CoverageQuery, p: Params, modules: readonly string[], anyStatus = false): string {
  const and = [`o.relevant`, `o."duplicateOfId" is null`];
  // Every module asked for: a cheap non-empty test instead of an overlap with all 29 codes.
  and.push(
    modules.length === MODULES.length
      ? `cardinality(o."moduleCodes") > 0`
      : `o."moduleCodes" && ${p.add(modules)}::text[]`,
  );
  if (!anyStatus) and.unshift(`o.status = 'ACTIVE'`);
  if (q.role) and.push(`o.roles @> array[${p.add(q.role)}]::text[]`);
  if (q.learningFormat) and.push(`o."learningFormat"::text = ${p.add(q.learningFormat)}`);
  // As in matching: an offer that names no audience is open to every audience.
  if (q.audience) and.push(`(coalesce(cardinality(o.audiences), 0) = 0 or ${p.add(q.audience)} = any(o.audiences))`);
  return and.join(" and ");
}

const areaColumn = (level: CoverageLevel): string => (level === "REGION" ? `o."regionKey"` : `o."districtKey"`);
const ONLINE_ONLY = `(o.online and not o.hybrid)`;

export async function coverageAreas(db: Database, level: CoverageLevel): Promise<{ key: string; name: string }[]> {
  const rows = await db.sql<{ key: string; name: string }>(
    level === "REGION" ? `select key, name from "Region"` : `select key, name from "District"`,
  );
  return rows.sort((a, b) => a.name.localeCompare(b.name, "de") || a.key.localeCompare(b.key));
}

interface AggregateRow extends Record<string, unknown> {
  kind: "cell" | "online" | "total";
  code: string | null;
  area: string | null;
  offers: number;
  providers: number;
  sessions: number;
  prev: number;
  web: number;
}

export async function computeCoverage(db: Database, query: CoverageQuery, now: Date): Promise<CoverageResult> {
  checkQuery(query);
  const level = query.level ?? "DISTRICT";
  const { current, previous } = periodsOf(query, now);
  const modules = coverageModules(query.tier);
  const codes = modules.map((m) => m.code);
  const countOnline = query.countOnlineInRegions ?? false;

  const p = new Params();
  const prevFrom = utc(p, previous.from);
  const curFrom = utc(p, current.from);
  const curTo = utc(p, current.to);
  const codeList = p.add(codes);
  const filters = offerFilters(query, p, codes);
  const area = areaColumn(level);
  const areasTable = level === "REGION" ? `"Region"` : `"District"`;
  // Cells from local offers alone, or, with online offers counted in every region, local
  // plus the module's online figures: providers = local + online − those in both, so no
  // online offer is ever multiplied by the number of areas.
  const cellsSql = countOnline
    ? `select 'cell' as kind, c.code, a.key as area,
              (coalesce(l.offers, 0) + coalesce(w.offers, 0))::int as offers,
              (coalesce(l.providers, 0) + coalesce(w.providers, 0) - coalesce(x.n, 0))::int as providers,
              (coalesce(l.sessions, 0) + coalesce(w.sessions, 0))::int as sessions,
              (coalesce(l.prev, 0) + coalesce(w.prev, 0))::int as prev, 0 as web
         from ${areasTable} a cross join unnest(${codeList}::text[]) c(code)
         left join loc l on l.code = c.code and l.cell = a.key
         left join webm w on w.code = c.code
         left join overlap x on x.code = c.code and x.cell = a.key
        where l.code is not null or w.code is not null`
    : `select 'cell' as kind, code, cell as area, offers::int, providers::int, sessions::int, prev::int, 0 as web
         from loc`;
  // Two-level aggregation: first per module × area × provider, then per module × area,
  // so both levels hash instead of sorting for count(distinct provider).
  const statement = `
    with s as (
      select "offerId",
             count(*) filter (where start >= ${curFrom})::int as cur,
             count(*) filter (where start < ${curFrom})::int as prev
        from "Session"
       where start >= ${prevFrom} and start < ${curTo}
       group by "offerId"),
    o as materialized (
      select o."providerId" as provider, ${area} as area, ${ONLINE_ONLY} as web,
             o."moduleCodes" as codes, s.cur, s.prev
        from "Offer" o join s on s."offerId" = o.id
       where ${filters} and o."firstStart" < ${curTo}),
    per as (
      select m.code, o.area as cell, o.provider, count(*) filter (where o.cur > 0) as offers,
             sum(o.cur) as sessions, count(*) filter (where o.prev > 0) as prev
        from o cross join unnest(o.codes) m(code)
       where not o.web and o.area is not null and m.code = any(${codeList}::text[])
       group by m.code, o.area, o.provider),
    webper as (
      select m.code, o.provider, count(*) filter (where o.cur > 0) as offers, sum(o.cur) as sessions,
             count(*) filter (where o.prev > 0) as prev
        from o cross join unnest(o.codes) m(code)
       where o.web and m.code = any(${codeList}::text[])
       group by m.code, o.provider),
    webm as (
      select code, sum(offers) as offers, count(*) filter (where offers > 0) as providers,
             sum(sessions) as sessions, sum(prev) as prev
        from webper group by code),
    loc as (
      select code, cell, sum(offers) as offers, count(*) filter (where offers > 0) as providers,
             sum(sessions) as sessions, sum(prev) as prev
        from per group by code, cell),
    overlap as (
      select p.code, p.cell, count(*) as n
        from per p join webper w on w.code = p.code and w.provider = p.provider
       where ${countOnline ? "p.offers > 0 and w.offers > 0" : "false"}
       group by p.code, p.cell),
    total as (
      select count(*) filter (where o.cur > 0) as offers, sum(o.cur) as sessions,
             count(*) filter (where o.prev > 0) as prev, count(*) filter (where o.cur > 0 and o.web) as web
        from o group by o.provider)
    ${cellsSql}
    union all
    select 'online', code, null, offers::int, providers::int, sessions::int, prev::int, 0 from webm
    union all
    select 'total', null, null, coalesce(sum(offers), 0)::int, count(*) filter (where offers > 0)::int,
           coalesce(sum(sessions), 0)::int, coalesce(sum(prev), 0)::int, coalesce(sum(web), 0)::int
      from total`;

  const [regions, rows, history] = await Promise.all([
    coverageAreas(db, level),
    analystQuery<AggregateRow>(db, statement, p.values, { hashAggregates: true }),
    lastOffered(db, query, level, codes, current.from),
  ]);

  const cells: CoverageCell[] = [];
  const online: CoverageOnlineRow[] = [];
  let totals: CoverageResult["totals"] = { offers: 0, providers: 0, sessions: 0, online: 0, previousOffers: 0 };
  for (const r of rows) {
    if (r.kind === "total") {
      totals = {
        offers: Number(r.offers),
        providers: Number(r.providers),
        sessions: Number(r.sessions),
        online: Number(r.web),
        previousOffers: Number(r.prev),
      };
    } else if (r.kind === "online") {
      if (Number(r.offers) > 0)
        online.push({
          moduleCode: r.code ?? "",
          offers: Number(r.offers),
          providers: Number(r.providers),
          sessions: Number(r.sessions),
        });
    } else {
      cells.push({
        moduleCode: r.code ?? "",
        regionKey: r.area ?? "",
        offers: Number(r.offers),
        providers: Number(r.providers),
        sessions: Number(r.sessions),
        previousOffers: Number(r.prev),
      });
    }
  }
  const moduleOrder = new Map(codes.map((c, i) => [c, i]));
  const regionOrder = new Map(regions.map((r, i) => [r.key, i]));
  // Offers placed in an area the place tables do not know are dropped from the matrix.
  const known = cells.filter((c) => regionOrder.has(c.regionKey));
  known.sort(
    (a, b) =>
      (moduleOrder.get(a.moduleCode) ?? 0) - (moduleOrder.get(b.moduleCode) ?? 0) ||
      (regionOrder.get(a.regionKey) ?? 0) - (regionOrder.get(b.regionKey) ?? 0),
  );
  online.sort((a, b) => (moduleOrder.get(a.moduleCode) ?? 0) - (moduleOrder.get(b.moduleCode) ?? 0));

  const covered = new Set(known.filter((c) => c.offers > 0).map((c) => `${c.moduleCode}|${c.regionKey}`));
  const gaps: CoverageGap[] = [];
  for (const m of modules)
    for (const r of regions) {
      const key = `${m.code}|${r.key}`;
      if (!covered.has(key))
        gaps.push({ moduleCode: m.code, regionKey: r.key, lastOfferedAt: history.get(key) ?? null });
    }

  return {
    period: current,
    previousPeriod: previous,
    level,
    modules,
    regions,
    cells: known.filter((c) => c.offers > 0 || c.previousOffers > 0),
    online,
    gaps,
    totals,
  };
}

/**
 * The aggregate runs in a transaction of its own with planner settings for it alone:
 * - no nested loops for joins: PGlite runs no autovacuum, so its tables may never have
 *   been analysed, and with "1 row" estimates the planner re-aggregated the sessions once
 *   per offer (33 s at 10k offers); a hash join is right at any size here (unnest still
 *   runs as a loop, it has no alternative);
 * - optionally no sorts: the matrix needs no order, and with the nested-loop penalty the
 *   planner sorted 80k rows for a group-by that a hash does in a fraction of the time;
 * - PostgreSQL: JIT off (compiling cost ~100 ms, more than running) and enough work_mem
 *   to keep the CTE and the hashes in memory.
 */
export async function analystQuery<Row extends Record<string, unknown>>(
  db: Database,
  statement: string,
  params: readonly unknown[],
  options: { hashAggregates?: boolean } = {},
): Promise<Row[]> {
  return db.transaction(async (tx) => {
    await tx.sql(`set local enable_nestloop = off`);
    if (options.hashAggregates) await tx.sql(`set local enable_sort = off`);
    if (db.kind === "postgres") {
      await tx.sql(`set local jit = off`);
      await tx.sql(`set local work_mem = '64MB'`);
    }
    return tx.sql<Row>(statement, params);
  });
}

/** module|area → the latest first date before `before` (any status), for the gap list. */
async function lastOffered(
  db: Database,
  q: CoverageQuery,
  level: CoverageLevel,
  codes: readonly string[],
  before: Date,
): Promise<Map<string, Date>> {
  const p = new Params();
  const filters = offerFilters(q, p, codes, true);
  const beforeSql = utc(p, before);
  const codeList = p.add(codes);
  const area = areaColumn(level);
  const countOnline = q.countOnlineInRegions ?? false;
  const rows = await db.sql<{ code: string; area: string | null; web: boolean; last: number }>(
    `select m.code, ${area} as area, ${ONLINE_ONLY} as web, ${epochMs(`max(o."firstStart")`)} as last
       from "Offer" o cross join unnest(o."moduleCodes") m(code)
      where ${filters} and o."firstStart" < ${beforeSql} and m.code = any(${codeList}::text[])
        and (${area} is not null or ${ONLINE_ONLY})
      group by 1, 2, 3`,
    p.values,
  );
  const result = new Map<string, Date>();
  const online = new Map<string, number>();
  for (const r of rows) {
    if (r.web) {
      online.set(r.code, Math.max(online.get(r.code) ?? 0, Number(r.last)));
      continue;
    }
    if (r.area) result.set(`${r.code}|${r.area}`, new Date(Number(r.last)));
  }
  if (!countOnline) return result;
  // With online offers counted in every region, an online offer ends a gap everywhere.
  const areas = await coverageAreas(db, level);
  for (const [code, last] of online)
    for (const a of areas) {
      const key = `${code}|${a.key}`;
      const local = result.get(key)?.getTime() ?? 0;
      if (last > local) result.set(key, new Date(last));
    }
  return result;
}

/**
 * The offers behind one number of the matrix: a cell (moduleCode + regionKey), a module
 * total (moduleCode), a region total (regionKey), the online row (online: true, with or
 * without moduleCode); `previous` for the comparison period. Same definitions, same
 * filters as computeCoverage, so `total` equals the number shown. Earliest first.
 *
 * `online` undefined: with a regionKey, online offers are in only when
 * countOnlineInRegions; without one, every offer (placed, online, without place) is in.
 */
export async function coverageOfferIds(
  db: Database,
  query: CoverageOffersQuery,
  now: Date,
  limit: number,
  skip = 0,
): Promise<{ total: number; ids: string[] }> {
  checkQuery(query);
  const level = query.level ?? "DISTRICT";
  const { current, previous } = periodsOf(query, now);
  const period = query.previous ? previous : current;
  const codes = coverageModules(query.tier).map((m) => m.code);
  if (query.moduleCode !== undefined && !isModuleCode(query.moduleCode))
    throw badInput("input.moduleCode", `Unbekanntes Modul „${query.moduleCode}“ (M01–M18, V01–V11).`);
  if (query.moduleCode && !codes.includes(query.moduleCode))
    throw badInput("input.moduleCode", `Modul ${query.moduleCode} gehört nicht zur gewählten Modulstufe.`);
  if (query.regionKey !== undefined) {
    const areas = await coverageAreas(db, level);
    if (!areas.some((a) => a.key === query.regionKey))
      throw badInput(
        "input.regionKey",
        level === "REGION"
          ? `Unbekannter Regierungsbezirk „${query.regionKey}“ (081–084).`
          : `Unbekannter Kreisschlüssel „${query.regionKey}“.`,
      );
  }
  const p = new Params();
  const and = [offerFilters(query, p, codes)];
  and.push(
    `exists (select 1 from "Session" s where s."offerId" = o.id and s.start >= ${utc(p, period.from)} and s.start < ${utc(p, period.to)})`,
  );
  if (query.moduleCode) and.push(`o."moduleCodes" @> array[${p.add(query.moduleCode)}]::text[]`);
  const area = areaColumn(level);
  if (query.online === true) and.push(ONLINE_ONLY);
  if (query.online === false) and.push(`not ${ONLINE_ONLY}`);
  if (query.regionKey !== undefined) {
    const key = p.add(query.regionKey);
    const onlineIn = query.online !== false && (query.online === true || query.countOnlineInRegions);
    and.push(onlineIn ? `(${ONLINE_ONLY} or ${area} = ${key})` : `(not ${ONLINE_ONLY} and ${area} = ${key})`);
  }
  const rows = await analystQuery<{ id: string; total: number }>(
    db,
    `select o.id, count(*) over ()::int as total
       from "Offer" o
      where ${and.join(" and ")}
      order by o."firstStart" asc nulls last, o.id
      limit ${p.add(limit)} offset ${p.add(skip)}`,
    p.values,
  );
  if (rows.length === 0) {
    // An empty page (limit 0 or past the end) still reports the total.
    const [count] = await analystQuery<{ n: number }>(
      db,
      `select count(*)::int as n from "Offer" o where ${and.join(" and ")}`,
      p.values.slice(0, -2),
    );
    return { total: Number(count?.n ?? 0), ids: [] };
  }
  return { total: Number(rows[0]?.total ?? 0), ids: rows.map((r) => r.id) };
}
