/**
 * The only module of the hub that opens network connections. Everything a provider's
 * server can do wrong ends here as a FetchError (code, German message, `retryable`):
 * see README.md for the guarantees and errors.ts for the catalogue.
 *
 * Request path: URL guard (literal + resolved address) → robots.txt → per-host queue →
 * undici request on an Agent whose DNS hook re-checks every address it connects to →
 * manual redirects, each hop through the URL guard again → raw body read under a byte
 * limit → our own decompression, counting decompressed bytes → charset decoding.
 */
import { createHash } from "node:crypto";
import type { LookupAddress, LookupOptions } from "node:dns";
import { isIP } from "node:net";
import { Agent, request } from "undici";
import { isBlockedAddress, isHostAllowed, parseAllowList, type AllowList } from "./address-guard.ts";
import { decompress, formatBytes, readLimited } from "./body.ts";
import { decodeBody } from "./charset.ts";
import { FetchError, findFetchError, type FetchErrorCode } from "./errors.ts";
import { createHostQueue, sleep } from "./host-queue.ts";
import { DEFAULT_BACKOFF, parseRetryAfter, RETRYABLE_STATUSES, retryDelay, type BackoffOptions } from "./retry.ts";
import { createRobotsCache } from "./robots.ts";
import { assertFetchableUrl, resolveHost, systemResolver, type Resolver } from "./url-guard.ts";

export type { AllowList } from "./address-guard.ts";
export type { Resolver } from "./url-guard.ts";
export { fetcherConfigFromEnv } from "./config.ts";

export interface FetchOptions {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** ETag of the last successful fetch: sent as If-None-Match. */
  etag?: string | null;
  /** Last-Modified of the last successful fetch: sent as If-Modified-Since. */
  lastModified?: string | null;
  /** Lower the configured byte limit for this request (never raise it above the config). */
  maxBytes?: number;
  /** The feed kind ("XLSX" etc.); binary kinds get no text decoding. */
  kind?: string;
}

export interface FetchResult {
  status: 200 | 304;
  /** The real HTTP status (any 2xx counts as success and maps to `status: 200`). */
  httpStatus: number;
  notModified: boolean;
  /** The final URL after redirects. */
  url: string;
  /** Decompressed bytes; empty for 304. */
  bytes: Uint8Array;
  /** Decoded text; empty for 304 and binary kinds. */
  text: string;
  /** Charset used for `text` ("binary" for binary kinds, "" for 304). */
  charset: string;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** sha256 hex of `bytes`. */
  contentHash: string;
  fetchedAt: Date;
  /** German notes for the provider (charset guesses, unreadable robots.txt). */
  warnings: string[];
}

export interface FetcherConfig {
  userAgent: string;
  allowHosts: AllowList;
  connectTimeoutMs: number;
  /** Overall limit per attempt, from the first byte sent to the last byte read, redirects included. */
  totalTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Refuse compressed bodies that expand more than this factor (checked above 1 MiB). */
  maxDecompressedRatio?: number;
  perHostDelayMs: number;
  /** Retries after the first attempt, for retryable errors only. */
  retries: number;
  respectRobots: boolean;
  now?: () => Date;
  /** DNS; injectable so tests never resolve or reach real hosts. */
  resolver?: Resolver;
  /** Backoff tuning (tests use a few milliseconds). */
  backoff?: Partial<BackoffOptions>;
  /** How long a robots.txt is trusted; default 24 h. */
  robotsTtlMs?: number;
}

export interface Fetcher {
  fetch(url: string, options?: FetchOptions): Promise<FetchResult>;
  close(): Promise<void>;
}

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const ROBOTS_MAX_BYTES = 512 * 1024; // RFC 9309 asks crawlers to read at least 500 KiB.
const MAX_CRAWL_DELAY_MS = 30_000;
const BINARY_KINDS: ReadonlySet<string> = new Set(["XLSX"]);
const BINARY_CONTENT_TYPES = /^(application\/(vnd\.openxmlformats|vnd\.ms-excel|zip|x-zip)|image\/|audio\/|video\/)/i;
// Headers the fetcher owns: the caller may not change who we say we are or which encodings we can count.
const RESERVED_HEADERS: ReadonlySet<string> = new Set([
  "user-agent",
  "accept-encoding",
  "host",
  "if-none-match",
  "if-modified-since",
  "content-length",
  "transfer-encoding",
  "connection",
]);
// Credentials never follow a redirect to another origin.
const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set(["authorization", "cookie", "proxy-authorization"]);

