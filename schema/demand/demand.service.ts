import type { Database } from "../../prisma/database.ts";
import { badInput } from "../common/errors.ts";
import { analystQuery, type CoverageLevel } from "../coverage/coverage.service.ts";
import { berlinDay } from "./demand.recorder.ts";

/**
 * Demand against supply: the recorded counters for a period, per module × district (or
 * administrative region), beside the offers there in the same period.
 *
 * - searches / emptySearches: matchOffers requests (wanting the module, from that place);
 *   emptySearches found no offer at all.
 * - uncoveredPathRequests: learningPath requests that left the module uncovered there.
 * - A row with moduleCode null counts the requests as a whole (any or no module);
 *   regionKey null: requests without a place.
 * - supply: what a visitor searching in the period could find: active, relevant, canonical
 *   offers with a session from the period's start up to 12 months after its end (searches
 *   look ahead), teaching the module in the area, plus online-only offers of the module
 *   (they serve every area); for moduleCode null, all such offers.
 */

export interface DemandRow {
  moduleCode: string | null;
  regionKey: string | null;
  searches: number;
  emptySearches: number;
  uncoveredPathRequests: number;
  supply: number;
}
export interface DemandQuery {
  from?: Date;
  to?: Date;
  level?: CoverageLevel;
}
export interface DemandReport {
  period: { from: Date; to: Date };
  level: CoverageLevel;
  rows: DemandRow[];
  topTerms: { term: string; searches: number; emptySearches: number }[];
}

const DEFAULT_DAYS = 90;
const MAX_DAYS = 3 * 366;
const TOP_TERMS = 20;
const DAY_MS = 86_400_000;

const utcText = (at: Date): string => at.toISOString();
/** Searches look ahead: supply counts offers up to a year after the period. */
const supplyEnd = (to: Date): Date => {
  const end = new Date(to);
  end.setUTCMonth(end.getUTCMonth() + 12);
  return end;
};

export async function demandReport(db: Database, q: DemandQuery, now: Date): Promise<DemandReport> {
  const level = q.level ?? "DISTRICT";
  if (level !== "DISTRICT" && level !== "REGION") throw badInput("input.level", "Ebene ist DISTRICT oder REGION.");
  const to = q.to ?? now;
  const from = q.from ?? new Date(to.getTime() - DEFAULT_DAYS * DAY_MS);
  if (Number.isNaN(from.getTime())) throw badInput("input.from", "Ungültiges Datum.");
  if (Number.isNaN(to.getTime())) throw badInput("input.to", "Ungültiges Datum.");
  if (to <= from) throw badInput("input.to", "Das Ende des Zeitraums liegt nicht nach seinem Beginn.");
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS)
    throw badInput("input.to", "Der Zeitraum darf höchstens 36 Monate umfassen.");
  const areaCol = level === "REGION" ? `"regionKey"` : `"districtKey"`;
  // Counters are per Berlin day: the days whose start lies in [from, to).
  const firstDay = berlinDay(from);
  const lastDay = berlinDay(new Date(to.getTime() - 1));

  const [demand, terms, supply] = await Promise.all([
    db.sql<{ code: string; area: string; kind: string; n: number }>(
      `select "moduleCode" as code, ${areaCol} as area, kind, sum(count)::int as n
         from "DemandCount" where day between $1::date and $2::date
        group by 1, 2, 3`,
      [firstDay, lastDay],
    ),
    db.sql<{ term: string; searches: number; empty: number }>(
      `select term, sum(count) filter (where kind = 'SEARCH')::int as searches,
              coalesce(sum(count) filter (where kind = 'EMPTY_SEARCH'), 0)::int as empty
         from "DemandCount" where day between $1::date and $2::date and term <> '' and "moduleCode" = ''
        group by term order by 2 desc nulls last, 3 desc, term limit $3`,
      [firstDay, lastDay, TOP_TERMS],
    ),
    analystQuery<{ code: string | null; area: string | null; web: boolean; n: number }>(
      db,
      `with o as (
         select o.${areaCol} as area, (o.online and not o.hybrid) as web, o."moduleCodes" as codes
           from "Offer" o
          where o.status = 'ACTIVE' and o.relevant and o."duplicateOfId" is null
            and exists (select 1 from "Session" s where s."offerId" = o.id
                          and s.start >= ($1::timestamptz at time zone 'UTC') and s.start < ($2::timestamptz at time zone 'UTC')))
       select m.code, case when web then null else area end as area, web, count(*)::int as n
         from o cross join unnest(o.codes) m(code) group by 1, 2, 3
       union all
       select null, case when web then null else area end, web, count(*)::int from o group by 2, 3`,
      [utcText(from), utcText(supplyEnd(to))],
    ),
  ]);

  const local = new Map<string, number>();
  const online = new Map<string, number>();
  for (const s of supply) {
    const code = s.code ?? "";
    if (s.web) online.set(code, (online.get(code) ?? 0) + Number(s.n));
    else if (s.area) local.set(`${code}|${s.area}`, Number(s.n));
  }
  const rows = new Map<string, DemandRow>();
  for (const d of demand) {
    const key = `${d.code}|${d.area}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        moduleCode: d.code || null,
        regionKey: d.area || null,
        searches: 0,
        emptySearches: 0,
        uncoveredPathRequests: 0,
        supply: (d.area ? (local.get(key) ?? 0) : 0) + (online.get(d.code) ?? 0),
      };
      rows.set(key, row);
    }
    if (d.kind === "SEARCH") row.searches += Number(d.n);
    else if (d.kind === "EMPTY_SEARCH") row.emptySearches += Number(d.n);
    else if (d.kind === "UNCOVERED_PATH") row.uncoveredPathRequests += Number(d.n);
  }
  // Unmet demand first: empty searches and uncovered paths, then all searches.
  const sorted = [...rows.values()].sort(
    (a, b) =>
      b.emptySearches + b.uncoveredPathRequests - (a.emptySearches + a.uncoveredPathRequests) ||
      b.searches - a.searches ||
      (a.moduleCode ?? "").localeCompare(b.moduleCode ?? "") ||
      (a.regionKey ?? "").localeCompare(b.regionKey ?? ""),
  );
  return {
    period: { from, to },
    level,
    rows: sorted,
    topTerms: terms.map((t) => ({ term: t.term, searches: Number(t.searches ?? 0), emptySearches: Number(t.empty) })),
  };
}
