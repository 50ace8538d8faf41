import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../../prisma/database.ts";
import { migrate } from "../../prisma/migrate.ts";
import { seedTaxonomy, seedPlaces } from "../../prisma/seed.ts";

/**
 * A fresh, migrated database per test file: in-memory PGlite by default, or, when
 * DATABASE_URL points at a PostgreSQL server, a new database created on that server
 * and dropped afterwards, so test files can run in parallel on either engine.
 */
export interface TestDatabase {
  db: Database;
  /** The connection URL of the created database (PostgreSQL only). */
  url?: string;
  drop(): Promise<void>;
}

export const onPostgres = (): boolean => Boolean(process.env.DATABASE_URL);

export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  let result: TestDatabase;
  if (!serverUrl) {
    const db = await openDatabase({ dataDir: "memory://" });
    result = { db, drop: () => db.close() };
  } else {
    const name = `hub_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
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
  if (options.seed !== false) {
    await seedTaxonomy(result.db);
    await seedPlaces(result.db, TEST_DISTRICTS, []);
  }
  return result;
}

/** A few districts for tests that do not need the whole gazetteer. */
export const TEST_DISTRICTS = [
  { key: "08111", name: "Stuttgart", kind: "Stadtkreis", regionKey: "081", latitude: 48.7758, longitude: 9.1829 },
  { key: "08117", name: "Göppingen", kind: "Landkreis", regionKey: "081", latitude: 48.7, longitude: 9.65 },
  { key: "08212", name: "Karlsruhe", kind: "Stadtkreis", regionKey: "082", latitude: 49.0069, longitude: 8.4037 },
  {
    key: "08311",
    name: "Freiburg im Breisgau",
    kind: "Stadtkreis",
    regionKey: "083",
    latitude: 47.999,
    longitude: 7.8421,
  },
  { key: "08421", name: "Ulm", kind: "Stadtkreis", regionKey: "084", latitude: 48.4011, longitude: 9.9876 },
] as const;
