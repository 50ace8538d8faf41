import type { Database } from "../../prisma/database.ts";
import { badInput } from "../common/errors.ts";
import { OFFER_INCLUDE, type OfferRow } from "../offer/offer.service.ts";
import { moduleByCode, roleByCode } from "../taxonomy/taxonomy.ts";
import { checkRadius, criteriaOf, moduleCodes, remainingBasis, roleCodes, type Criteria } from "./criteria.ts";
import { alternativePaths, offerCost, planPath, type PathCandidate, type PathChoice } from "./learning-path.ts";
import type { LearningPathInput, MatchProfile } from "./matching.input.ts";
import { candidates, facetRows, MATCH_CANDIDATES, sessionsOf, type CandidateRow } from "./match.sql.ts";
import { offerDistanceKm, rank, type Scored } from "./score.ts";
import { resolvePlace } from "./places.ts";

export interface MatchPage {
  items: (Scored & { offer: OfferRow })[];
  totalCount: number;
}

/** Loads full offer rows (for the Offer type's field resolvers) in the given order. */
export async function loadOffers(db: Database, ids: readonly string[]): Promise<OfferRow[]> {
  if (!ids.length) return [];
  const rows = await db.prisma.offer.findMany({ where: { id: { in: [...ids] } }, include: OFFER_INCLUDE });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is OfferRow => r !== undefined);
}

const OFFER_DATES = ["withdrawnAt", "firstStart", "lastEnd", "reviewedAt", "fetchedAt", "createdAt", "updatedAt"];
const PROVIDER_DATES = ["decidedAt", "createdAt", "updatedAt"];

/** A timestamp(3) column holds UTC without a zone; JSON gives it as "2026-11-22T06:00:00.000". */
function datesIn(record: Record<string, unknown>, fields: readonly string[]): void {
  for (const f of fields) if (typeof record[f] === "string") record[f] = new Date(`${record[f] as string}Z`);
}

/**
 * The same rows as loadOffers (OFFER_INCLUDE's shape: sessions, effective module rows,
 * district with region, provider) in ONE statement of its own: on the hot path Prisma's
 * include costs five queries and a compile step each (15–40 ms for a page of 20, measured).
 * Decimals arrive as numbers; the Offer field resolvers convert with Number() either way.
 */
export const OFFER_ROWS_SQL = `select jsonb_build_object(
              'sessions', coalesce((select jsonb_agg(to_jsonb(s) order by s.start) from "Session" s where s."offerId" = o.id), '[]'),
              'modules', coalesce((select jsonb_agg(to_jsonb(m)) from "OfferModule" m where m."offerId" = o.id and not m.removed), '[]'),
              'district', case when d.key is null then null else to_jsonb(d) || jsonb_build_object('region', to_jsonb(r)) end,
              'provider', to_jsonb(p)
            ) || (to_jsonb(o) - 'searchVector' - 'raw') as row
       from "Offer" o join "Provider" p on p.id = o."providerId"
       left join "District" d on d.key = o."districtKey" left join "Region" r on r.key = d."regionKey"
      where o.id = any($1::text[])`;

/** OfferRow objects from OFFER_ROWS_SQL's rows, in the order of `ids`. */
export function offerRowsOf(rows: readonly { row: Record<string, unknown> }[], ids: readonly string[]): OfferRow[] {
  const byId = new Map<string, OfferRow>();
  for (const { row } of rows) {
    datesIn(row, OFFER_DATES);
    datesIn(row.provider as Record<string, unknown>, PROVIDER_DATES);
    for (const session of row.sessions as Record<string, unknown>[]) datesIn(session, ["start", "end"]);
    for (const module of row.modules as Record<string, unknown>[]) datesIn(module, ["createdAt"]);
    byId.set(String(row.id), row as unknown as OfferRow);
  }
  return ids.map((id) => byId.get(id)).filter((r): r is OfferRow => r !== undefined);
}

export async function loadOfferRows(db: Database, ids: readonly string[]): Promise<OfferRow[]> {
  if (!ids.length) return [];
  return offerRowsOf(await db.sql<{ row: Record<string, unknown> }>(OFFER_ROWS_SQL, [ids]), ids);
}

export async function matchOffers(
  db: Database,
  profile: MatchProfile | null | undefined,
  now: Date,
  skip: number,
  take: number,
): Promise<MatchPage> {
  const criteria = await criteriaOf(db, profile, now);
  const rows = await candidates(db, criteria, MATCH_CANDIDATES);
  const ranked = rank(rows, criteria);
  const page = ranked.slice(skip, skip + take);
  const offers = new Map(
    (
      await loadOfferRows(
        db,
        page.map((s) => s.id),
      )
    ).map((o) => [o.id, o]),
  );
  return {
    items: page.flatMap((s) => {
      const offer = offers.get(s.id);
      return offer ? [{ ...s, offer }] : [];
    }),
    totalCount: rows[0]?.total ?? 0,
  };
}

