import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTaxonomy } from "../../prisma/seed.ts";
import { seedPlaceData } from "../../gateway/places.ts";
import { matchOffers } from "../../schema/matching/matching.service.ts";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { catalogueRows, copyLine, loadCatalogue, synthPlaces, type SynthPlace } from "./catalogue.ts";

const baseDate = new Date("2026-11-22T06:00:00Z");
const places: SynthPlace[] = Array.from({ length: 88 }, (_, i) => ({
  municipalityKey: `08${String(i).padStart(6, "0")}`,
  municipality: `Gemeinde ${i}`,
  districtKey: `08${String(100 + (i % 44)).padStart(3, "0")}`,
  regionKey: "081",
  latitude: 48 + i / 100,
  longitude: 9,
}));

describe("synthetic catalogue rows", () => {
  it("are deterministic, consistent and cover every district", () => {
    const a = [...catalogueRows({ offers: 2000, baseDate }, places)];
    const b = [...catalogueRows({ offers: 2000, baseDate }, places)];
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(new Set(a.map((r) => r.offer.id)).size).toBe(2000);
    const share = (word: string) =>
      a.filter((r) => `${r.offer.title} ${r.offer.description}`.includes(word)).length / 2000;
    expect(share("Weiterbildung")).toBeGreaterThan(0.85);
    expect(share("Seminar")).toBeGreaterThan(0.6);
    expect(share("Erbbaurecht")).toBeLessThan(0.01);
    expect(new Set(a.map((r) => r.offer.districtKey).filter(Boolean)).size).toBe(44);
    for (const { offer, modules, sessions } of a) {
      expect(offer.moduleCodes).toEqual(modules);
      if (!offer.relevant) expect(modules).toEqual([]);
      if (offer.online) expect(offer.districtKey).toBeNull();
      expect(offer.firstStart).toEqual(sessions[0]?.[0] ?? null);
    }
    expect([...catalogueRows({ offers: 5, baseDate, seed: "2" }, places)][0]?.offer.id).not.toBe(a[0]?.offer.id);
  });

  it("escapes COPY text", () => {
    expect(copyLine(["a\tb\\c\nd", null, true, ["x y", 'q"'], new Date("2026-01-02T03:04:05.006Z")])).toBe(
      'a\\tb\\\\c\\nd\t\\N\tt\t{"x y","q\\\\""}\t2026-01-02 03:04:05.006\n',
    );
  });
});

describe("loading into the database", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ seed: false });
    await seedTaxonomy(t.db);
    await seedPlaceData(t.db);
  }, 60_000);
  afterAll(() => t.drop());

  it("writes offers, sessions and module rows the matcher finds", async () => {
    const result = await loadCatalogue(t.db, { offers: 600, baseDate, databaseUrl: t.url ?? null });
    expect(result.offers).toBe(600);
    const [counts] = await t.db.sql<{ offers: number; sessions: number; districts: number; vectors: number }>(
      `select (select count(*)::int from "Offer") as offers, (select count(*)::int from "Session") as sessions,
              (select count(distinct "districtKey")::int from "Offer") as districts,
              (select count(*)::int from "Offer" where "searchVector" @@ to_tsquery('german', 'Weiterbildung')) as vectors`,
    );
    expect(counts).toMatchObject({ offers: 600, sessions: result.sessions, districts: 44 });
    expect(counts?.vectors).toBeGreaterThan(500);
    expect((await synthPlaces(t.db)).length).toBeGreaterThan(500);
    const page = await matchOffers(t.db, { text: "Weiterbildung" }, baseDate, 0, 20);
    expect(page.items).toHaveLength(20);
    expect(page.totalCount).toBeGreaterThan(400);
  }, 60_000);
});
