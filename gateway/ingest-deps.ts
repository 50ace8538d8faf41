import { hostname } from "node:os";
import { createFetcher, parseAllowList, type FetcherConfig } from "../ingest/fetch/fetcher.ts";
import type { IngestDeps } from "../ingest/run-feed.ts";
import { createExtractPool } from "../ingest/pipeline/extract-pool.ts";
import type { Runtime } from "./runtime.ts";

/** This process's name in feed leases and run records. */
export const INSTANCE = `${hostname()}:${process.pid}`;

/**
 * Builds what ingest needs from the runtime: the fetcher (the only network access),
 * the clock and this process's identity. `extraAllowHosts` lets the demo allow its own
 * loopback feed server without widening HUB_ALLOW_HOSTS for anything else. Feeds are read
 * in HUB_INGEST_WORKERS worker threads (default 1), so a run never stalls the gateway;
 * the threads start on the first run and idle ones do not keep the process alive.
 */
export function createIngestDeps(
  runtime: Runtime,
  options: { extraAllowHosts?: string; fetcher?: Partial<FetcherConfig>; workers?: number } = {},
): IngestDeps & { close(): Promise<void> } {
  const base = runtime.config.fetch;
  const allowHosts = [...base.allowHosts, ...parseAllowList(options.extraAllowHosts ?? "")];
  const fetcher = createFetcher({ ...base, ...options.fetcher, allowHosts });
  const pool = createExtractPool({ size: options.workers ?? runtime.config.ingestWorkers ?? 1 });
  return {
    db: runtime.db,
    fetcher,
    now: () => new Date(),
    instance: INSTANCE,
    leaseMs: runtime.config.ingestLeaseMs,
    extract: pool.extract,
    close: async () => {
      await pool.close();
      await fetcher.close();
    },
  };
}
