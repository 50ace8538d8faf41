/**
 * The fetcher's settings from the environment, read and validated once per process.
 * All problems are collected and reported together (German), so an operator fixes
 * them in one go.
 */
import { z } from "zod";
import { parseAllowList } from "./address-guard.ts";
import type { FetcherConfig } from "./fetcher.ts";

export const DEFAULT_USER_AGENT =
  "QuartierOfferHub/0.1 (+https://quartier-offer-hub.invalid/crawler; Koordinierungsstelle KVJS)";

const intFrom = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);

const EnvSchema = z.object({
  HUB_ALLOW_HOSTS: z.string().optional(),
  HUB_USER_AGENT: z.string().trim().min(1).default(DEFAULT_USER_AGENT),
  HUB_FETCH_CONNECT_TIMEOUT_MS: intFrom(1, 10_000),
  HUB_FETCH_TIMEOUT_MS: intFrom(1, 30_000),
  HUB_FETCH_MAX_BYTES: intFrom(1, 10 * 1024 * 1024),
  HUB_FETCH_MAX_REDIRECTS: intFrom(0, 5),
  HUB_FETCH_MAX_RATIO: z.coerce.number().positive().optional(),
  HUB_FETCH_HOST_DELAY_MS: intFrom(0, 1_000),
  HUB_FETCH_RETRIES: intFrom(0, 2),
  HUB_FETCH_RESPECT_ROBOTS: z.enum(["true", "false", "1", "0"]).default("true"),
});

/** Throws an Error listing every invalid variable. Empty strings count as unset. */
export function fetcherConfigFromEnv(env: NodeJS.ProcessEnv): FetcherConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = EnvSchema.safeParse(present);
  const problems: string[] = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  let allowHosts: FetcherConfig["allowHosts"] = [];
  try {
    allowHosts = parseAllowList(present.HUB_ALLOW_HOSTS);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  if (!parsed.success || problems.length > 0) {
    throw new Error(`Ungültige Abruf-Konfiguration:\n- ${problems.join("\n- ")}`);
  }
  const e = parsed.data;
  return {
    userAgent: e.HUB_USER_AGENT,
    allowHosts,
    connectTimeoutMs: e.HUB_FETCH_CONNECT_TIMEOUT_MS,
    totalTimeoutMs: e.HUB_FETCH_TIMEOUT_MS,
    maxBytes: e.HUB_FETCH_MAX_BYTES,
    maxRedirects: e.HUB_FETCH_MAX_REDIRECTS,
    ...(e.HUB_FETCH_MAX_RATIO === undefined ? {} : { maxDecompressedRatio: e.HUB_FETCH_MAX_RATIO }),
    perHostDelayMs: e.HUB_FETCH_HOST_DELAY_MS,
    retries: e.HUB_FETCH_RETRIES,
    respectRobots: e.HUB_FETCH_RESPECT_ROBOTS === "true" || e.HUB_FETCH_RESPECT_ROBOTS === "1",
  };
}
