/**
 * Runs the demo feed server on its own, for looking at the feeds in a browser or with curl:
 *   npx tsx ingest/demo/main.ts [--port 4100] [--base-date 2026-11-22]
 * The hub's `npm start` starts the same server in-process (startDemoServer).
 */
import { parseArgs } from "node:util";
import { demoProviders, startDemoServer } from "./server.ts";

const { values } = parseArgs({
  options: { port: { type: "string", default: "4100" }, "base-date": { type: "string" } },
});
const port = Number(values.port);
const baseDate = values["base-date"] ? new Date(`${values["base-date"]}T12:00:00Z`) : new Date();
if (!Number.isInteger(port) || port < 0 || port > 65535 || Number.isNaN(baseDate.getTime())) {
  console.error("Aufruf: tsx ingest/demo/main.ts [--port 4100] [--base-date JJJJ-MM-TT]");
  process.exit(1);
}

const server = await startDemoServer({ port, baseDate });
console.log(
  `Demo-Anbieter laufen auf ${server.url} (Stichtag ${server.site.catalogue.baseDate}, ${server.site.catalogue.offers.length} Angebote)`,
);
for (const p of demoProviders(server.url))
  for (const f of p.feeds) console.log(`  ${f.kind.padEnd(8)} ${f.url}  (${p.name})`);

const stop = (): void => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
