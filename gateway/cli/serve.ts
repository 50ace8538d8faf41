import type { Command } from "commander";
import type { HubConfig } from "../config.ts";
import { openRuntime } from "../runtime.ts";
import { createGateway, listen } from "../server.ts";
import { hubSchema } from "../../schema/build-schema.ts";
import { seedPlaceData } from "../places.ts";
import { createIngestDeps } from "../ingest-deps.ts";
import { createIngestPort } from "../ingest-port.ts";
import { runFeed } from "../../ingest/run-feed.ts";
import { createScheduler } from "../../ingest/scheduler.ts";

export function registerServe(program: Command, config: () => HubConfig): void {
  program
    .command("serve")
    .description("Startet den Hub: Datenbank migrieren, Stammdaten anlegen, GraphQL unter /graphql.")
    .option("--demo", "Demo-Anbieter auf einem lokalen Feed-Server starten und einlesen")
    .option("--port <port>", "Port (Standard: PORT oder 4000)", Number)
    .action(async (options: { demo?: boolean; port?: number }) => {
      const cfg = config();
      const runtime = await openRuntime(cfg);
      const { db, logger } = runtime;
      await seedPlaceData(db);
      const stops: (() => Promise<void>)[] = [];
      let initialIngest: Promise<void> = Promise.resolve();
      if (options.demo) {
        const { startDemo } = await import("../demo.ts");
        const demo = await startDemo(runtime);
        stops.push(demo.stop);
        initialIngest = demo.ingest.then(() => void process.stdout.write("Demo-Anbieter eingelesen.\n"));
      }
      if (cfg.scheduler) {
        // The demo's feed server is on loopback: allow exactly its port, as startDemo does.
        const deps = createIngestDeps(runtime, options.demo ? { extraAllowHosts: `127.0.0.1:${cfg.demoPort}` } : {});
        const scheduler = createScheduler({
          db,
          runFeed: (feedId, trigger) => runFeed(deps, feedId, trigger),
          logger,
          instance: deps.instance,
          now: deps.now,
        });
        let schedulerStarted: Promise<void> | null = null;
        // Registered before the demo's stop, so it stops first (stops run in reverse).
        stops.push(async () => {
          await schedulerStarted?.catch(() => undefined);
          await scheduler.stop();
          await deps.close();
        });
        // In demo mode after the initial ingest, so a tick does not race the seed run.
        schedulerStarted = initialIngest
          .catch(() => undefined)
          .then(() => scheduler.start())
          .catch((err: unknown) => logger.error({ err }, "scheduler failed to start"));
      }
      const gateway = await createGateway({
        db,
        schema: await hubSchema(),
        logger,
        env: cfg.env,
        introspection: cfg.introspection,
        ingest: createIngestPort(createIngestDeps(runtime, options.demo ? { extraAllowHosts: `127.0.0.1:${cfg.demoPort}` } : {})),
      });
      const port = options.port ?? cfg.port;
      const server = await listen(gateway, port, cfg.host);
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : port;
      process.stdout.write(`Hub läuft: http://${cfg.host === "0.0.0.0" ? "localhost" : cfg.host}:${bound}/graphql (${db.describe})\n`);

      let stopping = false;
      const shutdown = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, "shutting down");
        server.close();
        for (const stop of stops.reverse()) await stop().catch((err: unknown) => logger.error({ err }, "stop failed"));
        await gateway.stop();
        await runtime.close();
        process.exit(0);
      };
      process.on("SIGINT", () => void shutdown("SIGINT"));
      process.on("SIGTERM", () => void shutdown("SIGTERM"));
    });
}
