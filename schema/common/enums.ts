import { registerEnumType } from "type-graphql";
import { AUDIENCE_CODES, LEARNING_FORMAT_CODES, ROLE_CODES } from "../taxonomy/codes.ts";
import { OFFER_KINDS, OFFER_STATUSES } from "../offer/offer-kind.ts";

/** type-graphql registers enums from objects; ours are const arrays shared with the data layer. */
function enumObject<const T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
}

export const LearningFormatEnum = enumObject(LEARNING_FORMAT_CODES);
export const RoleEnum = enumObject(ROLE_CODES);
export const AudienceEnum = enumObject(AUDIENCE_CODES);
export const OfferKindEnum = enumObject(OFFER_KINDS);
export const OfferStatusEnum = enumObject(OFFER_STATUSES);
export const ProviderStatusEnum = enumObject(["PENDING", "APPROVED", "REJECTED"] as const);
export const AssignmentSourceEnum = enumObject(["AUTOMATIC", "ANALYST", "PROVIDER"] as const);

registerEnumType(LearningFormatEnum, {
  name: "LearningFormat",
  description: "Lernformat: Einführungs-, Basis- oder Vertiefungsqualifizierung.",
});
registerEnumType(RoleEnum, {
  name: "Role",
  description: "Aufgabenfeld: Quartierskoordination (ein Quartier) oder Quartierssteuerung (die ganze Kommune).",
});
registerEnumType(AudienceEnum, { name: "Audience", description: "Zielgruppe laut Leitfaden." });
registerEnumType(OfferKindEnum, { name: "OfferKind", description: "Art des Angebots." });
registerEnumType(OfferStatusEnum, {
  name: "OfferStatus",
  description: "ACTIVE oder WITHDRAWN (aus dem Feed verschwunden, aufbewahrt).",
});
registerEnumType(ProviderStatusEnum, { name: "ProviderStatus" });
registerEnumType(AssignmentSourceEnum, {
  name: "AssignmentSource",
  description: "Wer die Zuordnung getroffen hat: automatisch, Analyst*in oder Anbieter.",
});
