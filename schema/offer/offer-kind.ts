/** What kind of event an offer is; read from the offer's own words by the normaliser. */
export const OFFER_KINDS = [
  "SEMINAR", // Seminar, Workshop, Kurs (one or a few days)
  "MODULE_SERIES", // Reihe, Modulreihe, several linked dates
  "CERTIFICATE_COURSE", // Zertifikatskurs, Lehrgang, Weiterbildung mit Abschluss
  "CONFERENCE", // Fachtag, Tagung, Kongress, Forum
  "WEBINAR", // Webinar, Online-Seminar, digitale Veranstaltung
  "NETWORK_MEETING", // Netzwerktreffen, Austauschtreffen, Werkstatt
  "IN_HOUSE", // Inhouse-Schulung, auf Anfrage buchbar
  "OTHER",
] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

/** Lifecycle of a stored offer: withdrawn offers are kept with the date they vanished. */
export const OFFER_STATUSES = ["ACTIVE", "WITHDRAWN"] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
