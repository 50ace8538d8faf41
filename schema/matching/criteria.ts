import type { Database } from "../../prisma/database.ts";
import { badInput } from "../common/errors.ts";
import { basisModulesForRole } from "../taxonomy/taxonomy.ts";
import {
  AUDIENCE_CODES,
  LEARNING_FORMAT_CODES,
  ROLE_CODES,
  isLearningAreaCode,
  isModuleCode,
  type LearningFormatCode,
  type RoleCode,
} from "../taxonomy/codes.ts";
import { OFFER_KINDS } from "../offer/offer-kind.ts";
import type { MatchProfile, PlaceScope } from "./matching.input.ts";
import { resolvePlace, type ResolvedPlace } from "./places.ts";

/** A validated profile: codes upper-cased and checked, the place resolved, defaults set. */
export interface Criteria {
  roles: RoleCode[];
  learningFormat: LearningFormatCode | null;
  modules: string[];
  learningAreas: string[];
  completed: string[];
  audience: string | null;
  place: ResolvedPlace | null;
  radiusKm: number | null;
  scope: PlaceScope | null;
  onlineAcceptable: boolean;
  from: Date;
  to: Date | null;
  maxPrice: number | null;
  subsidisedOnly: boolean;
  kind: string | null;
  text: string | null;
  /** Only offers touching one of these modules (the learning path's remaining ones). */
  requireModules: string[];
  /** Only offers with a first date (the learning path needs dates to order and check). */
  datedOnly: boolean;
  /** Only online offers (a learning path without a place). */
  onlineOnly: boolean;
}

const MAX_TEXT = 200;
const MAX_CODES = 40;

function codes(
  values: readonly string[] | null | undefined,
  field: string,
  valid: (c: string) => boolean,
  hint: string,
): string[] {
  if (!values) return [];
  if (values.length > MAX_CODES) throw badInput(field, `Höchstens ${MAX_CODES} Einträge.`);
  const out = values.map((v) => v.trim().toUpperCase());
  const bad = out.find((c) => !valid(c));
  if (bad !== undefined) throw badInput(field, `Unbekannter Code „${bad}“ (${hint}).`);
  return [...new Set(out)];
}

export const moduleCodes = (values: readonly string[] | null | undefined, field: string): string[] =>
  codes(values, field, isModuleCode, "M01–M18, V01–V11");

export function roleCodes(values: readonly string[] | null | undefined, field: string): RoleCode[] {
  return codes(
    values,
    field,
    (c) => (ROLE_CODES as readonly string[]).includes(c),
    "KOORDINATION, STEUERUNG",
  ) as RoleCode[];
}

export function checkRadius(radius: number | null | undefined, field: string): number | null {
  if (radius === null || radius === undefined) return null;
  if (!Number.isFinite(radius) || radius < 1 || radius > 300)
    throw badInput(field, "Umkreis muss zwischen 1 und 300 km liegen.");
  return radius;
}

/** The Basis modules the person still needs: the roles' ones minus the completed ones. */
export function remainingBasis(roles: readonly RoleCode[], completed: readonly string[]): string[] {
  const done = new Set(completed);
  const all = new Set(roles.flatMap((r) => basisModulesForRole(r).map((m) => m.code as string)));
  return [...all].filter((c) => !done.has(c)).sort();
}

export async function criteriaOf(
  db: Database,
  profile: MatchProfile | null | undefined,
  now: Date,
  field = "profile",
): Promise<Criteria> {
  const p = profile ?? {};
  const text = p.text?.trim() || null;
  if (text && text.length > MAX_TEXT) throw badInput(`${field}.text`, `Suchtext ist länger als ${MAX_TEXT} Zeichen.`);
  if (p.maxPrice !== null && p.maxPrice !== undefined && (!Number.isFinite(p.maxPrice) || p.maxPrice < 0)) {
    throw badInput(`${field}.maxPrice`, "Höchstpreis darf nicht negativ sein.");
  }
  if (p.learningFormat && !(LEARNING_FORMAT_CODES as readonly string[]).includes(p.learningFormat)) {
    throw badInput(`${field}.learningFormat`, "Unbekanntes Lernformat.");
  }
  if (p.audience && !(AUDIENCE_CODES as readonly string[]).includes(p.audience))
    throw badInput(`${field}.audience`, "Unbekannte Zielgruppe.");
  if (p.kind && !(OFFER_KINDS as readonly string[]).includes(p.kind))
    throw badInput(`${field}.kind`, "Unbekannte Angebotsart.");
  // Never past: a "from" before now is raised to now.
  const from = p.from && p.from > now ? p.from : now;
  if (p.to && p.to < from) throw badInput(`${field}.to`, "„to“ liegt vor „from“.");
  const radiusKm = checkRadius(p.radiusKm, `${field}.radiusKm`);
  const place = p.place ? await resolvePlace(db, p.place, `${field}.place`) : null;
  if ((radiusKm !== null || p.scope) && !place)
    throw badInput(`${field}.place`, "Für Umkreis oder Gebiet fehlt ein Ort.");
  if (radiusKm !== null && p.scope)
    throw badInput(`${field}.scope`, "Entweder Umkreis oder Gebiet angeben, nicht beides.");
  if (radiusKm !== null && place && place.latitude === null)
    throw badInput(`${field}.place`, "Für diesen Ort sind keine Koordinaten bekannt.");
  return {
    roles: roleCodes(p.roles, `${field}.roles`),
    learningFormat: p.learningFormat ?? null,
    modules: moduleCodes(p.modules, `${field}.modules`),
    learningAreas: codes(p.learningAreas, `${field}.learningAreas`, isLearningAreaCode, "LB1–LB5"),
    completed: moduleCodes(p.completedModules, `${field}.completedModules`),
    audience: p.audience ?? null,
    place,
    radiusKm,
    scope: p.scope ?? null,
    onlineAcceptable: p.onlineAcceptable ?? true,
    from,
    to: p.to ?? null,
    maxPrice: p.maxPrice ?? null,
    subsidisedOnly: p.subsidisedOnly ?? false,
    kind: p.kind ?? null,
    text,
    requireModules: [],
    datedOnly: false,
    onlineOnly: false,
  };
}
