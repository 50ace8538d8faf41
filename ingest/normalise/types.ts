import type { AudienceCode } from "../../schema/taxonomy/codes.ts";
import type { OfferKind } from "../../schema/offer/offer-kind.ts";

/**
 * One offer in the hub's own shape: what the normaliser makes of an OfferDraft and what
 * the store writes. The JSON of `hub preview --json` is this shape (plus classification).
 */

export interface NormalisedSession {
  /** ISO 8601 with the Europe/Berlin offset of that day ("2027-03-18T14:00:00+01:00"). */
  start: string;
  end: string | null;
  allDay: boolean;
}

export interface NormalisedLocation {
  name: string | null;
  street: string | null;
  postalCode: string | null;
  municipality: string | null;
  /** Amtlicher Gemeindeschlüssel (8 digits), e.g. "08117009". */
  municipalityKey: string | null;
  /** Kreisschlüssel (5 digits), e.g. "08117" for Landkreis Göppingen. */
  districtKey: string | null;
  district: string | null;
  /** Regierungsbezirk name: Stuttgart, Karlsruhe, Freiburg or Tübingen. */
  region: string | null;
  /** Regierungsbezirk key (3 digits), e.g. "081". */
  regionKey: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface Provenance {
  sourceUrl: string;
  fetchedAt: string;
  adapter: string;
  adapterVersion: string;
}

/** Which of the facts a person needs to decide are known. */
export interface Completeness {
  what: boolean; // title and a description
  when: boolean; // at least one dated session
  where: boolean; // a place, or online
  price: boolean; // a price or free
  hours: boolean; // teaching units
  audience: boolean;
  registration: boolean; // a registration link, deadline or contact
  /** Share of the above that are known, 0..1. */
  score: number;
}

export interface NormalisedOffer {
  sourceKey: string;
  title: string;
  url: string | null;
  /** Sanitised HTML: no script, no event handlers, no javascript: links. */
  descriptionHtml: string;
  /** Plain text of the description. */
  description: string;
  sessions: NormalisedSession[];
  online: boolean;
  hybrid: boolean;
  location: NormalisedLocation | null;
  free: boolean;
  price: { amount: number; currency: "EUR" } | null;
  priceText: string | null;
  teachingUnits: number | null;
  audiences: AudienceCode[];
  kind: OfferKind | null;
  /** Funding notes found ("Landesförderung Quartiersakademie", "Bildungszeit"). */
  funding: string[];
  accessibility: string | null;
  registrationUrl: string | null;
  registrationDeadline: string | null;
  keywords: string[];
  organizer: string | null;
  provenance: Provenance;
  completeness: Completeness;
  /** German warnings for what could not be read; the raw text is kept in `raw`. */
  warnings: string[];
  /** Raw source values that could not be parsed, by field, kept instead of guessed. */
  raw: Record<string, string>;
}