export interface Facets {
  total: number;
  learningAreas: FacetEntry[];
  modules: FacetEntry[];
  districts: FacetEntry[];
  learningFormats: FacetEntry[];
  months: FacetEntry[];
  priceBands: FacetEntry[];
}
export interface FacetEntry {
  key: string;
  label: string | null;
  count: number;
}

const FACET_DIMENSIONS = {
  area: "learningAreas",
  module: "modules",
  district: "districts",
  format: "learningFormats",
  month: "months",
  price: "priceBands",
} as const satisfies Record<string, keyof Omit<Facets, "total">>;

const PRICE_ORDER = ["kostenfrei", "bis 50 €", "50–200 €", "über 200 €", "unbekannt"];

export async function matchFacets(db: Database, profile: MatchProfile | null | undefined, now: Date): Promise<Facets> {
  const criteria = await criteriaOf(db, profile, now);
  const facets: Facets = {
    total: 0,
    learningAreas: [],
    modules: [],
    districts: [],
    learningFormats: [],
    months: [],
    priceBands: [],
  };
  for (const row of await facetRows(db, criteria)) {
    if (row.dim === "total") {
      facets.total = row.count;
      continue;
    }
    const name = FACET_DIMENSIONS[row.dim as keyof typeof FACET_DIMENSIONS];
    if (name) facets[name].push({ key: row.key, label: row.label, count: row.count });
  }
  const byKey = (a: FacetEntry, b: FacetEntry) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  for (const name of Object.values(FACET_DIMENSIONS)) facets[name].sort(byKey);
  facets.priceBands.sort((a, b) => PRICE_ORDER.indexOf(a.key) - PRICE_ORDER.indexOf(b.key));
  return facets;
}

// ---------------------------------------------------------------------------
// Learning path
// ---------------------------------------------------------------------------

/** Learning time of one Basis module (6 WSt.) when an offer states none. */
const UNITS_PER_MODULE = 6;
const DEFAULT_MONTHS = 18;
const DEFAULT_PATH_RADIUS_KM = 50;
/** Length assumed for a session without an end, so overlaps are still caught. */
const DEFAULT_SESSION_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface PathResult {
  offers: OfferRow[];
  coveredModules: string[];
  uncoveredModules: { code: string; title: string; reason: string }[];
  teachingUnits: {
    reached: number;
    budget: number;
    inPerson: number;
    selfStudy: number;
    inPersonBudget: number;
    selfStudyBudget: number;
    estimated: boolean;
  };
  totalPrice: number;
  unknownPrices: number;
  alternatives: PathResult[];
}

async function pathCriteria(
  db: Database,
  input: LearningPathInput,
  now: Date,
): Promise<{ criteria: Criteria; remaining: string[]; maxBudget: number | null }> {
  const roles = roleCodes(input.roles, "input.roles");
  if (!roles.length)
    throw badInput("input.roles", "Mindestens ein Aufgabenfeld angeben (KOORDINATION oder STEUERUNG).");
  const completed = moduleCodes(input.completedModules, "input.completedModules");
  const months = input.months ?? DEFAULT_MONTHS;
  if (!Number.isInteger(months) || months < 1 || months > 36)
    throw badInput("input.months", "Zeitraum muss 1–36 Monate umfassen.");
  const maxBudget = input.maxBudget ?? null;
  if (maxBudget !== null && (!Number.isFinite(maxBudget) || maxBudget < 0))
    throw badInput("input.maxBudget", "Budget darf nicht negativ sein.");
  const radius = checkRadius(input.radiusKm, "input.radiusKm");
  const onlineAcceptable = input.onlineAcceptable ?? true;
  const place = input.place ? await resolvePlace(db, input.place, "input.place") : null;
  if (!place && !onlineAcceptable)
    throw badInput(
      "input.place",
      "Ohne Ort sind nur Online-Angebote möglich: Ort angeben oder onlineAcceptable setzen.",
    );
  if (place && place.latitude === null) throw badInput("input.place", "Für diesen Ort sind keine Koordinaten bekannt.");
  const from = input.from && input.from > now ? input.from : now;
  const to = new Date(from);
  to.setUTCMonth(to.getUTCMonth() + months);
  const base = await criteriaOf(db, null, now, "input");
  const remaining = remainingBasis(roles, completed);
  const criteria: Criteria = {
    ...base,
    roles,
    completed,
    place,
    radiusKm: place ? (radius ?? DEFAULT_PATH_RADIUS_KM) : null,
    onlineAcceptable,
    onlineOnly: !place,
    from,
    to,
    requireModules: remaining,
    datedOnly: true,
  };
  // The roles are not a filter here: any offer teaching a remaining module serves.
  return { criteria: { ...criteria, roles: [] }, remaining, maxBudget };
}

function pathCandidates(
  rows: readonly CandidateRow[],
  criteria: Criteria,
  remaining: readonly string[],
  busy: Map<string, [number, number][]>,
): PathCandidate[] {
  const wanted = new Set(remaining);
  return rows.map((r) => ({
    id: r.id,
    covers: r.moduleCodes.filter((m) => wanted.has(m)),
    price: r.free ? 0 : r.price,
    distanceKm: offerDistanceKm(r, criteria),
    online: r.online && !r.hybrid,
    firstStart: r.firstStart?.getTime() ?? 0,
    busy: busy.get(r.id) ?? [[r.firstStart?.getTime() ?? 0, (r.firstStart?.getTime() ?? 0) + DEFAULT_SESSION_MS]],
  }));
}

