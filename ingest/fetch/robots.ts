/**
 * robots.txt, fetched once per origin and cached. What happens when it cannot be read:
 * - 404 and other 4xx: there are no rules, everything is allowed (RFC 9309 §2.3.1.3).
 * - 5xx, timeout, connection failure: RFC 9309 says "assume complete disallow"; we
 *   allow instead and attach a warning, because provider sites with a broken
 *   robots.txt but working feeds are common, the provider asked us to read the feed by
 *   registering it, and one request per host with a delay keeps the load negligible.
 *   Such a failure is cached for a shorter time so a recovered robots.txt counts soon.
 * - a blocked address or unknown host: rethrown, the feed request would fail the same way.
 */
import { createRequire } from "node:module";
import { FetchError } from "./errors.ts";

export interface RobotsVerdict {
  allowed: boolean;
  /** Crawl-delay for our user agent, in milliseconds. */
  crawlDelayMs?: number;
  /** German warnings to pass on to the feed's result. */
  warnings: string[];
}

interface Rules {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

interface CacheEntry {
  expiresAt: number;
  rules: Rules | null;
  warning?: string;
}

export interface RobotsCacheOptions {
  userAgent: string;
  ttlMs: number;
  /** TTL for an unreadable robots.txt (5xx, timeout). */
  failureTtlMs: number;
  now: () => number;
  /** Fetches the robots.txt URL's text; throws FetchError (HTTP_STATUS carries `status`). */
  load: (robotsUrl: string) => Promise<string>;
}

export interface RobotsCache {
  check(url: URL): Promise<RobotsVerdict>;
  clear(): void;
}

// robots-parser is CommonJS exporting the function itself, while its typings claim a
// default export (wrong under NodeNext), so load it with require and type it here.
const robotsParser = createRequire(import.meta.url)("robots-parser") as (url: string, text: string) => Rules;

const RETHROWN: ReadonlySet<string> = new Set(["BLOCKED_ADDRESS", "INVALID_URL", "DNS_FAILURE"]);

/** The product token robots.txt groups are matched against: "QuartierOfferHub/0.1 (…)" → "QuartierOfferHub". */
export function productToken(userAgent: string): string {
  return userAgent.split(/[\s/]/)[0] ?? userAgent;
}

export function createRobotsCache(options: RobotsCacheOptions): RobotsCache {
  const entries = new Map<string, Promise<CacheEntry>>();
  const token = productToken(options.userAgent);

  async function load(origin: string): Promise<CacheEntry> {
    const robotsUrl = `${origin}/robots.txt`;
    const now = options.now();
    try {
      const text = await options.load(robotsUrl);
      return { expiresAt: now + options.ttlMs, rules: robotsParser(robotsUrl, text) };
    } catch (error) {
      if (!(error instanceof FetchError) || RETHROWN.has(error.code)) throw error;
      const status = error.status;
      if (error.code === "HTTP_STATUS" && status !== undefined && status >= 400 && status < 500) {
        return { expiresAt: now + options.ttlMs, rules: null };
      }
      return {
        expiresAt: now + options.failureTtlMs,
        rules: null,
        warning: `robots.txt von ${origin} war nicht lesbar (${error.code}${status ? ` ${status}` : ""}); der Abruf wurde trotzdem erlaubt.`,
      };
    }
  }

  function entryFor(origin: string): Promise<CacheEntry> {
    const cached = entries.get(origin);
    if (cached) return cached;
    // The promise is cached, so concurrent requests to one origin share one robots fetch.
    const pending = load(origin);
    entries.set(origin, pending);
    pending.catch(() => entries.delete(origin));
    return pending;
  }

  return {
    async check(url) {
      let entry = await entryFor(url.origin);
      if (entry.expiresAt <= options.now()) {
        entries.delete(url.origin);
        entry = await entryFor(url.origin);
      }
      const warnings = entry.warning ? [entry.warning] : [];
      if (!entry.rules) return { allowed: true, warnings };
      const allowed = entry.rules.isAllowed(url.href, token) !== false;
      const delay = entry.rules.getCrawlDelay(token);
      return delay === undefined ? { allowed, warnings } : { allowed, crawlDelayMs: delay * 1000, warnings };
    },
    clear() {
      entries.clear();
    },
  };
}
