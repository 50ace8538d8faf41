import type { Database } from "../../prisma/database.ts";
import type { IngestPort } from "../common/context.ts";
import { recordAudit } from "../common/audit.ts";
import { badInput, hubError, notFound } from "../common/errors.ts";
import { httpUrl, label, text } from "../provider/validate.ts";
import { actingProvider, type Actor } from "./feed.service.ts";
import type { PushedOfferDraft } from "./port.types.ts";
import type { OfferPushInput, UpsertOffersResultType } from "./push.type.ts";

export const MAX_PUSHED_OFFERS = 500;
const LIMITS = {
  sourceKey: 200,
  title: 500,
  description: 50_000,
  date: 200,
  place: 500,
  field: 200,
  keyword: 100,
  keywords: 30,
} as const;
const MAX_PRICE = 100_000;
const MAX_TEACHING_UNITS = 2_000;
const MIN_OBJECTION = 5;
const MAX_OBJECTION = 2_000;

// Structured dates go to sessions; anything else is German prose for the normaliser.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function number(field: string, value: number | null | undefined, max: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isFinite(value) || value < 0 || value > max)
    throw badInput(field, `${label(field)} muss zwischen 0 und ${max} liegen.`);
  return value;
}

/** One pushed offer → the same OfferDraft an adapter would produce. */
export function toDraft(item: OfferPushInput, at: string): PushedOfferDraft {
  const f = (name: string) => `${at}.${name}`;
  const start = text(f("start"), item.start, LIMITS.date, { required: true })!;
  const end = text(f("end"), item.end, LIMITS.date);
  const iso = ISO_DATE.test(start) && (!end || ISO_DATE.test(end));
  if (iso && Number.isNaN(Date.parse(start))) throw badInput(f("start"), `Beginn „${start}“ ist kein gültiges Datum.`);
  const location = {
    name: text(f("locationName"), item.locationName, LIMITS.field) ?? undefined,
    street: text(f("street"), item.street, LIMITS.field) ?? undefined,
    postalCode: text(f("postalCode"), item.postalCode, 10) ?? undefined,
    locality: text(f("city"), item.city, LIMITS.field) ?? undefined,
  };
  const keywords = (item.keywords ?? [])
    .map((k, i) => text(f(`keywords.${i}`), k, LIMITS.keyword))
    .filter((k): k is string => Boolean(k));
  if (keywords.length > LIMITS.keywords) throw badInput(f("keywords"), `Höchstens ${LIMITS.keywords} Schlagwörter.`);
  const price = number(f("price"), item.price, MAX_PRICE);
  const teachingUnits = number(f("teachingUnits"), item.teachingUnits, MAX_TEACHING_UNITS);
  const draft: PushedOfferDraft = {
    sourceKey: text(f("sourceKey"), item.sourceKey, LIMITS.sourceKey, { required: true })!,
    title: text(f("title"), item.title, LIMITS.title, { required: true })!,
    sessions: iso ? [{ start, end: end ?? null }] : [],
    ...(iso ? {} : { dateText: end ? `${start} bis ${end}` : start }),
  };
  const description = text(f("description"), item.description, LIMITS.description);
  const url = httpUrl(f("url"), item.url);
  const registrationUrl = httpUrl(f("registrationUrl"), item.registrationUrl);
  const place = text(f("place"), item.place, LIMITS.place);
  const priceText = text(f("priceText"), item.priceText, LIMITS.field);
  if (description) draft.description = description;
  if (url) draft.url = url;
  if (registrationUrl) draft.registrationUrl = registrationUrl;
  if (place) draft.locationText = place;
  if (Object.values(location).some(Boolean)) draft.location = location;
  if (item.online !== null && item.online !== undefined) draft.attendance = item.online ? "ONLINE" : "OFFLINE";
  if (price !== undefined) draft.price = { amount: price, currency: "EUR" };
  if (priceText) draft.priceText = priceText;
  if (teachingUnits !== undefined) draft.teachingUnits = teachingUnits;
  if (keywords.length) draft.keywords = keywords;
  return draft;
}

/** The provider's PUSH feed, created on first use. */
async function pushFeed(db: Database, providerId: string): Promise<string> {
  const existing = await db.prisma.feed.findFirst({
    where: { providerId, kind: "PUSH", state: { not: "DELETED" } },
    orderBy: { createdAt: "asc" },
  });
  if (existing) return existing.id;
  return (await db.prisma.feed.create({ data: { providerId, kind: "PUSH" } })).id;
}

export async function upsertOffers(
  db: Database,
  port: IngestPort,
  viewer: Actor,
  items: OfferPushInput[],
  providerId: string | null | undefined,
): Promise<UpsertOffersResultType> {
  // Who may push is decided before anything about this process's wiring is revealed.
  const owner = await actingProvider(db, viewer, providerId);
  if (!port.storePushed)
    throw hubError("INTERNAL_SERVER_ERROR", "Das Einlesen ist in diesem Dienst nicht eingerichtet.");
  if (!items.length) throw badInput("input", "Keine Angebote übermittelt.");
  if (items.length > MAX_PUSHED_OFFERS) throw badInput("input", `Höchstens ${MAX_PUSHED_OFFERS} Angebote je Aufruf.`);
  const drafts = items.map((item, i) => toDraft(item, `input.${i}`));
  const seen = new Set<string>();
  for (const [i, d] of drafts.entries()) {
    if (seen.has(d.sourceKey)) throw badInput(`input.${i}.sourceKey`, `sourceKey „${d.sourceKey}“ kommt mehrfach vor.`);
    seen.add(d.sourceKey);
  }
  const feedId = await pushFeed(db, owner);
  const outcome = await port.storePushed(feedId, owner, drafts);
  await recordAudit(db, viewer, {
    action: "offers.upsert",
    entityType: "Feed",
    entityId: feedId,
    after: {
      sourceKeys: drafts.slice(0, 100).map((d) => d.sourceKey),
      created: outcome.created,
      changed: outcome.changed,
      rejected: outcome.rejected,
    },
  });
  return { feedId, ...outcome };
}

/** A provider objects to how one of its own offers was placed on the curriculum. */
export async function objectToClassification(db: Database, viewer: Actor, offerId: string, message: string) {
  const text_ = text("message", message, MAX_OBJECTION, { required: true, min: MIN_OBJECTION })!;
  const offer = await db.prisma.offer.findUnique({ where: { id: offerId }, select: { id: true, providerId: true } });
  if (!offer || (viewer.role === "PROVIDER" && offer.providerId !== viewer.providerId))
    throw notFound("Angebot", offerId);
  const open = await db.prisma.objection.findFirst({
    where: { offerId, providerId: offer.providerId, status: "OPEN" },
  });
  if (open) throw hubError("CONFLICT", "Zu diesem Angebot liegt bereits ein offener Einspruch vor.");
  const objection = await db.prisma.objection.create({
    data: { offerId, providerId: offer.providerId, message: text_ },
  });
  await recordAudit(db, viewer, {
    action: "objection.create",
    entityType: "Offer",
    entityId: offerId,
    after: { objectionId: objection.id, message: text_ },
  });
  return objection;
}
