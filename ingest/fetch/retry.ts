/** When and how long to wait before trying a failed request again. Pure apart from `Math.random`. */
import { FetchError } from "./errors.ts";

/** Statuses worth retrying: the server says "not now", not "never". */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Cap for a server's Retry-After; beyond it we give up rather than stall the queue. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000, maxRetryAfterMs: 60_000 };

/** Retry-After as milliseconds: delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}

/**
 * Delay before attempt `attempt + 1` (attempt counts from 0), or undefined when the
 * error must not be retried. Exponential with "equal jitter" (half fixed, half random, so parallel
 * workers spread out but never retry at once); a Retry-After is honoured
 * when it is within the cap, and a longer one ends the retries.
 */
export function retryDelay(
  error: unknown,
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number | undefined {
  if (!(error instanceof FetchError) || !error.retryable) return undefined;
  if (error.retryAfterMs !== undefined) {
    return error.retryAfterMs <= options.maxRetryAfterMs ? error.retryAfterMs : undefined;
  }
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
