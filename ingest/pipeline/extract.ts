import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { FeedAdapter, FeedInput, FeedKind, OfferDraft, ParseResult, ParseWarning } from "../adapters/types.ts";
import { FEED_KINDS } from "../adapters/types.ts";
import { adapterFor, detectKind } from "../adapters/index.ts";
import { buildGraphqlRequest, nextCursor, parseGraphqlConfig } from "../adapters/graphql/index.ts";
import { mergeDetail, parseHtmlConfig } from "../adapters/html/index.ts";
import type { Fetcher, FetchResult } from "../fetch/fetcher.ts";
import { FetchError } from "../fetch/errors.ts";
import { normaliseOffer } from "../normalise/normalise.ts";
import type { NormalisedOffer } from "../normalise/types.ts";
import { classifyOffer, type Classification } from "../../schema/classification/classifier.ts";
import { KNOWLEDGE_VERSION } from "../../schema/classification/knowledge.data.ts";
import { contentHash as offerHash, stableJson } from "../normalise/normalise.ts";
/**
 * Stage one of ingest, shared by `hub preview`, the provider's preview and every run:
 * feed bytes → adapter → normaliser → classifier. Nothing here writes; the store does.
 * The only network access goes through the injected fetcher.
 */

export interface ProcessedOffer extends NormalisedOffer {
  classification: Classification;
  contentHash: string;
  /** See PreviousDraft; null for offers that did not come from a feed (pushed offers). */
  draftHash?: string | null;
  /** When the item's HTML detail page was read (null: it has none, or it was not read). */
  detailReadAt?: Date | null;
}

/** What the last run stored for an active item: its draft hash and when its detail page was read. */
export interface PreviousDraft {
  draftHash: string;
  detailReadAt: Date | null;
}

export interface ExtractResult {
  /** null when the feed answered 304 Not Modified: nothing to do. */
  offers: ProcessedOffer[] | null;
  warnings: ParseWarning[];
  kind: FeedKind;
  adapterVersion: string;
  complete: boolean;
  deletedKeys: string[];
  fetch: Pick<FetchResult, "url" | "etag" | "lastModified" | "contentHash" | "fetchedAt"> | null;
  /**
   * The feed's bytes together with the versions of everything that reads them: equal
   * fingerprints mean an unchanged feed would be read the same way again.
   */
  fingerprint: string | null;
  /**
   * Items whose draft hash equals the stored one: not normalised, classified or returned;
   * the store counts them unchanged and keeps them listed.
   */
  unchangedKeys: string[];
  /** Unchanged items whose detail page was read again: the store records when. */
  detailReadKeys: string[];
  /** The worker thread that read the feed (set by the extract pool; absent inline). */
  threadId?: number;
}

export interface FeedSource {
  /** http(s) URL, or a local path / file: URL for `hub preview` of a saved file. */
  url: string | null;
  /** Uploaded bytes (a provider's spreadsheet), used instead of fetching. */
  upload?: { name: string; bytes: Uint8Array } | null;
  kind?: FeedKind | null;
  config?: unknown;
  etag?: string | null;
  lastModified?: string | null;
  /** The fingerprint of the last successful run: when equal, nothing is parsed. */
  previousFingerprint?: string | null;
  /** The active items' stored draft hashes (by source key): equal items are skipped. */
  previousDrafts?: ReadonlyMap<string, PreviousDraft> | null;
}

export interface ExtractDeps {
  fetcher: Fetcher;
  now: () => Date;
  /** Cap on detail pages followed per run (HTML adapter), to stay polite. */
  maxDetailPages?: number;
  /** Cap on pages of a paginated GraphQL catalogue. */
  maxGraphqlPages?: number;
  /**
   * How long the detail page of an unchanged list entry is trusted (default 7 days): a
   * provider may edit a detail page without touching its list, so it is re-read after this.
   */
  detailMaxAgeMs?: number;
}

const DEFAULT_DETAIL_MAX_AGE_MS = 7 * 86_400_000;

const EMPTY: Uint8Array = new Uint8Array();

