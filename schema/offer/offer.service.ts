import type { Database } from "../../prisma/database.ts";
import type { Prisma } from "../../prisma/generated/client.ts";
import { badInput } from "../common/errors.ts";
import { isLearningAreaCode, isModuleCode } from "../taxonomy/codes.ts";
import type { OfferFilter } from "./offer.input.ts";

/** What the offer resolvers need loaded with each row, in one query. */
export const OFFER_INCLUDE = {
  sessions: { orderBy: { start: "asc" } },
  modules: { where: { removed: false } },
  district: { include: { region: true } },
  provider: true,
} satisfies Prisma.OfferInclude;

export type OfferRow = Prisma.OfferGetPayload<{ include: typeof OFFER_INCLUDE }>;

const REGION_KEYS: Record<string, string> = {
  stuttgart: "081",
  karlsruhe: "082",
  freiburg: "083",
  tuebingen: "084",
  tübingen: "084",
};

/** Longest free-text query accepted: a search box, not a document. */
const MAX_TEXT = 200;
/** Bound on the full-text candidate set; the matching issue adds a ranked hot path. */
const MAX_TEXT_CANDIDATES = 10_000;

export function regionKeyOf(value: string): string {
  const v = value.trim().toLowerCase();
  if (/^08[1-4]$/.test(v)) return v;
  const key = REGION_KEYS[v];
  if (!key)
    throw badInput(
      "filter.region",
      `Unbekannter Regierungsbezirk „${value}“ (Stuttgart, Karlsruhe, Freiburg, Tübingen oder 081–084).`,
    );
  return key;
}

/** Validates a filter and turns it into a Prisma where clause (the full-text part aside). */
export function offerWhere(filter: OfferFilter | null | undefined): Prisma.OfferWhereInput {
  const and: Prisma.OfferWhereInput[] = [{ status: "ACTIVE", relevant: true, duplicateOfId: null }];
  if (!filter) return { AND: and };
  if (filter.learningAreas?.length) {
    const codes = filter.learningAreas.map((c) => c.trim().toUpperCase());
    const bad = codes.find((c) => !isLearningAreaCode(c));
    if (bad) throw badInput("filter.learningAreas", `Unbekannter Lernbereich „${bad}“ (LB1–LB5).`);
    and.push({ learningAreas: { hasSome: codes } });
  }
  if (filter.modules?.length) {
    const codes = filter.modules.map((c) => c.trim().toUpperCase());
    const bad = codes.find((c) => !isModuleCode(c));
    if (bad) throw badInput("filter.modules", `Unbekanntes Modul „${bad}“ (M01–M18, V01–V11).`);
    and.push({ moduleCodes: { hasSome: codes } });
  }
  if (filter.role) and.push({ roles: { has: filter.role } });
  if (filter.learningFormat) and.push({ learningFormat: filter.learningFormat });
  if (filter.districtKey) {
    if (!/^\d{5}$/.test(filter.districtKey))
      throw badInput("filter.districtKey", "Kreisschlüssel hat 5 Ziffern, z. B. 08117.");
    and.push({ districtKey: filter.districtKey });
  }
  if (filter.region) and.push({ regionKey: regionKeyOf(filter.region) });
  if (filter.online !== null && filter.online !== undefined) and.push({ online: filter.online });
  if (filter.free !== null && filter.free !== undefined) and.push({ free: filter.free });
  if (filter.from && filter.to && filter.from > filter.to) throw badInput("filter.to", "„to“ liegt vor „from“.");
  if (filter.to) and.push({ firstStart: { lte: filter.to } });
  if (filter.from) {
    // An offer runs into the window when its last meeting (or its only one) is not before it.
    and.push({ OR: [{ lastEnd: { gte: filter.from } }, { lastEnd: null, firstStart: { gte: filter.from } }] });
  }
  if (filter.providerId) and.push({ providerId: filter.providerId });
  return { AND: and };
}

/** Ids matching a German full-text query (websearch syntax: words, "phrases", -exclusions). */
export async function textMatches(db: Database, text: string): Promise<string[]> {
  const query = text.trim();
  if (query.length > MAX_TEXT) throw badInput("filter.text", `Suchtext ist länger als ${MAX_TEXT} Zeichen.`);
  const rows = await db.sql<{ id: string }>(
    `select id from "Offer" where "searchVector" @@ websearch_to_tsquery('german', $1) limit $2`,
    [query, MAX_TEXT_CANDIDATES],
  );
  return rows.map((r) => r.id);
}

export async function findOffers(
  db: Database,
  filter: OfferFilter | null | undefined,
  skip: number,
  take: number,
): Promise<{ rows: OfferRow[]; totalCount: number }> {
  const where = offerWhere(filter);
  if (filter?.text?.trim()) {
    const ids = await textMatches(db, filter.text);
    (where.AND as Prisma.OfferWhereInput[]).push({ id: { in: ids } });
  }
  const [rows, totalCount] = await Promise.all([
    db.prisma.offer.findMany({
      where,
      include: OFFER_INCLUDE,
      orderBy: [{ firstStart: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      skip,
      take,
    }),
    db.prisma.offer.count({ where }),
  ]);
  return { rows, totalCount };
}

export async function findOffer(db: Database, id: string): Promise<OfferRow | null> {
  return db.prisma.offer.findUnique({ where: { id }, include: OFFER_INCLUDE });
}
