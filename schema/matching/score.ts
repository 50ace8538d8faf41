import type { Criteria } from "./criteria.ts";
import { remainingBasis } from "./criteria.ts";
import type { CandidateRow } from "./match.sql.ts";
import { haversineKm } from "./places.ts";

/**
 * The ranking, in one place and pure: a weighted mean of component scores in [0, 1].
 * Components the profile says nothing about (no place, no text, no modules or role)
 * drop out, and the remaining weights are renormalised. See README.md for the table.
 */
export const WEIGHTS = {
  modules: 0.35,
  distance: 0.25,
  price: 0.15,
  date: 0.1,
  text: 0.1,
  completeness: 0.05,
} as const;
type Component = keyof typeof WEIGHTS;

/** Distance (km) at which the distance score halves. */
const HALF_DISTANCE_KM = 25;
/** Price (EUR) at which the price score halves. */
const HALF_PRICE_EUR = 100;
/** Days after the window's start at which the date score halves. */
const HALF_DAYS = 60;

export interface Scored {
  id: string;
  score: number;
  reasons: string[];
  distanceKm: number | null;
  components: Record<Component, number | null>;
}

const intersect = (a: readonly string[], b: ReadonlySet<string>): string[] => a.filter((x) => b.has(x));

export function offerDistanceKm(row: CandidateRow, c: Criteria): number | null {
  const p = c.place;
  if (!p || p.latitude === null || p.longitude === null || row.lat === null || row.lon === null) return null;
  return haversineKm(p.latitude, p.longitude, row.lat, row.lon);
}

function moduleComponent(row: CandidateRow, c: Criteria, reasons: string[]): number | null {
  if (!c.modules.length && !c.learningAreas.length && !c.roles.length) return null;
  const completed = new Set(c.completed);
  const explicit = new Set(c.modules.filter((m) => !completed.has(m)));
  const roleTargets = new Set(remainingBasis(c.roles, c.completed));
  const hits = [
    ...new Set([...intersect(row.moduleCodes, explicit), ...intersect(row.moduleCodes, roleTargets)]),
  ].sort();
  for (const m of hits) reasons.push(`deckt Modul ${m} ab`);
  const roleFit = c.roles.length > 0 && row.roles.some((r) => (c.roles as string[]).includes(r));
  if (roleFit) reasons.push("passt zu Ihrem Aufgabenfeld");
  const areaFit = intersect(row.learningAreas, new Set(c.learningAreas)).length > 0;
  // Each further new module is worth a little more: one offer instead of two.
  const extra = Math.min(0.15, 0.05 * Math.max(0, hits.length - 1));
  if (intersect(row.moduleCodes, explicit).length) return Math.min(1, 0.85 + extra);
  if (hits.length) return Math.min(1, 0.7 + extra);
  if (areaFit) return 0.5;
  return roleFit ? 0.3 : 0;
}

function distanceComponent(
  row: CandidateRow,
  c: Criteria,
  distanceKm: number | null,
  reasons: string[],
): number | null {
  if (!c.place) return null;
  const onlineOnly = row.online && !row.hybrid;
  if (row.online) reasons.push("online");
  if (c.place.districtKey && row.districtKey === c.place.districtKey && !onlineOnly)
    reasons.push("im eigenen Landkreis");
  if (distanceKm !== null && !onlineOnly) reasons.push(`${Math.round(distanceKm)} km entfernt`);
  if (row.online && c.onlineAcceptable) return 1;
  if (distanceKm === null) return 0.3;
  return 1 / (1 + distanceKm / HALF_DISTANCE_KM);
}

function priceComponent(row: CandidateRow, reasons: string[]): number {
  if (row.free || row.price === 0) reasons.push("kostenfrei");
  if (row.funded) reasons.push("gefördert");
  const base = row.free || row.price === 0 ? 1 : row.price === null ? 0.4 : 1 / (1 + row.price / HALF_PRICE_EUR);
  return Math.min(1, base + (row.funded ? 0.1 : 0));
}

function dateComponent(row: CandidateRow, c: Criteria): number {
  if (!row.firstStart) return 0.2;
  const days = Math.max(0, (row.firstStart.getTime() - c.from.getTime()) / 86_400_000);
  return 1 / (1 + days / HALF_DAYS);
}

export function scoreCandidate(row: CandidateRow, c: Criteria, maxTextRank: number): Scored {
  const reasons: string[] = [];
  const distanceKm = offerDistanceKm(row, c);
  const components: Record<Component, number | null> = {
    modules: moduleComponent(row, c, reasons),
    distance: distanceComponent(row, c, distanceKm, reasons),
    price: priceComponent(row, reasons),
    date: dateComponent(row, c),
    text: c.text ? (maxTextRank > 0 ? row.textRank / maxTextRank : 0) : null,
    completeness: Math.max(0, Math.min(1, row.completenessScore)),
  };
  if (!c.place && row.online) reasons.push("online");
  let sum = 0;
  let weight = 0;
  for (const [name, value] of Object.entries(components) as [Component, number | null][]) {
    if (value === null) continue;
    sum += WEIGHTS[name] * value;
    weight += WEIGHTS[name];
  }
  const score = weight > 0 ? Math.round((sum / weight) * 1000) / 1000 : 0;
  return {
    id: row.id,
    score,
    reasons: [...new Set(reasons)],
    distanceKm: distanceKm === null ? null : Math.round(distanceKm * 10) / 10,
    components,
  };
}

/** Scores and orders candidates: best score first, then earlier start, then id (stable pages). */
export function rank(rows: readonly CandidateRow[], c: Criteria): Scored[] {
  const maxText = Math.max(0, ...rows.map((r) => r.textRank));
  const start = new Map(rows.map((r) => [r.id, r.firstStart?.getTime() ?? Number.MAX_SAFE_INTEGER]));
  return rows
    .map((r) => scoreCandidate(r, c, maxText))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (start.get(a.id) ?? 0) - (start.get(b.id) ?? 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}
