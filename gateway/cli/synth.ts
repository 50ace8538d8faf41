import type { Command } from "commander";
import type { HubConfig } from "../config.ts";

const positiveInt = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`Positive ganze Zahl erwartet, nicht „${value}“.`);
  return n;
};

export function registerSynthCommand(program: Command, config: () => HubConfig): void {
  program
    .command("synth")
    .description(
      "Schreibt einen synthetischen Katalog (deterministisch, klassifiziert, alle 44 Kreise) direkt in die Datenbank – für Messungen, nicht für den Betrieb.",
    )
    .requiredOption("--offers <n>", "Anzahl der Angebote", positiveInt)
    .option("--seed <text>", "Startwert: gleicher Startwert, gleicher Katalog", "katalog")
    .option("--base-date <iso>", "Bezugsdatum der Termine (Standard: jetzt)")
    .action(async (options: { offers: number; seed: string; baseDate?: string }) => {
      const { openRuntime } = await import("../runtime.ts");
      const { seedPlaceData } = await import("../places.ts");
      const { loadCatalogue } = await import("../../ingest/synth/catalogue.ts");
      const baseDate = options.baseDate ? new Date(options.baseDate) : new Date();
      if (Number.isNaN(baseDate.getTime())) throw new Error("--base-date: kein gültiges Datum.");
      const cfg = config();
      const runtime = await openRuntime(cfg);
      try {
        await seedPlaceData(runtime.db);
        const result = await loadCatalogue(runtime.db, {
          offers: options.offers,
          seed: options.seed,
          baseDate,
          databaseUrl: cfg.database.url ?? null,
          onProgress: (done) => process.stderr.write(`\r${done.toLocaleString("de-DE")} Angebote …`),
        });
        process.stdout.write(
          `\n${result.offers.toLocaleString("de-DE")} Angebote, ${result.sessions.toLocaleString("de-DE")} Termine in ${(result.ms / 1000).toFixed(1)} s geschrieben (${(result.rawBytes / 1e6).toFixed(1)} MB Rohdaten).\n`,
        );
      } finally {
        await runtime.close();
      }
    });
}
