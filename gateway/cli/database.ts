import type { Command } from "commander";
import type { HubConfig } from "../config.ts";

// Command modules are imported when a command runs, so `hub --help` starts fast.

export function registerDatabaseCommands(program: Command, config: () => HubConfig): void {
  program
    .command("migrate")
    .description("Spielt die Datenbankmigrationen ein (PGlite in HUB_DATA_DIR oder DATABASE_URL).")
    .action(async () => {
      const { openRuntime } = await import("../runtime.ts");
      const { migrate } = await import("../../prisma/migrate.ts");
      const runtime = await openRuntime(config(), { migrate: false });
      try {
        const result = await migrate(runtime.db);
        process.stdout.write(
          result.applied.length
            ? `Eingespielt: ${result.applied.join(", ")}\n`
            : `Datenbank ist aktuell (${result.alreadyApplied} Migrationen).\n`,
        );
      } finally {
        await runtime.close();
      }
    });

  program
    .command("seed")
    .description("Legt Curriculum, Regierungsbezirke, Kreise und Gemeinden an (idempotent).")
    .action(async () => {
      const { openRuntime } = await import("../runtime.ts");
      const { seedPlaceData } = await import("../places.ts");
      const runtime = await openRuntime(config());
      try {
        const places = await seedPlaceData(runtime.db);
        process.stdout.write(
          `Curriculum, ${places.regions} Regierungsbezirke, ${places.districts} Kreise, ${places.municipalities} Gemeinden angelegt.\n`,
        );
      } finally {
        await runtime.close();
      }
    });
}