/** Per remaining module, this many cheapest and this many widest offers stay in the search. */
const PATH_POOL_PER_MODULE = 12;

/**
 * Bounds the exact search: with 2000 candidates at 10⁵ offers it ran for seconds. For each
 * module the cheapest offers (price + 2 €/km, as learning-path.ts weighs them) and those
 * covering the most modules are kept; an offer dropped here is beaten on both counts by
 * twelve others for every module it covers, which leaves room to avoid overlaps.
 */
export function prunePool(pool: readonly PathCandidate[], remaining: readonly string[]): PathCandidate[] {
  const cost = offerCost;
  const keep = new Set<PathCandidate>();
  for (const module of remaining) {
    const covering = pool.filter((c) => c.covers.includes(module));
    const cheapest = [...covering].sort((a, b) => cost(a) - cost(b) || a.firstStart - b.firstStart);
    const widest = [...covering].sort((a, b) => b.covers.length - a.covers.length || cost(a) - cost(b));
    for (const c of cheapest.slice(0, PATH_POOL_PER_MODULE)) keep.add(c);
    for (const c of widest.slice(0, PATH_POOL_PER_MODULE)) keep.add(c);
  }
  return pool.filter((c) => keep.has(c));
}

function gapReason(candidatesFor: number): string {
  return candidatesFor === 0
    ? "Kein passendes Angebot im Zeitraum und Umkreis."
    : "Passende Angebote überschneiden sich mit dem Weg oder sprengen das Budget.";
}

function describePath(
  choice: PathChoice,
  rows: Map<string, CandidateRow>,
  offers: Map<string, OfferRow>,
  roles: readonly string[],
  coverCount: Map<string, number>,
): PathResult {
  const split = roleByCode(roles[0] ?? "KOORDINATION");
  const wanted = new Set([...choice.covered, ...choice.uncovered]);
  let inPerson = 0;
  let selfStudy = 0;
  let estimated = false;
  let totalPrice = 0;
  let unknownPrices = 0;
  for (const id of choice.ids) {
    const row = rows.get(id);
    if (!row) continue;
    let units = row.teachingUnits;
    if (units === null) {
      estimated = true;
      units = UNITS_PER_MODULE * row.moduleCodes.filter((m) => wanted.has(m)).length;
    }
    // Online-only offers count as self-study time, everything with meetings as in-person.
    if (row.online && !row.hybrid) selfStudy += units;
    else inPerson += units;
    if (row.free) continue;
    if (row.price === null) unknownPrices++;
    else totalPrice += row.price;
  }
  return {
    offers: choice.ids.map((id) => offers.get(id)).filter((o): o is OfferRow => o !== undefined),
    coveredModules: choice.covered,
    uncoveredModules: choice.uncovered.map((code) => ({
      code,
      title: moduleByCode(code)?.title ?? code,
      reason: gapReason(coverCount.get(code) ?? 0),
    })),
    teachingUnits: {
      reached: inPerson + selfStudy,
      budget: split?.teachingUnits ?? 72,
      inPerson,
      selfStudy,
      inPersonBudget: split?.inPersonUnits ?? 36,
      selfStudyBudget: split?.selfStudyUnits ?? 36,
      estimated,
    },
    totalPrice: Math.round(totalPrice * 100) / 100,
    unknownPrices,
    alternatives: [],
  };
}

export async function learningPath(db: Database, input: LearningPathInput, now: Date): Promise<PathResult> {
  const { criteria, remaining, maxBudget } = await pathCriteria(db, input, now);
  const rows = remaining.length ? await candidates(db, criteria) : [];
  const busy = new Map<string, [number, number][]>();
  for (const s of await sessionsOf(
    db,
    rows.map((r) => r.id),
  )) {
    const start = s.start.getTime();
    const end = s.end?.getTime() ?? start + (s.allDay ? DAY_MS : DEFAULT_SESSION_MS);
    busy.set(s.offerId, [...(busy.get(s.offerId) ?? []), [start, Math.max(end, start + 1)]]);
  }
  const pool = prunePool(pathCandidates(rows, criteria, remaining, busy), remaining);
  const main = planPath(remaining, pool, maxBudget);
  const alternatives = alternativePaths(remaining, pool, maxBudget, main);
  const ids = [...new Set([main, ...alternatives].flatMap((p) => p.ids))];
  const offers = new Map((await loadOfferRows(db, ids)).map((o) => [o.id, o]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const coverCount = new Map(remaining.map((m) => [m, pool.filter((c) => c.covers.includes(m)).length]));
  const roles = roleCodes(input.roles, "input.roles");
  return {
    ...describePath(main, byId, offers, roles, coverCount),
    alternatives: alternatives.map((a) => describePath(a, byId, offers, roles, coverCount)),
  };
}
