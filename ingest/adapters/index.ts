/**
 * The adapter registry: one adapter per feed kind, and kind detection for feeds whose
 * kind the operator has not set (uploads, new providers).
 */
import { csvAdapter } from "./csv/index.ts";
import { graphqlAdapter } from "./graphql/index.ts";
import { htmlAdapter } from "./html/index.ts";
import { icalAdapter } from "./ical/index.ts";
import { jsonldAdapter } from "./jsonld/index.ts";
import { openqcatAdapter } from "./openqcat/index.ts";
import { rssAdapter } from "./rss/index.ts";
import type { FeedAdapter, FeedInput, FeedKind } from "./types.ts";
import { xlsxAdapter } from "./xlsx/index.ts";

export const ADAPTERS: Record<FeedKind, FeedAdapter> = {
  JSONLD: jsonldAdapter,
  ICAL: icalAdapter,
  RSS: rssAdapter,
  CSV: csvAdapter,
  XLSX: xlsxAdapter,
  OPENQCAT: openqcatAdapter,
  HTML: htmlAdapter,
  GRAPHQL: graphqlAdapter,
};

export function adapterFor(kind: FeedKind): FeedAdapter {
  return ADAPTERS[kind];
}

/** Below this, detection answers null and an operator must set the kind. */
export const MIN_CONFIDENCE = 0.3;

/** What the transport says: Content-Type and file extension, per kind. */
const HINTS: readonly { kind: FeedKind; contentType?: RegExp; url?: RegExp }[] = [
  { kind: "ICAL", contentType: /text\/calendar|application\/ics/i, url: /\.(ics|ical|ifb)(\?|#|$)/i },
  { kind: "CSV", contentType: /text\/(csv|tab-separated-values)|application\/csv/i, url: /\.(csv|tsv)(\?|#|$)/i },
  { kind: "XLSX", contentType: /spreadsheetml|application\/vnd\.ms-excel/i, url: /\.xlsx(\?|#|$)/i },
  { kind: "OPENQCAT", url: /open-?qcat/i },
  { kind: "RSS", contentType: /application\/(rss|atom)\+xml/i, url: /\.(rss|atom)(\?|#|$)|\/feed\/?(\?|#|$)/i },
  { kind: "JSONLD", contentType: /application\/ld\+json/i, url: /\.jsonld(\?|#|$)/i },
  { kind: "GRAPHQL", contentType: /application\/graphql-response\+json/i, url: /\/graphql\/?(\?|#|$)/i },
];

/** On equal confidence the more specific format wins; HTML is the fallback of last resort. */
const PRIORITY: readonly FeedKind[] = ["OPENQCAT", "ICAL", "XLSX", "RSS", "JSONLD", "GRAPHQL", "CSV", "HTML"];

const HINT_ONLY = 0.35;
const HINT_BONUS = 0.1;

function hinted(kind: FeedKind, input: FeedInput): boolean {
  return HINTS.some(
    (h) =>
      h.kind === kind && ((h.contentType?.test(input.contentType ?? "") ?? false) || (h.url?.test(input.url) ?? false)),
  );
}

/** An adapter's own verdict; a detector that throws counts as "not mine". */
function safeDetect(adapter: FeedAdapter, input: FeedInput): number {
  try {
    const score = adapter.detect(input);
    return Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
  } catch {
    return 0;
  }
}

/**
 * The most likely kind of a feed. Content decides; transport hints add a little, and stand
 * alone only when there is no content to look at. A content verdict of 0 is final.
 */
export function detectKind(input: FeedInput): { kind: FeedKind; confidence: number } | null {
  const hasContent = input.text.trim() !== "" || input.bytes.byteLength > 0;
  let best: { kind: FeedKind; confidence: number } | null = null;
  for (const kind of PRIORITY) {
    const score = safeDetect(ADAPTERS[kind], input);
    const hint = hinted(kind, input);
    const confidence = hasContent
      ? score > 0
        ? Math.min(1, score + (hint ? HINT_BONUS : 0))
        : 0
      : hint
        ? HINT_ONLY
        : 0;
    if (best === null || confidence > best.confidence) best = { kind, confidence };
  }
  return best !== null && best.confidence >= MIN_CONFIDENCE ? best : null;
}