export async function extractFeed(source: FeedSource, deps: ExtractDeps): Promise<ExtractResult> {
  const first = await load(source, deps);
  if (first.notModified) {
    return unchanged(source.kind ?? "HTML", "", first.meta, source.previousFingerprint ?? null);
  }
  const kind = source.kind ?? detectKind(first.input)?.kind;
  if (!kind) {
    throw new UnreadableFeedError(
      "Das Format des Feeds wurde nicht erkannt (erwartet: schema.org JSON-LD, iCalendar, RSS/Atom, CSV, XLSX, open-Qcat, HTML mit Selektoren oder GraphQL).",
    );
  }
  const adapter = adapterFor(kind);
  const fingerprint = first.meta ? `${first.meta.contentHash}|${readerSignature(kind, source.config)}` : null;
  // Servers without ETag/Last-Modified: the same bytes read by the same code give the same offers.
  if (fingerprint && fingerprint === source.previousFingerprint && kind !== "GRAPHQL") {
    // An HTML list page also stands for its detail pages, as long as they are fresh enough.
    if (kind !== "HTML" || detailsFresh(source, first.meta?.fetchedAt ?? deps.now(), deps))
      return unchanged(kind, adapter.version, first.meta, fingerprint);
  }
  const parsed =
    kind === "GRAPHQL"
      ? await parseGraphqlPages(first.input, source, adapter, deps)
      : await adapter.parse(first.input, source.config as never);
  assertReadable(parsed, kind);
  const fetchedAt = first.meta?.fetchedAt ?? deps.now();
  const signature = readerSignature(kind, source.config);
  const previous = source.previousDrafts ?? new Map<string, PreviousDraft>();
  const listHashes = new Map(parsed.offers.map((d) => [d.sourceKey, draftHash(d, signature)]));
  const detailed = kind === "HTML" && (parsed.detailRequests?.length ?? 0) > 0;
  // A list entry as it was read last time, with a detail page read recently enough: the
  // detail page is not fetched again and the item is unchanged.
  const maxAge = deps.detailMaxAgeMs ?? DEFAULT_DETAIL_MAX_AGE_MS;
  const trusted = new Set<string>();
  if (detailed) {
    for (const [key, listHash] of listHashes) {
      const before = previous.get(key);
      const readAt = before?.detailReadAt?.getTime();
      if (before?.draftHash.startsWith(`${listHash}:`) && readAt !== undefined && fetchedAt.getTime() - readAt < maxAge)
        trusted.add(key);
    }
  }
  const detailRead = new Set<string>();
  const drafts = kind === "HTML" ? await followDetails(parsed, source, deps, trusted, detailRead) : parsed.offers;
  const warnings = [...parsed.warnings, ...first.warnings.map((message) => ({ message }))];
  const offers: ProcessedOffer[] = [];
  const unchangedKeys: string[] = [];
  const detailReadKeys: string[] = [];
  for (const draft of drafts) {
    const key = draft.sourceKey;
    if (trusted.has(key)) {
      unchangedKeys.push(key);
      continue;
    }
    const listHash = listHashes.get(key) ?? draftHash(draft, signature);
    const hash = detailed ? `${listHash}:${draftHash(draft, signature)}` : listHash;
    const read = detailRead.has(key) ? fetchedAt : null;
    if (previous.get(key)?.draftHash === hash) {
      unchangedKeys.push(key);
      if (read) detailReadKeys.push(key);
      continue;
    }
    const offer = process(draft, {
      sourceUrl: first.input.url,
      fetchedAt,
      adapter: kind,
      adapterVersion: adapter.version,
      referenceDate: fetchedAt,
    });
    offers.push({ ...offer, draftHash: hash, detailReadAt: read });
  }
  return {
    unchangedKeys,
    detailReadKeys,
    offers,
    warnings,
    kind,
    adapterVersion: adapter.version,
    complete: parsed.complete,
    deletedKeys: parsed.deletedKeys ?? [],
    fetch: first.meta,
    fingerprint,
  };
}

/**
 * Everything besides the bytes that decides what a feed's offers are: the format, the
 * adapter's version, the classifier's knowledge and the feed's own configuration (a new
 * column map or selector must re-read an unchanged file).
 */
function readerSignature(kind: FeedKind, config: unknown): string {
  return `${kind}@${adapterFor(kind).version}|${KNOWLEDGE_VERSION}|cfg:${configHash(config)}`;
}

function configHash(config: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, v]) => [k, canonical(v)]),
      );
    }
    return value;
  };
  const normalised = config === null || config === undefined ? {} : canonical(config);
  return createHash("sha1").update(JSON.stringify(normalised)).digest("hex").slice(0, 16);
}

/**
 * A conditional request (If-None-Match / If-Modified-Since) is only worth sending when
 * the last successful run read the feed exactly as this one would: otherwise a 304 would
 * keep offers read by an old adapter, old knowledge or an old configuration for ever.
 */
