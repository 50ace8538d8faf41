import type { Command } from "commander";
import type { HubConfig } from "../config.ts";

export function registerServe(program: Command, config: () => HubConfig): void {
  program
    .command("serve")
    .description("Startet den Hub: Datenbank migrieren, Stammdaten anlegen, GraphQL unter /graphql.")
    .option("--demo", "Demo-Anbieter auf einem lokalen Feed-Server starten und einlesen")
    .option("--port <port>", "Port (Standard: PORT oder 4000)", Number)
    .action(async (options: { demo?: boolean; port?: number }) => {
      // Loaded here, not at the top, so `hub --help` and the small commands start fast.
      const { openRuntime } = await import("../runtime.ts");
      const { createGateway, listen } = await import("../server.ts");
      const { hubSchema } = await import("../../schema/build-schema.ts");
      const { seedPlaceData } = await import("../places.ts");
      const { createIngestDeps } = await import("../ingest-deps.ts");
      const { createIngestPort } = await import("../ingest-port.ts");
      const { runFeed } = await import("../../ingest/run-feed.ts");
      const { createScheduler } = await import("../../ingest/scheduler.ts");

      const cfg = config();
      const runtime = await openRuntime(cfg);
      const { db, logger } = runtime;
      await seedPlaceData(db);
      // Stops run in reverse order of registration.
      const stops: (() => Promise<void>)[] = [];

      let initialIngest: Promise<void> = Promise.resolve();
      let demoHost = "";
      if (options.demo) {
        const { startDemo } = await import("../demo.ts");
        const demo = await startDemo(runtime);
        demoHost = `127.0.0.1:${demo.port}`;
        stops.push(demo.stop);
        initialIngest = demo.ingest.then(() => void process.stdout.write("Demo-Anbieter eingelesen.\n"));
      }

      // One fetcher for the scheduler and for providers' previews and triggers, so
      // per-host politeness holds across both. Only the demo's own server is added to
      // the allow-list, and only for scheduled runs of registered feeds: the provider
      // port's URL guard keeps the plain HUB_ALLOW_HOSTS list.
      const deps = createIngestDeps(runtime, { extraAllowHosts: demoHost });
      stops.push(() => deps.close());

      if (cfg.scheduler) {
        const scheduler = createScheduler({
          db,
          runFeed: (feedId, trigger) => runFeed(deps, feedId, trigger),
          logger,
          instance: deps.instance,
          now: deps.now,
        });
        // In demo mode after the initial ingest, so a tick does not race the seed run.
        const started = initialIngest
          .catch(() => undefined)
          .then(() => scheduler.start())
          .catch((err: unknown) => logger.error({ err }, "scheduler failed to start"));
        stops.push(async () => {
          await started;
          await scheduler.stop();
        });
      }

      const gateway = await createGateway({
        db,
        schema: await hubSchema(),
        logger,
        env: cfg.env,
        introspection: cfg.introspection,
        security: cfg.security,
        publicUrl: cfg.publicUrl,
        ingest: createIngestPort(deps, { allowHosts: cfg.fetch.allowHosts }),
      });
      const port = options.port ?? cfg.port;
      const server = await listen(gateway, port, cfg.host);
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : port;
      process.stdout.write(
        `Hub läuft: http://${cfg.host === "0.0.0.0" ? "localhost" : cfg.host}:${bound}/graphql (${db.describe})\n`,
      );

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
