import type { Database } from "../../prisma/database.ts";
import type { PushedOfferDraft, PushOutcome } from "../feed/port.types.ts";

/** Who is asking. Public is the default; tokens and dashboard logins give the others. */
export type Viewer =
  | { role: "PUBLIC" }
  | { role: "ADMIN" | "ANALYST"; id: string; name: string }
  | { role: "PROVIDER"; id: string; name: string; providerId: string };

/**
 * What resolvers may ask of ingest, without schema/ importing ingest/ (dependencies
 * point gateway → schema and ingest → schema). The gateway wires the implementation.
 */
export interface IngestPort {
  /** Fetch and parse a feed without storing: what a provider sees before saving. */
  preview(source: {
    url?: string | null;
    upload?: { name: string; bytes: Uint8Array } | null;
    kind?: string | null;
    config?: unknown;
  }): Promise<unknown>;
  /** Run one feed now; resolves with the run summary. */
  runFeed(feedId: string, trigger: "MANUAL"): Promise<unknown>;
  /** Refuses URLs the fetcher would refuse (scheme, credentials, private addresses). */
  assertFetchableUrl(url: string): Promise<void>;
  /** German problems with a feed's per-kind config (HTML selectors, GraphQL query); empty when fine. */
  validateConfig?(kind: string, config: unknown): string[];
  /** Normalises pushed offers exactly as ingest does and stores them on the given PUSH feed. */
  storePushed?(feedId: string, providerId: string, drafts: PushedOfferDraft[]): Promise<PushOutcome>;
}

/** What every resolver receives: the database, the viewer, the clock; nothing global. */
export interface HubContext {
  db: Database;
  viewer: Viewer;
  /** The request's clock, injected so tests can fix "now". */
  now: () => Date;
  /** Present where the gateway wired ingest (serve, tests that need it). */
  ingest?: IngestPort;
  /** Anonymous demand counters (schema/demand); absent where nothing is recorded. */
  demand?: DemandSink;
}

/** The place part of a search or learning-path request, as the person gave it. */
export interface DemandPlace {
  postcode?: string | null;
  municipality?: string | null;
  municipalityKey?: string | null;
  districtKey?: string | null;
}

/** Where resolvers report what was looked for; implemented in schema/demand, wired by the gateway. */
export interface DemandSink {
  /** A matchOffers request: its wanted modules, place and free text, and how many offers it found. */
  search(
    request: { modules?: readonly string[] | null; place?: DemandPlace | null; text?: string | null } | null,
    totalCount: number,
  ): void;
  /** A learningPath request whose path left these modules uncovered. */
  uncoveredPath(request: { place?: DemandPlace | null } | null, moduleCodes: readonly string[]): void;
}

export const isStaff = (viewer: Viewer): boolean => viewer.role === "ADMIN" || viewer.role === "ANALYST";