function mayAskConditionally(source: FeedSource): boolean {
  const previous = source.previousFingerprint;
  if (!previous) return false;
  const previousKind = previous.split("|")[1]?.split("@")[0] ?? "";
  if (!isFeedKind(previousKind)) return false;
  if (source.kind && source.kind !== previousKind) return false;
  return previous.endsWith(`|${readerSignature(previousKind, source.config)}`);
}

/**
 * An unchanged HTML list page may skip parsing when it has no detail pages, or when every
 * stored item's detail page was read within the maximum age.
 */
function detailsFresh(source: FeedSource, at: Date, deps: ExtractDeps): boolean {
  const checked = parseHtmlConfig(source.config);
  if (!checked.ok) return false;
  if (!checked.config.detail) return true;
  const drafts = source.previousDrafts;
  if (!drafts?.size) return false;
  const maxAge = deps.detailMaxAgeMs ?? DEFAULT_DETAIL_MAX_AGE_MS;
  for (const draft of drafts.values()) {
    const readAt = draft.detailReadAt?.getTime();
    if (readAt === undefined || at.getTime() - readAt >= maxAge) return false;
  }
  return true;
}

/**
 * The item as the adapter read it, with everything that reads it further (adapter,
 * knowledge and config versions): equal hashes give equal offers.
 */
function draftHash(draft: OfferDraft, signature: string): string {
  return createHash("sha1").update(signature).update("\n").update(stableJson(draft)).digest("base64url");
}

function unchanged(
  kind: FeedKind,
  adapterVersion: string,
  meta: ExtractResult["fetch"],
  fingerprint: string | null,
): ExtractResult {
  return {
    offers: null,
    warnings: [],
    kind,
    adapterVersion,
    complete: false,
    deletedKeys: [],
    fetch: meta,
    fingerprint,
    unchangedKeys: [],
    detailReadKeys: [],
  };
}

/** A feed whose content cannot be read at all: a run fails with this message, nothing withdrawn. */
export class UnreadableFeedError extends Error {}

/**
 * No offer, no deletion, and the adapter complained about the document itself (not about
 * one item): the document is unreadable, and the run must fail with the adapter's words
 * rather than succeed as an empty feed. A feed that is merely empty (an RSS channel
 * without items) says nothing and passes: the store then withdraws nothing.
 */
function assertReadable(parsed: ParseResult, kind: FeedKind): void {
  if (parsed.offers.length > 0 || (parsed.deletedKeys?.length ?? 0) > 0) return;
  const problems = parsed.warnings.filter((w) => !w.sourceKey).map((w) => w.message);
  if (!problems.length) return;
  const shown = problems.slice(0, 3).join("; ");
  const more = problems.length > 3 ? ` (und ${problems.length - 3} weitere Hinweise)` : "";
  throw new UnreadableFeedError(
    `Der Feed (${kind}) konnte nicht gelesen werden, es wurde nichts geändert: ${shown}${more}`,
  );
}

function process(draft: OfferDraft, ctx: Parameters<typeof normaliseOffer>[1]): ProcessedOffer {
  const offer = normaliseOffer(draft, ctx);
  const classification = classifyOffer({
    id: offer.sourceKey,
    title: offer.title,
    description: offer.description,
    provider: offer.organizer ?? undefined,
    keywords: offer.keywords,
    audience: draft.audienceText,
    durationText: draft.teachingUnitsText,
    teachingUnits: offer.teachingUnits,
  });
  // The stored hash covers the classifier's knowledge too, so a new knowledge version
  // re-classifies items whose text did not change.
  return { ...offer, classification, contentHash: `${offerHash(offer)}:${classification.knowledgeVersion}` };
}

interface Loaded {
  input: FeedInput;
  notModified: boolean;
  warnings: string[];
  meta: ExtractResult["fetch"];
}

