import type { Database } from "../prisma/database.ts";
import { seedPlaces } from "../prisma/seed.ts";
import { allDistricts, gazetteer } from "../ingest/normalise/gazetteer.ts";

/** Seeds regions, the 44 districts and BW's municipalities from the normaliser's gazetteer. */
export async function seedPlaceData(db: Database) {
  const districts = allDistricts().map((d) => ({
    key: d.key,
    name: d.name,
    kind: d.kind,
    regionKey: d.regionKey,
    latitude: d.latitude,
    longitude: d.longitude,
  }));
  const known = new Set(districts.map((d) => d.key));
  const municipalities = [...gazetteer().municipalities.entries()]
    .filter(([, place]) => place.bw && place.districtKey && known.has(place.districtKey))
    .map(([key, place]) => ({
      key,
      name: place.name,
      districtKey: place.districtKey as string,
      latitude: place.latitude,
      longitude: place.longitude,
    }));
  return seedPlaces(db, districts, municipalities);
}