/** Low-level error codes (undici, Node sockets, DNS) → our code and whether trying again can help. */
const TRANSPORT_ERRORS: Record<string, readonly [FetchErrorCode, boolean, string]> = {
  UND_ERR_CONNECT_TIMEOUT: ["TIMEOUT", true, "Verbindungsaufbau"],
  UND_ERR_HEADERS_TIMEOUT: ["TIMEOUT", true, "keine Antwort-Header"],
  UND_ERR_BODY_TIMEOUT: ["TIMEOUT", true, "Antwort stockt"],
  ECONNREFUSED: ["CONNECT_FAILED", true, "Verbindung abgelehnt"],
  ECONNRESET: ["CONNECT_FAILED", true, "Verbindung zurückgesetzt"],
  EHOSTUNREACH: ["CONNECT_FAILED", true, "Host nicht erreichbar"],
  ENETUNREACH: ["CONNECT_FAILED", true, "Netz nicht erreichbar"],
  ETIMEDOUT: ["TIMEOUT", true, "Verbindungsaufbau"],
  EPIPE: ["CONNECT_FAILED", true, "Verbindung abgebrochen"],
  UND_ERR_SOCKET: ["CONNECT_FAILED", true, "Verbindung abgebrochen"],
  UND_ERR_CLOSED: ["CONNECT_FAILED", true, "Verbindung geschlossen"],
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: ["CONNECT_FAILED", true, "Antwort unvollständig"],
  UND_ERR_INVALID_ARG: ["INVALID_URL", false, "ungültige Anfrage (z. B. Steuerzeichen in einem Header)"],
  HPE_INVALID_CONSTANT: ["CONNECT_FAILED", false, "ungültige HTTP-Antwort"],
  ENOTFOUND: ["DNS_FAILURE", false, "Servername unbekannt"],
  EAI_AGAIN: ["DNS_FAILURE", true, "DNS vorübergehend nicht erreichbar"],
  ERR_TLS_CERT_ALTNAME_INVALID: ["CONNECT_FAILED", false, "TLS-Zertifikat passt nicht zum Servernamen"],
  CERT_HAS_EXPIRED: ["CONNECT_FAILED", false, "TLS-Zertifikat abgelaufen"],
  DEPTH_ZERO_SELF_SIGNED_CERT: ["CONNECT_FAILED", false, "selbst signiertes TLS-Zertifikat"],
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: ["CONNECT_FAILED", false, "TLS-Zertifikat nicht prüfbar"],
};

function errorCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    if ("code" in current && typeof current.code === "string") return current.code;
    current = current.cause;
  }
  return undefined;
}

/** Every error leaving the fetcher is a FetchError; a fired deadline is always TIMEOUT. */
function toFetchError(
  error: unknown,
  url: string,
  deadline: AbortSignal | undefined,
  totalTimeoutMs: number,
): FetchError {
  const known = findFetchError(error);
  // The connect-time DNS hook only knows the host name; give its errors the request URL.
  if (known) return known.url.startsWith("//") ? known.withUrl(url) : known;
  if (deadline?.aborted || (error instanceof Error && error.name === "TimeoutError")) {
    return new FetchError("TIMEOUT", {
      url,
      detail: `Gesamtzeit von ${totalTimeoutMs} ms überschritten`,
      cause: error,
    });
  }
  const mapped = TRANSPORT_ERRORS[errorCodeOf(error) ?? ""];
  if (mapped) {
    const [code, retryable, detail] = mapped;
    return new FetchError(code, { url, detail, retryable, cause: error });
  }
  return new FetchError("CONNECT_FAILED", {
    url,
    detail: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The DNS hook undici's sockets use. It resolves with the same resolver as the URL
 * guard and refuses if ANY answer is blocked, so the address connected to is always
 * one that was checked, even if the DNS answer changed since the guard ran (rebinding).
 * Literal IPs never reach this hook; the URL guard covers them.
 */
function guardedLookup(resolver: Resolver, allowHosts: AllowList) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    const url = `//${hostname}`;
    resolveHost(hostname, url, resolver).then(
      (addresses) => {
        const allowed = isHostAllowed(hostname, allowHosts);
        const blocked = allowed ? undefined : addresses.find(isBlockedAddress);
        if (blocked) {
          callback(
            new FetchError("BLOCKED_ADDRESS", { url, detail: `${hostname} → ${blocked} (beim Verbindungsaufbau)` }),
            "",
          );
          return;
        }
        const family = options.family === "IPv4" ? 4 : options.family === "IPv6" ? 6 : options.family;
        const usable = addresses
          .map((address) => ({ address, family: isIP(address) }))
          .filter((a) => a.family !== 0 && (!family || a.family === family));
        const first = usable[0];
        if (!first) {
          callback(new FetchError("DNS_FAILURE", { url, detail: hostname }), "");
        } else if (options.all) {
          callback(null, usable);
        } else {
          callback(null, first.address, first.family);
        }
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), ""),
    );
  };
}

