import { z } from "zod";
import { fetcherConfigFromEnv, type FetcherConfig } from "../ingest/fetch/fetcher.ts";

/**
 * The hub's configuration, read from the environment once per process and validated
 * as a whole: every problem is listed at once, then the process exits with status 1.
 * Nothing else in the code reads process.env.
 */

const portSchema = z.coerce.number().int().min(0).max(65_535);
const RATE_PATTERN = /^\d+(\.\d+)?\/\d+$/;

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: portSchema.default(4000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "muss mit postgres:// oder postgresql:// beginnen")
    .optional(),
  HUB_DATA_DIR: z.string().min(1).default("./data"),
  HUB_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  HUB_ALLOW_HOSTS: z.string().default(""),
  HUB_PUBLIC_URL: z.string().url().optional(),
  HUB_INTROSPECTION: z.enum(["true", "false"]).optional(),
  HUB_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  HUB_SCHEDULER: z.enum(["on", "off"]).default("on"),
  HUB_INGEST_LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  HUB_INGEST_WORKERS: z.coerce.number().int().min(0).max(8).default(1),
  HUB_DEMO_PORT: portSchema.default(4010),
  // GraphQL hardening (gateway/hardening.ts)
  HUB_MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(10),
  HUB_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(15),
  HUB_MAX_COST: z.coerce.number().int().min(1).default(5000),
  HUB_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(20),
  HUB_MAX_TOKENS: z.coerce.number().int().min(10).default(2000),
  // Rate limits (gateway/rate-limit.ts), each "<per second>/<burst>"
  HUB_RATE_PUBLIC: z.string().regex(RATE_PATTERN, "Format: <pro Sekunde>/<Burst>, z. B. 20/60").default("20/60"),
  HUB_RATE_TOKEN: z.string().regex(RATE_PATTERN, "Format: <pro Sekunde>/<Burst>, z. B. 100/300").default("100/300"),
  // Dashboard logins (gateway/auth/sessions.ts)
  HUB_SESSION_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 30)
    .default(8),
});

export interface HubConfig {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  database: { url?: string; dataDir: string; poolSize: number };
  /** The fetcher's settings (HUB_ALLOW_HOSTS, HUB_FETCH_*, HUB_USER_AGENT), validated here too. */
  fetch: FetcherConfig;
  publicUrl?: string;
  /**
   * Introspection and the GraphQL IDE: on unless NODE_ENV=production is set explicitly or
   * HUB_INTROSPECTION=false. Stack traces need NODE_ENV=development (never by default).
   */
  introspection: boolean;
  logLevel: z.infer<typeof envSchema>["HUB_LOG_LEVEL"];
  scheduler: boolean;
  /** How long a feed's claim outlives a crashed ingest process (renewed while a run lives). */
  ingestLeaseMs: number;
  /**
   * Worker threads that parse, normalise and classify feeds off the event loop
   * (HUB_INGEST_WORKERS, default 1; 0 runs them inline). Optional for hand-built configs.
   */
  ingestWorkers?: number;
  demoPort: number;
  /** GraphQL limits and rate limits; see gateway/hardening.ts and gateway/rate-limit.ts. */
  security: SecuritySettings;
}

export interface RateSetting {
  perSecond: number;
  burst: number;
}

export interface SecuritySettings {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxDirectives: number;
  maxTokens: number;
  /** Per client IP for requests without credentials (and for failed logins). */
  ratePublic: RateSetting;
  /** Per token or dashboard session. */
  rateToken: RateSetting;
  sessionHours: number;
}

const parseRate = (text: string): RateSetting => {
  const [perSecond, burst] = text.split("/");
  return { perSecond: Number(perSecond), burst: Number(burst) };
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ungültige Konfiguration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  let fetch: FetcherConfig | undefined;
  try {
    fetch = fetcherConfigFromEnv(env);
  } catch (error) {
    // The fetcher lists its problems as "- …" lines under a heading: keep one list.
    const message = error instanceof Error ? error.message : String(error);
    const lines = message.split("\n").filter((line) => line.startsWith("- "));
    problems.push(...(lines.length ? lines.map((line) => line.slice(2)) : [message]));
  }
  if (!parsed.success || !fetch || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: { url: e.DATABASE_URL, dataDir: e.HUB_DATA_DIR, poolSize: e.HUB_DB_POOL_SIZE },
    fetch,
    publicUrl: e.HUB_PUBLIC_URL,
    introspection: e.HUB_INTROSPECTION ? e.HUB_INTROSPECTION === "true" : env.NODE_ENV !== "production",
    logLevel: e.HUB_LOG_LEVEL,
    scheduler: e.HUB_SCHEDULER === "on",
    ingestLeaseMs: e.HUB_INGEST_LEASE_SECONDS * 1000,
    ingestWorkers: e.HUB_INGEST_WORKERS,
    demoPort: e.HUB_DEMO_PORT,
    security: {
      maxDepth: e.HUB_MAX_DEPTH,
      maxAliases: e.HUB_MAX_ALIASES,
      maxCost: e.HUB_MAX_COST,
      maxDirectives: e.HUB_MAX_DIRECTIVES,
      maxTokens: e.HUB_MAX_TOKENS,
      ratePublic: parseRate(e.HUB_RATE_PUBLIC),
      rateToken: parseRate(e.HUB_RATE_TOKEN),
      sessionHours: e.HUB_SESSION_HOURS,
    },
  };
}
