/**
 * Shapes exchanged with the ingest port (schema/common/context.ts). Structural copies of
 * ingest's OfferDraft subset and preview output, so schema/ never imports ingest/; the
 * port implementation in gateway/ingest-port.ts is checked against both sides.
 */

export interface PushedSessionDraft {
  start: string;
  end?: string | null;
  allDay?: boolean;
}

/** One offer a provider pushes through `upsertOffers`, before normalisation. */
export interface PushedOfferDraft {
  sourceKey: string;
  title: string;
  url?: string;
  description?: string;
  sessions: PushedSessionDraft[];
  dateText?: string;
  location?: { name?: string; street?: string; postalCode?: string; locality?: string };
  locationText?: string;
  attendance?: "ONLINE" | "OFFLINE" | "MIXED";
  price?: { amount: number; currency: string };
  priceText?: string;
  teachingUnits?: number;
  registrationUrl?: string;
  keywords?: string[];
}

/** A German note about one field of one item (or of the whole feed when sourceKey is null). */
export interface FieldWarning {
  sourceKey: string | null;
  field: string | null;
  message: string;
}

export interface PushOutcome {
  runId: string;
  created: number;
  changed: number;
  unchanged: number;
  rejected: number;
  rejections: { sourceKey: string; reason: string }[];
  warnings: FieldWarning[];
}

export interface PreviewSession {
  start: string;
  end: string | null;
  allDay: boolean;
}

export interface PreviewPlace {
  name: string | null;
  street: string | null;
  postalCode: string | null;
  municipality: string | null;
  districtKey: string | null;
  district: string | null;
}

export interface PreviewOffer {
  sourceKey: string;
  title: string;
  url: string | null;
  sessions: PreviewSession[];
  online: boolean;
  place: PreviewPlace | null;
  free: boolean;
  priceAmount: number | null;
  priceText: string | null;
  teachingUnits: number | null;
  relevant: boolean;
  moduleCodes: string[];
}

export interface PreviewResult {
  kind: string;
  offers: PreviewOffer[];
  warnings: FieldWarning[];
}

/**
 * Thrown by the port when a source cannot be fetched or read (refused address, HTTP
 * error, unknown format): its German message is meant for the provider. Any other
 * error stays internal.
 */
export class SourceUnreadableError extends Error {
  override name = "SourceUnreadableError";
}