interface Exchange {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Decompressed body, only for 2xx. */
  bytes?: Buffer;
}

export function createFetcher(config: FetcherConfig): Fetcher {
  const resolver = config.resolver ?? systemResolver;
  const now = config.now ?? (() => new Date());
  const backoff: BackoffOptions = { ...DEFAULT_BACKOFF, ...config.backoff };
  const agent = new Agent({
    connect: { timeout: config.connectTimeoutMs, lookup: guardedLookup(resolver, config.allowHosts) },
    // Idle timeouts only; the overall deadline is an AbortSignal per attempt.
    headersTimeout: config.totalTimeoutMs,
    bodyTimeout: config.totalTimeoutMs,
  });
  const queue = createHostQueue(config.perHostDelayMs);
  const robots = createRobotsCache({
    userAgent: config.userAgent,
    ttlMs: config.robotsTtlMs ?? 24 * 60 * 60 * 1000,
    failureTtlMs: Math.min(config.robotsTtlMs ?? Infinity, 60 * 60 * 1000),
    now: () => now().getTime(),
    load: async (robotsUrl) => (await attempt(robotsUrl, { maxBytes: ROBOTS_MAX_BYTES }, [], false)).text,
  });

  function buildHeaders(url: URL, options: FetchOptions, original: URL): Record<string, string> {
    const headers: Record<string, string> = {
      accept: "*/*",
      "accept-language": "de-DE,de;q=0.9,en;q=0.5",
    };
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      const key = name.toLowerCase();
      if (RESERVED_HEADERS.has(key)) continue;
      if (CREDENTIAL_HEADERS.has(key) && url.origin !== original.origin) continue;
      headers[key] = value;
    }
    headers["user-agent"] = config.userAgent;
    headers["accept-encoding"] = "gzip, deflate, br";
    if (options.etag) headers["if-none-match"] = options.etag;
    if (options.lastModified) headers["if-modified-since"] = options.lastModified;
    return headers;
  }

  /** One HTTP exchange, run inside the host's queue slot. */
  async function exchange(
    url: URL,
    method: string,
    body: string | undefined,
    headers: Record<string, string>,
    deadline: AbortSignal,
    maxBytes: number,
  ): Promise<Exchange> {
    const response = await request(url, { dispatcher: agent, method, headers, body, signal: deadline });
    const { statusCode: status } = response;
    if (status < 200 || status >= 300) {
      // Drain a little so the connection can be reused, then drop the rest.
      await response.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
      return { status, headers: response.headers };
    }
    const declared = Number(header(response.headers, "content-length"));
    if (Number.isFinite(declared) && declared > maxBytes) {
      response.body.destroy();
      throw new FetchError("TOO_LARGE", {
        url: url.href,
        detail: `angekündigt ${formatBytes(declared)}, Limit ${formatBytes(maxBytes)}`,
      });
    }
    const raw = await readLimited(response.body, maxBytes, url.href);
    const limits =
      config.maxDecompressedRatio === undefined ? { maxBytes } : { maxBytes, maxRatio: config.maxDecompressedRatio };
    const bytes = await decompress(raw, header(response.headers, "content-encoding"), limits, url.href);
    return { status, headers: response.headers, bytes };
  }

  /** One attempt: guard, robots, redirects; no retries. */
  async function attempt(
    url: string,
    options: FetchOptions,
    warnings: string[],
    checkRobots: boolean,
  ): Promise<FetchResult> {
    const original = await assertFetchableUrl(url, config.allowHosts, resolver);
    const maxBytes = Math.min(options.maxBytes ?? config.maxBytes, config.maxBytes);
    let current = original;
    let method: string = options.method ?? "GET";
    let body = options.body;
    let deadline: AbortSignal | undefined;

    try {
      for (let hop = 0; ; hop++) {
        let delayMs = config.perHostDelayMs;
        if (checkRobots) {
          const verdict = await robots.check(current);
          warnings.push(...verdict.warnings.filter((w) => !warnings.includes(w)));
          if (!verdict.allowed) throw new FetchError("ROBOTS_DISALLOWED", { url: current.href });
          if (verdict.crawlDelayMs !== undefined)
            delayMs = Math.max(delayMs, Math.min(verdict.crawlDelayMs, MAX_CRAWL_DELAY_MS));
        }
        const target = current;
        const headers = buildHeaders(target, options, original);
        // Politeness is per machine name; the port does not make it another server.
        const result = await queue.run(
          target.hostname,
          () => {
            // The clock starts when our request does, not while it waits for its turn.
            deadline ??= AbortSignal.timeout(config.totalTimeoutMs);
            return exchange(target, method, body, headers, deadline, maxBytes);
          },
          delayMs,
        );

        if (REDIRECT_STATUSES.has(result.status)) {
          const location = header(result.headers, "location");
          if (!location) {
            throw new FetchError("HTTP_STATUS", {
              url: target.href,
              status: result.status,
              detail: `HTTP ${result.status} ohne Location-Header`,
            });
          }
          if (hop >= config.maxRedirects) {
            throw new FetchError("TOO_MANY_REDIRECTS", {
              url: original.href,
              detail: `mehr als ${config.maxRedirects}, zuletzt nach ${location}`,
            });
          }
          let next: URL;
          try {
            next = new URL(location, target);
          } catch (error) {
            throw new FetchError("INVALID_URL", {
              url: target.href,
              detail: `ungültige Weiterleitung nach „${location}“`,
              cause: error,
            });
          }
          current = await assertFetchableUrl(next.href, config.allowHosts, resolver);
          // Browsers' (and RFC 9110's tolerated) behaviour: 303, and 301/302 after POST, continue as GET.
          if (result.status === 303 || (method === "POST" && (result.status === 301 || result.status === 302))) {
            method = "GET";
            body = undefined;
          }
          continue;
        }

        return finish(target, result, options, warnings);
      }
    } catch (error) {
      throw toFetchError(error, current.href, deadline, config.totalTimeoutMs);
    }
  }

  function finish(url: URL, result: Exchange, options: FetchOptions, warnings: string[]): FetchResult {
    const { status, headers } = result;
    const conditional = Boolean(options.etag || options.lastModified);
    const etag = header(headers, "etag");
    const lastModified = header(headers, "last-modified");
    const contentType = header(headers, "content-type");
    const meta = {
      url: url.href,
      fetchedAt: now(),
      warnings,
      ...(contentType === undefined ? {} : { contentType }),
      ...(etag === undefined ? {} : { etag }),
      ...(lastModified === undefined ? {} : { lastModified }),
    };

    if (status === 304 && conditional) {
      const empty = new Uint8Array(0);
      return {
        ...meta,
        status: 304,
        httpStatus: 304,
        notModified: true,
        bytes: empty,
        text: "",
        charset: "",
        contentHash: sha256Hex(empty),
      };
    }
    if (status < 200 || status >= 300 || !result.bytes) {
      const retryAfterMs = parseRetryAfter(header(headers, "retry-after"), now());
      throw new FetchError("HTTP_STATUS", {
        url: url.href,
        status,
        detail: `HTTP ${status}`,
        retryable: RETRYABLE_STATUSES.has(status),
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    }

    const bytes = new Uint8Array(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength);
    const binary = BINARY_KINDS.has(options.kind ?? "") || BINARY_CONTENT_TYPES.test(contentType ?? "");
    let text = "";
    let charset = "binary";
    if (!binary) {
      try {
        const decoded = decodeBody(bytes, contentType);
        text = decoded.text;
        charset = decoded.charset;
        warnings.push(...decoded.warnings);
      } catch (error) {
        throw new FetchError("DECODE_FAILED", {
          url: url.href,
          detail: error instanceof Error ? error.message : undefined,
          cause: error,
        });
      }
    }
    return {
      ...meta,
      status: 200,
      httpStatus: status,
      notModified: false,
      bytes,
      text,
      charset,
      contentHash: sha256Hex(bytes),
    };
  }

  return {
    async fetch(url, options = {}) {
      const warnings: string[] = [];
      for (let attemptNo = 0; ; attemptNo++) {
        try {
          return await attempt(url, options, warnings, config.respectRobots);
        } catch (error) {
          const failure = toFetchError(error, url, undefined, config.totalTimeoutMs);
          const delay = attemptNo < config.retries ? retryDelay(failure, attemptNo, backoff) : undefined;
          if (delay === undefined) throw failure;
          await sleep(delay);
        }
      }
    },
    async close() {
      robots.clear();
      await agent.close();
    },
  };
}

// Re-exported for callers that only need the allow list parser next to the fetcher.
export { parseAllowList };
