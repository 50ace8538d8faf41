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
        await dropDatabase(serverUrl, name);
      },
    };
  }
  await migrate(result.db);
  return result;
}

/**
 * Drops a scratch database. A plain DROP first, retried briefly: PostgreSQL cancels an
 * autovacuum worker on that database by itself, while `WITH (FORCE)` would try to signal
 * it and fails for a role without pg_signal_backend. Cleanup never fails a test run: a
 * database left behind is reported, not thrown.
 */
async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        await client.query(`drop database if exists ${name}`);
        return;
      } catch (error) {
        // 55006: the database is still being accessed by another session; wait and retry.
        if ((error as { code?: string }).code !== "55006") throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    await client.query(`drop database if exists ${name} with (force)`);
  } catch (error) {
    process.stderr.write(
      `scratch database ${name} not dropped: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  } finally {
    await client.end();
  }
}
