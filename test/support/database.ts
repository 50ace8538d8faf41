import type { Database } from "../../prisma/database.ts";
import { createScratchDatabase } from "../../prisma/scratch.ts";
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
  const scratch = await createScratchDatabase(process.env.DATABASE_URL, "hub_test");
  if (options.seed !== false) {
    await seedTaxonomy(scratch.db);
    await seedPlaces(scratch.db, TEST_DISTRICTS, []);
  }
  return { db: scratch.db, ...(scratch.url ? { url: scratch.url } : {}), drop: scratch.drop };
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
