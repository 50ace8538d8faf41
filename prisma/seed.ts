import type { Database } from "./database.ts";
import { LEARNING_AREAS, MODULES, TAXONOMY_VERSION } from "../schema/taxonomy/taxonomy.ts";

/**
 * Seeding is code and idempotent: every row is an upsert keyed by its natural key, so
 * starting twice on the same data directory changes nothing.
 */

export const REGIONS = [
  { key: "081", name: "Stuttgart" },
  { key: "082", name: "Karlsruhe" },
  { key: "083", name: "Freiburg" },
  { key: "084", name: "Tübingen" },
] as const;

export async function seedTaxonomy(db: Database): Promise<{ areas: number; modules: number }> {
  for (const area of LEARNING_AREAS) {
    const data = { number: area.number, name: area.name, guidingQuestion: area.guidingQuestion };
    await db.prisma.learningArea.upsert({
      where: { code: area.code },
      create: { code: area.code, ...data },
      update: data,
    });
  }
  for (const module of MODULES) {
    const data = {
      number: module.number,
      title: module.title,
      format: module.format,
      roles: [...module.roles],
      teachingUnits: module.teachingUnits,
      learningAreaCode: module.learningArea,
      taxonomyVersion: TAXONOMY_VERSION,
    };
    await db.prisma.module.upsert({
      where: { code: module.code },
      create: { code: module.code, ...data },
      update: data,
    });
  }
  return { areas: LEARNING_AREAS.length, modules: MODULES.length };
}

export interface DistrictSeed {
  key: string;
  name: string;
  kind: string;
  regionKey: string;
  latitude: number | null;
  longitude: number | null;
}

export interface MunicipalitySeed {
  key: string;
  name: string;
  districtKey: string;
  latitude: number | null;
  longitude: number | null;
}

/** Regions, the 44 districts and the municipalities, from the gazetteer the normaliser builds. */
export async function seedPlaces(
  db: Database,
  districts: readonly DistrictSeed[],
  municipalities: readonly MunicipalitySeed[],
): Promise<{ regions: number; districts: number; municipalities: number }> {
  for (const region of REGIONS) {
    await db.prisma.region.upsert({ where: { key: region.key }, create: region, update: { name: region.name } });
  }
  for (const d of districts) {
    const { key, ...data } = d;
    await db.prisma.district.upsert({ where: { key }, create: d, update: data });
  }
  // Municipalities are many: one statement per batch instead of one upsert per row.
  const BATCH = 500;
  for (let i = 0; i < municipalities.length; i += BATCH) {
    const batch = municipalities.slice(i, i + BATCH);
    const params: unknown[] = [];
    const values = batch.map((m, j) => {
      params.push(m.key, m.name, m.districtKey, m.latitude, m.longitude);
      const b = j * 5;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}::float8, $${b + 5}::float8)`;
    });
    await db.sql(
      `insert into "Municipality" (key, name, "districtKey", latitude, longitude) values ${values.join(", ")}
       on conflict (key) do update set name = excluded.name, "districtKey" = excluded."districtKey",
         latitude = excluded.latitude, longitude = excluded.longitude`,
      params,
    );
  }
  return { regions: REGIONS.length, districts: districts.length, municipalities: municipalities.length };
}
