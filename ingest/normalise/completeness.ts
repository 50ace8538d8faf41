import type { Completeness, NormalisedOffer } from "./types.ts";

type Facts = Omit<Completeness, "score">;

/** Which facts a person needs to decide are known; the score is their share (two decimals). */
export function completenessOf(offer: Omit<NormalisedOffer, "completeness" | "provenance">): Completeness {
  const facts: Facts = {
    what: offer.title.trim() !== "" && offer.description.trim() !== "",
    when: offer.sessions.length > 0,
    where:
      offer.online ||
      !!(offer.location && (offer.location.municipality || offer.location.districtKey || offer.location.postalCode)),
    price: offer.free || offer.price !== null,
    hours: offer.teachingUnits !== null,
    audience: offer.audiences.length > 0,
    registration: !!(offer.registrationUrl || offer.registrationDeadline),
  };
  const values = Object.values(facts);
  const score = Math.round((values.filter(Boolean).length / values.length) * 100) / 100;
  return { ...facts, score };
}
