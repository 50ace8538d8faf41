import type { Command } from "commander";
import type { HubConfig } from "../config.ts";
import { openRuntime } from "../runtime.ts";
import { createGateway, listen } from "../server.ts";
import { hubSchema } from "../../schema/build-schema.ts";
import { seedPlaceData } from "../places.ts";

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
      if (options.demo) {
        const { startDemo } = await import("../demo.ts");
        const demo = await startDemo(runtime);
        stops.push(demo.stop);
        void demo.ingest.then(() => process.stdout.write("Demo-Anbieter eingelesen.\n"));
      }
      const gateway = await createGateway({
        db,
        schema: await hubSchema(),
        logger,
        env: cfg.env,
        introspection: cfg.introspection,
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
