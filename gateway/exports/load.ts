import type { Database } from "../../prisma/database.ts";
import { OFFER_INCLUDE } from "../../schema/offer/offer.service.ts";
import { overviewOfferOf, type OverviewOffer } from "./offers.ts";

/** An export is a document for people, not a dump: beyond this the overview is cut and says so. */
export const MAX_OVERVIEW_OFFERS = 20_000;

/**
 * Current offers: active, relevant, not a duplicate, and not over yet — running into
 * the future, starting in it, or without dates (offered on request).
 */
export async function loadCurrentOffers(
  db: Database,
  now: Date,
): Promise<{ offers: OverviewOffer[]; truncated: boolean }> {
  const rows = await db.prisma.offer.findMany({
    where: {
      status: "ACTIVE",
      relevant: true,
      duplicateOfId: null,
      OR: [{ lastEnd: { gte: now } }, { lastEnd: null, firstStart: { gte: now } }, { firstStart: null, lastEnd: null }],
    },
    include: OFFER_INCLUDE,
    orderBy: [{ firstStart: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: MAX_OVERVIEW_OFFERS + 1,
  });
  return {
    offers: rows.slice(0, MAX_OVERVIEW_OFFERS).map(overviewOfferOf),
    truncated: rows.length > MAX_OVERVIEW_OFFERS,
  };
}
