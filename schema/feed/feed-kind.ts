/**
 * The feed kinds a provider may choose: ingest's FEED_KINDS (ingest/adapters/types.ts),
 * repeated here because schema/ does not import ingest/; a test keeps both equal. PUSH
 * is not among them: the hub creates that feed itself on the first upsertOffers.
 */
export const PROVIDER_FEED_KINDS = ["JSONLD", "ICAL", "RSS", "CSV", "XLSX", "OPENQCAT", "HTML", "GRAPHQL"] as const;
export type ProviderFeedKind = (typeof PROVIDER_FEED_KINDS)[number];

export const isProviderFeedKind = (value: string): value is ProviderFeedKind =>
  (PROVIDER_FEED_KINDS as readonly string[]).includes(value);
