import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "./database.ts";
import { migrate } from "./migrate.ts";

/**
 * A throw-away, migrated database for tests and benchmarks: in-memory PGlite, or a new
 * database created on the PostgreSQL server at `serverUrl` (the role needs CREATEDB)
 * and dropped by `drop()`. Seeding is the caller's business.
 */
export interface ScratchDatabase {
  db: Database;
  /** Connection URL of the created database (PostgreSQL only). */
  url: string | null;
  drop(): Promise<void>;
}

export async function createScratchDatabase(
  serverUrl: string | undefined,
  prefix = "hub_scratch",
  poolSize = 5,
): Promise<ScratchDatabase> {
  let result: ScratchDatabase;
  if (!serverUrl) {
    const db = await openDatabase({ dataDir: "memory://" });
    result = { db, url: null, drop: () => db.close() };
  } else {
    const name = `${prefix}_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: url.toString(), poolSize });
    result = {
      db,
      url: url.toString(),
      drop: async () => {
        await db.close();
        const cleanup = new pg.Client({ connectionString: serverUrl });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  await migrate(result.db);
  return result;
}
