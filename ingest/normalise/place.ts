import type { LocationDraft } from "../adapters/types.ts";
import type { NormalisedLocation } from "./types.ts";
import {
  candidatesFor,
  gazetteer,
  germanName,
  headOfCompound,
  nameVariants,
  normaliseName,
  regionOfDistrict,
  type District,
  type Place,
} from "./gazetteer.ts";

/**
 * Place → municipality, Kreis and Regierungsbezirk of Baden-Württemberg.
 * Precedence: postcode (its localities disambiguated by the stated locality) > locality
 * name > an explicit "Landkreis X" > nothing. Places outside BW keep postcode and name
 * with null BW keys and a note.
 */

export interface PlaceResult {
  location: NormalisedLocation | null;
  online: boolean;
  hybrid: boolean;
  warnings: string[];
}

export interface PlaceInput {
  location?: LocationDraft;
  locationText?: string;
  attendance?: "ONLINE" | "OFFLINE" | "MIXED";
}

// Words that mean participation over the internet; "Teams" only with Microsoft/MS,
// as "Teams" alone is also the German for working teams.
const ONLINE_PATTERNS: readonly RegExp[] = [
  /\bonline\b/i,
  /\bdigital(?:e|er|es)?\b/i,
  /\bzoom\b/i,
  /\bwebex\b/i,
  /\b(?:ms|microsoft)[\s-]teams\b/i,
  /\bvideo-?konferenz/i,
  /\bwebinar/i,
  /\bvirtuell/i,
  /\bbigbluebutton\b/i,
  /\bjitsi\b/i,
];
const HYBRID_PATTERNS: readonly RegExp[] = [
  /\bhybrid/i,
  /pr(?:ä|ae)senz\s*(?:und|\/|oder|&|\+)\s*online/i,
  /online\s*(?:und|\/|oder|&|\+)\s*(?:in\s+)?pr(?:ä|ae)senz/i,
  /vor\s+ort\s+(?:und|oder)\s+online/i,
  // "Rathaus Ulm oder online", "online und in Stuttgart"
  /\S(?<!online|digital|zoom|webex)\s+(?:und|oder|sowie)\s+(?:auch\s+)?(?:online|per\s+zoom|digital)\b/i,
  /\bonline\s+(?:und|oder|sowie)\s+(?:vor\s+ort|in\s+[A-ZÄÖÜ])/,
];

export function detectAttendance(
  text: string,
  attendance?: PlaceInput["attendance"],
): { online: boolean; hybrid: boolean } {
  const hybrid = attendance === "MIXED" || HYBRID_PATTERNS.some((p) => p.test(text));
  const online = hybrid || attendance === "ONLINE" || ONLINE_PATTERNS.some((p) => p.test(text));
  return { online, hybrid };
}

// ------------------------------------------------------------------ prose address

interface AddressParts {
  name: string | null;
  street: string | null;
  postalCode: string | null;
  locality: string | null;
}

const POSTCODE_LOCALITY = /(?:^|\s|D-)(\d{5})\s+([^\d,;()]+?)\s*$/;
const STREET =
  /(?:stra(?:ß|ss)e|str\.|weg|platz|gasse|allee|ring|damm|ufer|steige|markt)\s*\d*|\s\d+\s*[a-z]?(?:\s*[-/]\s*\d+\s*[a-z]?)?$/i;

export function splitAddress(text: string): AddressParts {
  const segments = text
    .split(/[,;\n]|\s[|–]\s/)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  const parts: AddressParts = { name: null, street: null, postalCode: null, locality: null };
  const rest: string[] = [];
  for (const seg of segments) {
    const pc = POSTCODE_LOCALITY.exec(seg);
    if (pc && !parts.postalCode) {
      parts.postalCode = pc[1] ?? null;
      parts.locality = pc[2]?.trim() ?? null;
      const before = seg.slice(0, pc.index).trim();
      if (before) rest.push(before);
    } else if (!parts.street && STREET.test(seg) && /[a-zäöüß]/i.test(seg)) parts.street = seg;
    else rest.push(seg);
  }
  if (!parts.locality) {
    // No postcode: the last segment that names a place, or the last word(s) of one ("Rathaus Ulm").
    const g = gazetteer();
    for (let i = rest.length - 1; i >= 0 && !parts.locality; i--) {
      const seg = rest[i]!;
      const words = seg.split(" ");
      for (let n = Math.min(words.length, 4); n >= 1; n--) {
        const tail = words.slice(words.length - n).join(" ");
        if (!/^[A-ZÄÖÜ]/.test(tail) || tail.length < 3) continue;
        if (candidatesFor(g.placesByName, tail).some((p) => p.bw)) {
          parts.locality = tail;
          if (n === words.length) rest.splice(i, 1);
          break;
        }
      }
    }
  }
  parts.name = rest.find((s) => !ONLINE_PATTERNS.some((p) => p.test(s))) ?? null;
  return parts;
}