async function load(source: FeedSource, deps: ExtractDeps): Promise<Loaded> {
  if (source.upload) {
    const bytes = source.upload.bytes;
    return { input: decodeLocal(`upload:${source.upload.name}`, bytes), notModified: false, warnings: [], meta: null };
  }
  if (!source.url) throw new UnreadableFeedError("Der Feed hat weder eine URL noch eine hochgeladene Datei.");
  if (isLocalPath(source.url)) {
    const file = source.url.startsWith("file:") ? new URL(source.url).pathname : path.resolve(source.url);
    const bytes = new Uint8Array(await readFile(file));
    return { input: decodeLocal(`file://${file}`, bytes), notModified: false, warnings: [], meta: null };
  }
  const request = source.kind === "GRAPHQL" ? graphqlRequest(source.config, undefined) : undefined;
  const result = await deps.fetcher.fetch(source.url, {
    ...request,
    ...(mayAskConditionally(source) ? { etag: source.etag, lastModified: source.lastModified } : {}),
    kind: source.kind ?? undefined,
  });
  const meta = {
    url: result.url,
    etag: result.etag,
    lastModified: result.lastModified,
    contentHash: result.contentHash,
    fetchedAt: result.fetchedAt,
  };
  return {
    input: { url: result.url, text: result.text, bytes: result.bytes, contentType: result.contentType },
    notModified: result.notModified,
    warnings: result.warnings,
    meta,
  };
}

function isLocalPath(url: string): boolean {
  return url.startsWith("file:") || !/^[a-z][a-z0-9+.-]*:/i.test(url);
}

function decodeLocal(url: string, bytes: Uint8Array): FeedInput {
  // Local files and uploads: UTF-8 when valid, else Windows-1252 (the common German export).
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  const valid = !text.includes("\uFFFD");
  return { url, bytes, text: valid ? text : new TextDecoder("windows-1252").decode(bytes) };
}

function graphqlRequest(config: unknown, cursor: string | undefined) {
  const parsed = parseGraphqlConfig(config);
  if (!parsed.ok) throw new UnreadableFeedError(`GraphQL-Konfiguration ungültig: ${parsed.errors.join("; ")}`);
  return buildGraphqlRequest(parsed.config, cursor);
}

async function parseGraphqlPages(
  firstPage: FeedInput,
  source: FeedSource,
  adapter: FeedAdapter,
  deps: ExtractDeps,
): Promise<ParseResult> {
  const parsed = parseGraphqlConfig(source.config);
  if (!parsed.ok) throw new UnreadableFeedError(`GraphQL-Konfiguration ungültig: ${parsed.errors.join("; ")}`);
  const maxPages = parsed.config.pagination?.maxPages ?? deps.maxGraphqlPages ?? 50;
  const result = await adapter.parse(firstPage, source.config as never);
  let page = firstPage;
  for (let i = 1; i < maxPages; i++) {
    const cursor = nextCursor(page, parsed.config);
    if (!cursor || !source.url) break;
    const next = await deps.fetcher.fetch(source.url, {
      ...buildGraphqlRequest(parsed.config, cursor),
      kind: "GRAPHQL",
    });
    page = { url: next.url, text: next.text, bytes: next.bytes, contentType: next.contentType };
    const more = await adapter.parse(page, source.config as never);
    result.offers.push(...more.offers);
    result.warnings.push(...more.warnings);
  }
  return result;
}

async function followDetails(
  parsed: ParseResult,
  source: FeedSource,
  deps: ExtractDeps,
  trusted: ReadonlySet<string>,
  read: Set<string>,
): Promise<OfferDraft[]> {
  const requests = (parsed.detailRequests ?? []).filter((r) => !trusted.has(r.sourceKey));
  if (!requests.length) return parsed.offers;
  const max = deps.maxDetailPages ?? 300;
  const byKey = new Map(parsed.offers.map((d) => [d.sourceKey, d]));
  for (const request of requests.slice(0, max)) {
    const draft = byKey.get(request.sourceKey);
    if (!draft) continue;
    try {
      const page = await deps.fetcher.fetch(request.url, { kind: "HTML" });
      const input = { url: page.url, text: page.text, bytes: page.bytes ?? EMPTY, contentType: page.contentType };
      byKey.set(request.sourceKey, mergeDetail(draft, input, source.config as never));
      read.add(request.sourceKey);
    } catch (error) {
      // A broken detail page costs only its extra fields, never the offer.
      const reason = error instanceof FetchError ? error.message : String(error);
      parsed.warnings.push({
        sourceKey: request.sourceKey,
        field: "detail",
        message: `Detailseite nicht lesbar: ${reason}`,
      });
    }
  }
  if (requests.length > max) {
    parsed.warnings.push({ message: `Nur ${max} von ${requests.length} Detailseiten gelesen (Höflichkeitsgrenze).` });
  }
  return parsed.offers.map((d) => byKey.get(d.sourceKey) ?? d);
}

export const isFeedKind = (value: string): value is FeedKind => (FEED_KINDS as readonly string[]).includes(value);
