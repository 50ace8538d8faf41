import type { ServerResponse } from "node:http";
import type { RateSetting } from "./config.ts";

/**
 * Token buckets, per process and in memory. Several gateway instances behind a load
 * balancer each enforce their own limits, so the effective limit is N × the setting:
 * good enough against a single noisy client, not a distributed quota. The clock is
 * injected (milliseconds) so tests advance time instead of sleeping.
 */

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** Beyond this many keys, buckets that have refilled completely are forgotten. */
const PRUNE_AT = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly setting: RateSetting,
    private readonly clock: () => number,
  ) {}

  private refill(key: string): Bucket {
    const now = this.clock();
    const bucket = this.buckets.get(key) ?? { tokens: this.setting.burst, at: now };
    const elapsed = Math.max(0, now - bucket.at) / 1000;
    bucket.tokens = Math.min(this.setting.burst, bucket.tokens + elapsed * this.setting.perSecond);
    bucket.at = now;
    return bucket;
  }

  /** Takes `cost` tokens for `key`, or says how long until that many are back. */
  take(key: string, cost = 1): Take {
    const bucket = this.refill(key);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      if (!this.buckets.has(key)) {
        if (this.buckets.size >= PRUNE_AT) this.prune();
        this.buckets.set(key, bucket);
      }
      return { ok: true };
    }
    this.buckets.set(key, bucket);
    const missing = cost - bucket.tokens;
    return { ok: false, retryAfterSeconds: retryAfter(missing, this.setting.perSecond) };
  }

  /** Like take, without spending: whether `key` could spend `cost` now. */
  peek(key: string, cost = 1): Take {
    const bucket = this.refill(key);
    if (bucket.tokens >= cost) return { ok: true };
    return { ok: false, retryAfterSeconds: retryAfter(cost - bucket.tokens, this.setting.perSecond) };
  }

  get size(): number {
    return this.buckets.size;
  }

  private prune(): void {
    for (const key of [...this.buckets.keys()]) {
      if (this.refill(key).tokens >= this.setting.burst) this.buckets.delete(key);
    }
  }
}

const retryAfter = (missing: number, perSecond: number): number =>
  perSecond > 0 ? Math.max(1, Math.ceil(missing / perSecond)) : 3600;

/** The gateway's limiters: one family per kind of caller. */
export interface RateLimits {
  /** Requests without credentials, per client IP. */
  public: RateLimiter;
  /** Requests with a valid token or session, per token/session holder. */
  viewer: RateLimiter;
  /** Failed authentications (bad tokens, bad cookies), per IP: caps scrypt work for guessers. */
  authFailure: RateLimiter;
  /** Login attempts per IP and per e-mail address. */
  loginIp: RateLimiter;
  loginEmail: RateLimiter;
}

export const DEFAULT_RATES = {
  public: { perSecond: 20, burst: 60 },
  viewer: { perSecond: 100, burst: 300 },
  authFailure: { perSecond: 1, burst: 10 },
  loginIp: { perSecond: 0.2, burst: 10 },
  loginEmail: { perSecond: 1 / 60, burst: 5 },
} as const satisfies Record<keyof RateLimits, RateSetting>;

export function createRateLimits(
  clock: () => number,
  settings: Partial<Record<keyof RateLimits, RateSetting>> = {},
): RateLimits {
  const make = (name: keyof RateLimits) => new RateLimiter(settings[name] ?? DEFAULT_RATES[name], clock);
  return {
    public: make("public"),
    viewer: make("viewer"),
    authFailure: make("authFailure"),
    loginIp: make("loginIp"),
    loginEmail: make("loginEmail"),
  };
}

/** HTTP 429 with Retry-After and a GraphQL-shaped body, for GraphQL and plain routes alike. */
export function sendRateLimited(
  res: ServerResponse,
  retryAfterSeconds: number,
  message = "Zu viele Anfragen. Bitte später erneut versuchen.",
): void {
  res.statusCode = 429;
  res.setHeader("retry-after", String(retryAfterSeconds));
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify({ errors: [{ message, extensions: { code: "RATE_LIMITED", retryAfterSeconds } }] }));
}