// ------------------------------------------------------------------ resolution

interface Resolved {
  place: Place | null;
  district: District | null;
  municipality: string | null;
  note: string | null;
}

const sameName = (a: string, b: string): boolean => {
  const va = nameVariants(a);
  const vb = nameVariants(b);
  return va.some((v) => vb.includes(v));
};

function matchesLocality(postcodeLocality: string, locality: string): boolean {
  if (sameName(postcodeLocality, locality)) return true;
  const head = headOfCompound(locality);
  if (head && sameName(postcodeLocality, head)) return true;
  const a = normaliseName(locality);
  const b = normaliseName(postcodeLocality);
  return a.startsWith(`${b} `) || b.startsWith(`${a} `);
}

function municipalityName(place: Place, stated: string | null, statedIsOfficial = false): string {
  const seat = place.ags ? gazetteer().municipalities.get(place.ags) : undefined;
  // The postcode data spells municipalities officially ("Buchen (Odenwald)"); GeoNames does not always.
  if (statedIsOfficial && stated && (!seat || seat === place)) return stated;
  const official = germanName(seat ?? place);
  // GeoNames shortens some names ("Boll", "Freiburg"): the stated spelling wins when it is the same town.
  if (stated && sameName(stated, official) && normaliseName(stated).length > normaliseName(official).length)
    return stated;
  return official;
}

function districtOf(place: Place | null): District | null {
  if (!place?.bw || !place.districtKey) return null;
  return gazetteer().districts.get(place.districtKey) ?? null;
}

function byPostcode(postalCode: string, locality: string | null): Resolved | null {
  const entry = gazetteer().postcodes.get(postalCode);
  if (!entry) return null;
  const index = locality ? entry.localities.findIndex((l) => matchesLocality(l, locality)) : -1;
  const chosen = index >= 0 ? index : entry.localities.length === 1 ? 0 : -1;
  if (chosen >= 0) {
    const place = entry.places[chosen] ?? null;
    const name = entry.localities[chosen] ?? null;
    if (place)
      return { place, district: districtOf(place), municipality: municipalityName(place, name, true), note: null };
    const inferred = entry.inferredDistrictKey ? (gazetteer().districts.get(entry.inferredDistrictKey) ?? null) : null;
    return {
      place: null,
      district: inferred,
      municipality: name,
      note: inferred ? "Kreis aus benachbarten Postleitzahlen abgeleitet" : null,
    };
  }
  // Several municipalities share the postcode and the locality names none of them:
  // the Kreis is still known when they all lie in the same one.
  const keys = new Set(entry.places.map((p) => p?.districtKey ?? entry.inferredDistrictKey));
  const only = keys.size === 1 ? [...keys][0] : undefined;
  const sample = entry.places.find((p) => p) ?? null;
  const district = only ? (gazetteer().districts.get(only) ?? null) : null;
  if (!district) {
    if (sample && !sample.bw) return { place: sample, district: null, municipality: locality, note: null };
    return null;
  }
  return { place: null, district, municipality: locality, note: null };
}

const DISTRICT_PHRASE = /\b(?:landkreis|lkr\.?|kreis|lk)\s+([A-ZÄÖÜ][\wäöüß.-]*(?:\s+(?:im|am|an der)\s+[\wäöüß]+)?)/i;

function explicitLandkreis(text: string): District | null {
  const m = DISTRICT_PHRASE.exec(text);
  if (!m?.[1]) return null;
  const list = gazetteer().districtsByName.get(normaliseName(m[1])) ?? [];
  return list.find((d) => d.kind === "Landkreis") ?? null;
}

function byDistrictPhrase(text: string): District | null {
  const g = gazetteer();
  const landkreis = explicitLandkreis(text);
  if (landkreis) return landkreis;
  // Districts named "…kreis" ("Rems-Murr-Kreis", "Ortenaukreis") stand for themselves.
  const n = normaliseName(text);
  for (const d of g.districts.values()) if (/kreis$/i.test(d.name) && n.includes(normaliseName(d.name))) return d;
  return null;
}

function byLocality(locality: string): Resolved | null {
  const candidates = candidatesFor(gazetteer().placesByName, locality);
  const place = candidates[0];
  if (!place) return null;
  return { place, district: districtOf(place), municipality: municipalityName(place, locality), note: null };
}

