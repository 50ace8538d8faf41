import { startDemoServer, demoProviders } from "../ingest/demo/server.ts";
import { registerProviders } from "../ingest/register-feeds.ts";
import { runFeed } from "../ingest/run-feed.ts";
import { createIngestDeps } from "./ingest-deps.ts";
import type { Runtime } from "./runtime.ts";

/**
 * `npm start` on a machine without internet: the demo providers' websites run on a
 * loopback feed server, are registered as approved providers, and are ingested once
 * at start (the scheduler keeps them current afterwards). Only that server's address is
 * added to the fetcher's allow-list.
 */
export async function startDemo(
  runtime: Runtime,
): Promise<{ port: number; stop(): Promise<void>; ingest: Promise<void> }> {
  const { logger, db, config } = runtime;
  const server = await startDemoServer({ port: config.demoPort, host: "127.0.0.1", baseDate: new Date() });
  const deps = createIngestDeps(runtime, {
    extraAllowHosts: `127.0.0.1:${server.port}`,
    fetcher: { perHostDelayMs: 20 },
  });
  const feedIds = await registerProviders(db, demoProviders(server.url), new Date());
  logger.info({ url: server.url, feeds: feedIds.length }, "demo feed server started");
  const ingest = (async () => {
    let offers = 0;
    for (const id of feedIds) {
      const result = await runFeed(deps, id, "SEED");
      offers += (result.outcome?.created ?? 0) + (result.outcome?.changed ?? 0);
      if (result.status === "FAILED") logger.warn({ feed: id, error: result.error }, "demo feed failed");
    }
    logger.info({ feeds: feedIds.length, offersWritten: offers }, "demo feeds ingested");
  })();
  return {
    port: server.port,
    ingest,
    stop: async () => {
      await ingest.catch(() => undefined);
      await deps.close();
      await server.close();
    },
  };
}
