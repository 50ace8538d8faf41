import { openDatabase } from "../../prisma/database.ts";
import { migrate } from "../../prisma/migrate.ts";
import { seedTaxonomy } from "../../prisma/seed.ts";
import { seedPlaceData } from "../../gateway/places.ts";
import { loadCatalogue } from "../../ingest/synth/catalogue.ts";
import { matchOffers } from "../../schema/matching/matching.service.ts";
import type { MatchProfile } from "../../schema/matching/matching.input.ts";
import { queryClasses } from "./classes.ts";
import { median } from "./load.ts";

const offers = Number(process.argv[2]);
const base = new Date(process.argv[3] ?? Date.now());
const db = await openDatabase({ dataDir: "memory://" });
await migrate(db);
await seedTaxonomy(db);
await seedPlaceData(db);
const loaded = await loadCatalogue(db, { offers, baseDate: base });
const timeOf = async (name: string): Promise<number> => {
  const c = queryClasses(base).find((q) => q.name === name);
  const profile = { ...c?.profile } as Record<string, unknown>;
  for (const key of ["from", "to"]) if (typeof profile[key] === "string") profile[key] = new Date(profile[key]);
  const times: number[] = [];
  for (let i = 0; i < 8; i++) {
    const t = performance.now();
    await matchOffers(db, profile as MatchProfile, new Date(), 0, 20);
    times.push(performance.now() - t);
  }
  return median(times.slice(2));
};
const filteredMs = await timeOf("häufig + Ort/Datum");
const universalMs = await timeOf("fast überall: Weiterbildung");
process.send?.({
  rss: process.memoryUsage().rss,
  rawBytes: loaded.rawBytes,
  loadMs: loaded.ms,
  filteredMs,
  universalMs,
});
await db.close();
process.exit(0);