// Texts that say the place is not fixed yet: no location, and nothing to warn about.
const NO_PLACE_YET =
  /^(?:ort\s+)?(?:nach\s+(?:absprache|vereinbarung)|wird\s+noch\s+bekannt\s*gegeben|folgt|tba|n\.\s*n\.|bei\s+ihnen\s+vor\s+ort|inhouse)\.?$/i;

const emptyLocation = (): NormalisedLocation => ({
  name: null,
  street: null,
  postalCode: null,
  municipality: null,
  municipalityKey: null,
  districtKey: null,
  district: null,
  region: null,
  regionKey: null,
  latitude: null,
  longitude: null,
});

const clean = (s: string | undefined | null): string | null => {
  const t = s?.replace(/\s+/g, " ").trim();
  return t ? t : null;
};

const FOREIGN_COUNTRY = /^(?!de$|deu$|deutschland$|germany$)/i;

export function resolvePlace(draft: PlaceInput): PlaceResult {
  const warnings: string[] = [];
  const loc = draft.location ?? {};
  // Place fields are short; the cap bounds the address splitting on a mis-mapped column.
  const text = clean(draft.locationText?.slice(0, 500)) ?? "";
  const { online, hybrid } = detectAttendance([text, loc.name ?? ""].join(" "), draft.attendance);
  const prose = text ? splitAddress(text) : null;
  const postalCodeRaw = clean(loc.postalCode) ?? prose?.postalCode ?? null;
  const postalCode = postalCodeRaw?.replace(/^D-?/i, "") ?? null;
  const locality = clean(loc.locality) ?? prose?.locality ?? null;
  const parts: AddressParts = {
    name: clean(loc.name) ?? prose?.name ?? null,
    street: clean(loc.street) ?? prose?.street ?? null,
    postalCode,
    locality,
  };
  const hasPlace = !!(parts.postalCode || parts.locality || parts.street || (parts.name && !online));
  if (!hasPlace && !text) return { location: null, online, hybrid, warnings };
  if (!draft.location && NO_PLACE_YET.test(text)) return { location: null, online, hybrid, warnings };

  const foreign = loc.country ? FOREIGN_COUNTRY.test(loc.country.trim()) : false;
  let resolved: Resolved | null = null;
  if (!foreign && postalCode) {
    if (!/^\d{5}$/.test(postalCode)) warnings.push(`Postleitzahl nicht lesbar: „${postalCodeRaw ?? ""}“`);
    else {
      resolved = byPostcode(postalCode, locality);
      if (!resolved) warnings.push(`Postleitzahl unbekannt: ${postalCode}`);
    }
  }
  // "Landkreis Karlsruhe" names the Landkreis, not the city of the same name.
  const explicit = !foreign && !resolved ? explicitLandkreis([text, loc.locality ?? ""].join(" ")) : null;
  if (explicit && (!locality || sameName(locality, explicit.name)))
    resolved = { place: null, district: explicit, municipality: null, note: null };
  if (!foreign && !resolved && locality) resolved = byLocality(locality);
  const districtOnly =
    !foreign && !resolved?.district ? byDistrictPhrase([text, loc.locality ?? "", loc.region ?? ""].join(" ")) : null;

  if (!resolved && !districtOnly && !hasPlace) {
    // Only "online" or a text naming nothing we know.
    if (!online) warnings.push(`Ort nicht erkannt: „${text}“`);
    return { location: null, online, hybrid, warnings };
  }

  const location = emptyLocation();
  location.name = parts.name;
  location.street = parts.street;
  location.postalCode = parts.postalCode && /^\d{5}$/.test(parts.postalCode) ? parts.postalCode : null;
  location.municipality = resolved ? resolved.municipality : locality;
  const place = resolved?.place ?? null;
  const district = resolved?.district ?? districtOnly;
  const inBw = !!district;
  if (inBw) {
    location.districtKey = district.key;
    location.district = district.name;
    const region = regionOfDistrict(district.key);
    location.region = region?.name ?? null;
    location.regionKey = region?.key ?? null;
    location.municipalityKey = place?.bw && place.ags ? place.ags : null;
  } else if (foreign || (place && !place.bw)) {
    warnings.push(
      `Ort liegt außerhalb Baden-Württembergs: ${[location.postalCode, location.municipality].filter(Boolean).join(" ")}`,
    );
  } else if (locality || postalCode) {
    warnings.push(`Ort nicht im Ortsverzeichnis gefunden: „${[postalCode, locality].filter(Boolean).join(" ")}“`);
  } else if (!online) {
    warnings.push(`Ort nicht erkannt: „${text || parts.name || ""}“`);
  }
  if (resolved?.note) warnings.push(resolved.note);
  location.latitude = loc.latitude ?? place?.latitude ?? null;
  location.longitude = loc.longitude ?? place?.longitude ?? null;
  return { location, online, hybrid, warnings };
}
