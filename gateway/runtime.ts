import { openDatabase, type Database } from "../prisma/database.ts";
import { migrate } from "../prisma/migrate.ts";
import { seedTaxonomy } from "../prisma/seed.ts";
import type { HubConfig } from "./config.ts";
import { createLogger, type Logger } from "./logger.ts";

export interface Runtime {
  config: HubConfig;
  db: Database;
  logger: Logger;
  close(): Promise<void>;
}

/**
 * Opens the database and brings it to the current schema before anything queries it
 * (toolchain.md: a query on a missing table once left a PGlite process hanging).
 */
export async function openRuntime(
  config: HubConfig,
  options: { migrate?: boolean; logger?: Logger } = {},
): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const db = await openDatabase({
    databaseUrl: config.database.url,
    dataDir: config.database.dataDir,
    poolSize: config.database.poolSize,
  });
  if (options.migrate !== false) {
    const result = await migrate(db);
    if (result.applied.length) logger.info({ applied: result.applied }, "migrations applied");
    await seedTaxonomy(db);
  }
  return { config, db, logger, close: () => db.close() };
}
