import { createHash } from "node:crypto";
import type { ProcessedOffer } from "../pipeline/extract.ts";
import { TAXONOMY_VERSION } from "../../schema/taxonomy/taxonomy.ts";

/**
 * Pure mapping from a processed offer to the column values the store writes, and the
 * checks an item must pass to be stored at all. Kept apart from the SQL so both can be
 * tested on their own.
 */

export const LIMITS = {
  title: 500,
  description: 50_000,
  sessions: 500,
  keywords: 100,
  sourceKey: 500,
  url: 2_000,
} as const;

/** Column order of the batched upsert; `cast` is the SQL type of the parameter. */
export const OFFER_COLUMNS = [
  ["title", "text"],
  ["url", "text"],
  ["descriptionHtml", "text"],
  ["description", "text"],
  ["online", "boolean"],
  ["hybrid", "boolean"],
  ["free", "boolean"],
  ["priceAmount", "numeric"],
  ["priceCurrency", "text"],
  ["priceText", "text"],
  ["teachingUnits", "numeric"],
  ["audiences", "text[]"],
  ["kind", '"OfferKind"'],
  ["funding", "text[]"],
  ["accessibility", "text"],
  ["registrationUrl", "text"],
  ["registrationDeadline", "text"],
  ["keywords", "text[]"],
  ["organizer", "text"],
  ["locationName", "text"],
  ["street", "text"],
  ["postalCode", "text"],
  ["municipality", "text"],
  ["municipalityKey", "text"],
  ["districtKey", "text"],
  ["regionKey", "text"],
  ["latitude", "float8"],
  ["longitude", "float8"],
  ["firstStart", "timestamp(3)"],
  ["lastEnd", "timestamp(3)"],
  ["autoRelevant", "boolean"],
  ["relevanceScore", "float8"],
  ["autoLearningFormat", '"LearningFormatCode"'],
  ["roles", "text[]"],
  ["learningAreas", "text[]"],
  ["needsReview", "boolean"],
  ["reviewReasons", "text[]"],
  ["knowledgeVersion", "text"],
  ["taxonomyVersion", "text"],
  ["completeness", "jsonb"],
  ["completenessScore", "float8"],
  ["warnings", "text[]"],
  ["raw", "jsonb"],
  ["contentHash", "text"],
  ["draftHash", "text"],
  ["detailReadAt", "timestamp(3)"],
  ["sourceUrl", "text"],
  ["fetchedAt", "timestamp(3)"],
  ["adapter", "text"],
  ["adapterVersion", "text"],
  ["dedupKey", "text"],
] as const;

export type OfferColumn = (typeof OFFER_COLUMNS)[number][0];

/** The reason an item cannot be stored (German, for the run record), or null. */
export function rejectionReason(offer: ProcessedOffer): string | null {
  if (!offer.sourceKey?.trim()) return "Kein eindeutiger Schlüssel (ID/GUID/URL) für den Eintrag.";
  if (offer.sourceKey.length > LIMITS.sourceKey) return "Schlüssel des Eintrags ist zu lang.";
  if (!offer.title?.trim()) return "Titel fehlt.";
  if (offer.title.length > LIMITS.title) return `Titel länger als ${LIMITS.title} Zeichen.`;
  if (offer.description.length > LIMITS.description) return `Beschreibung länger als ${LIMITS.description} Zeichen.`;
  if (offer.sessions.length > LIMITS.sessions) return `Mehr als ${LIMITS.sessions} Termine.`;
  if (offer.url && offer.url.length > LIMITS.url) return "URL zu lang.";
  return null;
}

const normTitle = (title: string) =>
  title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * The same offer published twice (a cooperation listed by both partners, or a provider
 * with two feeds) has the same title, first day and place: that triple is its key.
 * Offers without a date are not matched: too many share a title.
 */
export function dedupKey(offer: ProcessedOffer): string | null {
  const first = offer.sessions[0]?.start;
  if (!first) return null;
  const place =
    offer.online && !offer.location?.postalCode
      ? "online"
      : (offer.location?.postalCode ?? offer.location?.municipality ?? "");
  return createHash("sha1")
    .update(`${normTitle(offer.title)}|${first.slice(0, 10)}|${place}`)
    .digest("hex");
}

export function sessionBounds(offer: ProcessedOffer): { firstStart: Date | null; lastEnd: Date | null } {
  if (!offer.sessions.length) return { firstStart: null, lastEnd: null };
  const starts = offer.sessions.map((s) => Date.parse(s.start));
  const ends = offer.sessions.map((s) => Date.parse(s.end ?? s.start));
  return { firstStart: new Date(Math.min(...starts)), lastEnd: new Date(Math.max(...ends)) };
}

export function offerValues(offer: ProcessedOffer): Record<OfferColumn, unknown> {
  const { firstStart, lastEnd } = sessionBounds(offer);
  const c = offer.classification;
  const loc = offer.location;
  return {
    title: offer.title,
    url: offer.url,
    descriptionHtml: offer.descriptionHtml,
    description: offer.description,
    online: offer.online,
    hybrid: offer.hybrid,
    free: offer.free,
    priceAmount: offer.price?.amount ?? null,
    priceCurrency: offer.price?.currency ?? null,
    priceText: offer.priceText,
    teachingUnits: offer.teachingUnits,
    audiences: offer.audiences,
    kind: offer.kind,
    funding: offer.funding,
    accessibility: offer.accessibility,
    registrationUrl: offer.registrationUrl,
    registrationDeadline: offer.registrationDeadline,
    keywords: offer.keywords.slice(0, LIMITS.keywords),
    organizer: offer.organizer,
    locationName: loc?.name ?? null,
    street: loc?.street ?? null,
    postalCode: loc?.postalCode ?? null,
    municipality: loc?.municipality ?? null,
    municipalityKey: loc?.municipalityKey ?? null,
    districtKey: loc?.districtKey ?? null,
    regionKey: loc?.regionKey ?? null,
    latitude: loc?.latitude ?? null,
    longitude: loc?.longitude ?? null,
    firstStart,
    lastEnd,
    autoRelevant: c.relevant,
    relevanceScore: c.score,
    autoLearningFormat: c.learningFormat,
    roles: c.roles,
    learningAreas: c.learningAreas,
    needsReview: c.needsReview,
    reviewReasons: c.reviewReasons,
    knowledgeVersion: c.knowledgeVersion,
    taxonomyVersion: TAXONOMY_VERSION,
    completeness: JSON.stringify(offer.completeness),
    completenessScore: offer.completeness.score,
    warnings: offer.warnings,
    raw: JSON.stringify(offer.raw),
    contentHash: offer.contentHash,
    draftHash: offer.draftHash ?? null,
    detailReadAt: offer.detailReadAt ?? null,
    sourceUrl: offer.provenance.sourceUrl,
    fetchedAt: new Date(offer.provenance.fetchedAt),
    adapter: offer.provenance.adapter,
    adapterVersion: offer.provenance.adapterVersion,
    dedupKey: dedupKey(offer),
  };
}
