import { z } from "zod";

/**
 * The hub's configuration, read from the environment once per process and validated
 * as a whole: every problem is listed at once, then the process exits with status 1.
 * Nothing else in the code reads process.env.
 */

const portSchema = z.coerce.number().int().min(0).max(65_535);

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
  HUB_DEMO_PORT: portSchema.default(4010),
});

export interface HubConfig {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  database: { url?: string; dataDir: string; poolSize: number };
  allowHosts: string;
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
  demoPort: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ungültige Konfiguration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: { url: e.DATABASE_URL, dataDir: e.HUB_DATA_DIR, poolSize: e.HUB_DB_POOL_SIZE },
    allowHosts: e.HUB_ALLOW_HOSTS,
    publicUrl: e.HUB_PUBLIC_URL,
    introspection: e.HUB_INTROSPECTION ? e.HUB_INTROSPECTION === "true" : env.NODE_ENV !== "production",
    logLevel: e.HUB_LOG_LEVEL,
    scheduler: e.HUB_SCHEDULER === "on",
    ingestLeaseMs: e.HUB_INGEST_LEASE_SECONDS * 1000,
    demoPort: e.HUB_DEMO_PORT,
  };
}
