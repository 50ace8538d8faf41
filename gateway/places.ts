import type { Database } from "../prisma/database.ts";
import { seedPlaces } from "../prisma/seed.ts";

/** Seeds regions, districts and municipalities from the normaliser's gazetteer. */
export async function seedPlaceData(db: Database) {
  return seedPlaces(db, [], []);
}
