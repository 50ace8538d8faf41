/**
 * The contract between format adapters and the normaliser.
 *
 * An adapter turns the bytes of one feed into OfferDrafts: it keeps what the source says,
 * structured where the format gives structure (ISO dates in iCalendar, schema.org
 * `startDate`), as text where the source only has prose (an RSS item, an HTML page).
 * It never guesses: reading German dates out of prose, resolving places and prices is
 * the normaliser's job. Adapters are pure: no network, no clock, no database.
 */

export const FEED_KINDS = [
  "JSONLD", // HTML pages (or JSON documents) carrying schema.org Event/Course data
  "ICAL", // iCalendar (.ics)
  "RSS", // RSS 2.0 and Atom
  "CSV", // CSV/TSV exports
  "XLSX", // Excel workbooks
  "OPENQCAT", // open-Qcat XML (KURSNET upload format)
  "HTML", // plain HTML pages read with a per-feed selector config
  "GRAPHQL", // a provider's own GraphQL API, with a query and a field map
] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/** What the fetcher hands an adapter. `text` is already decoded with the detected charset. */
export interface FeedInput {
  /** The URL the content finally came from (after redirects), or `file:` for uploads. */
  url: string;
  /** Decoded text (for binary formats such as XLSX this is empty: use `bytes`). */
  text: string;
  /** Raw bytes as received (decompressed). */
  bytes: Uint8Array;
  /** The Content-Type header, if any. */
  contentType?: string;
}

/** One dated meeting as the source states it. */
export interface SessionDraft {
  /**
   * ISO 8601. With an offset or `Z` when the source says so; a local date-time without
   * offset ("2027-03-18T14:00") means Europe/Berlin wall time; a date alone
   * ("2027-03-18") is an all-day date.
   */
  start: string;
  /** Same forms as `start`. For all-day ranges this is the last day itself (inclusive). */
  end?: string | null;
  allDay?: boolean;
}

export interface LocationDraft {
  name?: string;
  street?: string;
  postalCode?: string;
  locality?: string;
  region?: string;
  country?: string;
  latitude?: number;
  longitude?: number;
}

export interface OfferDraft {
  /** Stable key of the item within its feed (GUID, UID, PRODUCT_ID, @id, URL). */
  sourceKey: string;
  title: string;
  url?: string;
  /** The description as the source has it: HTML or plain text (sanitised later). */
  description?: string;
  /** Structured dates, where the format has them. */
  sessions: SessionDraft[];
  /** Date/time prose to be read by the normaliser ("Do., 18. März 2027, 14–17:30 Uhr"). */
  dateText?: string;
  location?: LocationDraft;
  /** Place prose ("Hospitalhof Stuttgart, Büchsenstr. 33, 70174 Stuttgart" or "online"). */
  locationText?: string;
  /** Explicit online/attendance information from the format (VirtualLocation, eventAttendanceMode). */
  attendance?: "ONLINE" | "OFFLINE" | "MIXED";
  /** Price as structured data (schema.org Offer), amount in the given currency. */
  price?: { amount: number; currency: string };
  /** Price prose ("120 € (ermäßigt 80 €)", "kostenfrei"). */
  priceText?: string;
  /** Teaching units stated as a number by the format, or prose ("16 UE", "2 Tage à 6 WSt."). */
  teachingUnits?: number;
  teachingUnitsText?: string;
  /** Audience prose or list items ("Ehrenamtliche", "Mitarbeitende aus Kommunen"). */
  audienceText?: string[];
  /** The provider's own keywords/categories/tags (strong evidence for classification). */
  keywords?: string[];
  organizer?: string;
  registrationUrl?: string;
  /** Registration deadline as ISO date or prose. */
  registrationDeadline?: string;
  /** Any other text worth reading (kind of event, funding notes, accessibility). */
  notes?: string[];
  /** The source's fields that were not mapped, kept for provenance and review. */
  extra?: Record<string, string>;
}

export interface ParseWarning {
  /** The item concerned, when the warning is about one item. */
  sourceKey?: string;
  /** The field concerned ("startDate", "PLZ", …). */
  field?: string;
  /** German, for providers and analysts ("Beginn fehlt", "Datum nicht lesbar: …"). */
  message: string;
}

export interface ParseResult {
  offers: OfferDraft[];
  warnings: ParseWarning[];
  /**
   * true: the feed lists every current offer (a snapshot) so offers missing from it are
   * withdrawn. false: a delta (open-Qcat UPDATE_CATALOG) that only adds/changes and names
   * its deletions explicitly in `deletedKeys`.
   */
  complete: boolean;
  deletedKeys?: string[];
  /** Detail pages to fetch one level deep (HTML adapter), keyed to the draft they complete. */
  detailRequests?: { sourceKey: string; url: string }[];
}

/** A format adapter. `parse` is pure; a feed's per-kind options arrive as `config`. */
export interface FeedAdapter<Config = Record<string, unknown>> {
  kind: FeedKind;
  /** Bumped whenever the adapter's output for the same input changes (recorded as provenance). */
  version: string;
  /** How sure (0..1) the adapter is that this input is its format; used by kind detection. */
  detect(input: FeedInput): number;
  parse(input: FeedInput, config?: Config): ParseResult | Promise<ParseResult>;
}
