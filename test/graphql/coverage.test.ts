import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { testGateway } from "../support/gateway.ts";
import { createFeed, createOffer, createProvider, type OfferSeed } from "../factories/offers.ts";
import type { Viewer } from "../../schema/common/context.ts";
import { CoverageDocument, CoverageOffersDocument, type CoverageQuery } from "./generated.ts";

let t: TestDatabase;
let api: Awaited<ReturnType<typeof testGateway>>;
const NOW = new Date("2026-11-22T00:00:00Z");
const analyst: Viewer = { role: "ANALYST", id: "token:a1", name: "Analystin Test" };
const provider: Viewer = { role: "PROVIDER", id: "token:p1", name: "Anbieter", providerId: "x" };
const d = (s: string) => new Date(s);
const at = (s: string) => [{ start: d(s), end: new Date(d(s).getTime() + 3 * 3600_000) }];
const ids: Record<string, string> = {};

/**
 * Hand-built fixtures, default period 2026-11-22 … 2027-11-22, previous 2025-11-22 … 2026-11-22.
 * Göppingen 08117 carries most of it; Freiburg 08311 only had M04 last year; Karlsruhe
 * 08212 had M09 long ago (withdrawn since); Ulm 08421 has a hybrid offer.
 */
beforeAll(async () => {
  t = await createTestDatabase();
  api = await testGateway(t.db, { now: () => NOW });
  const a = await createFeed(t.db, (await createProvider(t.db, { name: "Akademie A" })).id);
  const b = await createFeed(t.db, (await createProvider(t.db, { name: "Bildungswerk B" })).id);
  const goeppingen: OfferSeed = { districtKey: "08117", regionKey: "081" };
  ids.one = (
    await createOffer(t.db, a, {
      ...goeppingen,
      title: "Eins",
      moduleCodes: ["M04"],
      roles: ["KOORDINATION"],
      sessions: [...at("2027-03-18T09:00:00Z"), ...at("2027-04-01T09:00:00Z")],
    })
  ).id;
  ids.two = (
    await createOffer(t.db, b, {
      ...goeppingen,
      title: "Zwei",
      moduleCodes: ["M04", "M05"],
      roles: ["STEUERUNG"],
      learningFormat: "VERTIEFUNG",
      sessions: at("2027-05-01T09:00:00Z"),
    })
  ).id;
  await createOffer(t.db, a, {
    districtKey: "08311",
    regionKey: "083",
    title: "Drei (voriges Jahr)",
    moduleCodes: ["M04"],
    sessions: at("2026-03-01T09:00:00Z"),
  });
  // A series across the boundary: in both periods.
  await createOffer(t.db, a, {
    ...goeppingen,
    title: "Vier (Reihe)",
    moduleCodes: ["M04"],
    roles: ["KOORDINATION"],
    sessions: [...at("2026-11-01T09:00:00Z"), ...at("2026-12-01T09:00:00Z")],
  });
  await createOffer(t.db, b, {
    title: "Fünf (online)",
    online: true,
    moduleCodes: ["M04"],
    sessions: at("2027-02-01T09:00:00Z"),
  });
  await createOffer(t.db, a, {
    districtKey: "08212",
    regionKey: "082",
    title: "Sechs (zurückgezogen, alt)",
    moduleCodes: ["M09"],
    status: "WITHDRAWN",
    sessions: at("2024-05-01T09:00:00Z"),
  });
  const hybrid = await createOffer(t.db, b, {
    districtKey: "08421",
    regionKey: "084",
    title: "Sieben (hybrid)",
    online: true,
    moduleCodes: ["M05"],
    sessions: at("2027-06-01T09:00:00Z"),
  });
  await t.db.prisma.offer.update({ where: { id: hybrid.id }, data: { hybrid: true } });
  // Never counted: a duplicate, an irrelevant offer, a withdrawn one in the period, one without dates.
  await createOffer(t.db, a, {
    ...goeppingen,
    title: "Duplikat",
    duplicateOfId: ids.one,
    sessions: at("2027-03-18T09:00:00Z"),
  });
  await createOffer(t.db, a, {
    ...goeppingen,
    title: "Irrelevant",
    relevant: false,
    sessions: at("2027-03-18T09:00:00Z"),
  });
  await createOffer(t.db, a, {
    ...goeppingen,
    title: "Weg",
    status: "WITHDRAWN",
    sessions: at("2027-03-18T09:00:00Z"),
  });
  await createOffer(t.db, a, { ...goeppingen, title: "Ohne Termin", sessions: [] });
  await t.db.prisma.offer.update({ where: { id: ids.one }, data: { audiences: ["MUNICIPAL_STAFF"] } });
});
afterAll(async () => {
  await api.gateway.stop();
  await t.drop();
});

type Coverage = CoverageQuery["coverage"];
async function coverage(input: Record<string, unknown> = {}): Promise<Coverage> {
  const { data, errors } = await api.run(CoverageDocument, { input }, analyst);
  expect(errors).toBeUndefined();
  return data!.coverage;
}
const cell = (c: Coverage, moduleCode: string, regionKey: string) =>
  c.cells.find((x) => x.moduleCode === moduleCode && x.regionKey === regionKey);
const gap = (c: Coverage, moduleCode: string, regionKey: string) =>
  c.gaps.find((x) => x.moduleCode === moduleCode && x.regionKey === regionKey);

describe("coverage", () => {
  it("counts offers, providers and sessions per module × district, with the previous period", async () => {
    const c = await coverage();
    expect(c.level).toBe("DISTRICT");
    expect(c.period).toEqual({ from: "2026-11-22T00:00:00.000Z", to: "2027-11-22T00:00:00.000Z" });
    expect(c.previousPeriod).toEqual({ from: "2025-11-22T00:00:00.000Z", to: "2026-11-22T00:00:00.000Z" });
    expect(c.modules).toHaveLength(29);
    expect(c.modules[0]).toMatchObject({ code: "M01", tier: "BASIS", learningArea: "LB1" });
    expect(c.regions.map((r) => r.name)).toEqual([
      "Freiburg im Breisgau",
      "Göppingen",
      "Karlsruhe",
      "Stuttgart",
      "Ulm",
    ]);
    expect(cell(c, "M04", "08117")).toEqual({
      moduleCode: "M04",
      regionKey: "08117",
      offers: 3,
      providers: 2,
      sessions: 4,
      previousOffers: 1,
    });
    expect(cell(c, "M05", "08117")).toMatchObject({ offers: 1, providers: 1, sessions: 1, previousOffers: 0 });
    expect(cell(c, "M04", "08311")).toMatchObject({ offers: 0, previousOffers: 1 });
    // Hybrid offers count at their place.
    expect(cell(c, "M05", "08421")).toMatchObject({ offers: 1 });
    expect(c.cells).toHaveLength(4);
    expect(c.online).toEqual([{ moduleCode: "M04", offers: 1, providers: 1, sessions: 1 }]);
    expect(c.totals).toEqual({ offers: 5, providers: 2, sessions: 6, online: 1, previousOffers: 2 });
  });

  it("lists gaps with the last time the module was offered there", async () => {
    const c = await coverage();
    expect(gap(c, "M04", "08117")).toBeUndefined();
    expect(gap(c, "M04", "08311")?.lastOfferedAt).toBe("2026-03-01T09:00:00.000Z");
    expect(gap(c, "M09", "08212")?.lastOfferedAt).toBe("2024-05-01T09:00:00.000Z");
    expect(gap(c, "M01", "08111")).toEqual({ moduleCode: "M01", regionKey: "08111", lastOfferedAt: null });
    expect(c.gaps).toHaveLength(29 * 5 - 3);
  });

  it("counts online offers in every region when asked", async () => {
    const c = await coverage({ countOnlineInRegions: true });
    expect(cell(c, "M04", "08111")).toMatchObject({ offers: 1, providers: 1, sessions: 1 });
    expect(cell(c, "M04", "08117")).toMatchObject({ offers: 4, providers: 2, sessions: 5 });
    expect(gap(c, "M04", "08111")).toBeUndefined();
    expect(c.online).toHaveLength(1);
    expect(c.totals.offers).toBe(5);
  });

  it("filters by role, learning format, audience and tier", async () => {
    expect(cell(await coverage({ role: "KOORDINATION" }), "M04", "08117")?.offers).toBe(2);
    expect(cell(await coverage({ learningFormat: "VERTIEFUNG" }), "M04", "08117")?.offers).toBe(1);
    // Offers naming no audience are open to all; "Eins" is for municipal staff only.
    expect(cell(await coverage({ audience: "VOLUNTEERS" }), "M04", "08117")?.offers).toBe(2);
    const advanced = await coverage({ tier: "VERTIEFUNG" });
    expect(advanced.modules.map((m) => m.code)).toEqual([
      "V01",
      "V02",
      "V03",
      "V04",
      "V05",
      "V06",
      "V07",
      "V08",
      "V09",
      "V10",
      "V11",
    ]);
    expect(advanced.cells).toEqual([]);
  });

  it("groups by administrative region", async () => {
    const c = await coverage({ level: "REGION" });
    expect(c.regions).toHaveLength(4);
    expect(cell(c, "M04", "081")).toMatchObject({ offers: 3, providers: 2, previousOffers: 1 });
    expect(cell(c, "M04", "083")).toMatchObject({ offers: 0, previousOffers: 1 });
  });

  it("a custom period moves the previous one with it", async () => {
    const c = await coverage({ from: "2026-01-01T00:00:00Z", to: "2026-07-01T00:00:00Z" });
    expect(c.previousPeriod.from).toBe("2025-07-04T00:00:00.000Z");
    expect(cell(c, "M04", "08311")).toMatchObject({ offers: 1, previousOffers: 0 });
  });
});

describe("coverageOffers", () => {
  async function total(input: Record<string, unknown>): Promise<number> {
    const { data, errors } = await api.run(CoverageOffersDocument, { input, first: 100 }, analyst);
    expect(errors).toBeUndefined();
    expect(data!.coverageOffers.edges).toHaveLength(Math.min(100, data!.coverageOffers.totalCount));
    return data!.coverageOffers.totalCount;
  }

  it("every number of the matrix equals the count of the offers behind it", async () => {
    for (const input of [{}, { countOnlineInRegions: true }, { level: "REGION" }, { role: "KOORDINATION" }]) {
      const c = await coverage(input);
      for (const x of c.cells) {
        expect(await total({ ...input, moduleCode: x.moduleCode, regionKey: x.regionKey })).toBe(x.offers);
        expect(await total({ ...input, moduleCode: x.moduleCode, regionKey: x.regionKey, previous: true })).toBe(
          x.previousOffers,
        );
      }
      for (const row of c.online)
        expect(await total({ ...input, moduleCode: row.moduleCode, online: true })).toBe(row.offers);
      expect(await total({ ...input, online: true })).toBe(c.totals.online);
      expect(await total(input)).toBe(c.totals.offers);
      expect(await total({ ...input, previous: true })).toBe(c.totals.previousOffers);
    }
  });

  it("returns the offers themselves, earliest first, paged", async () => {
    const first = await api.run(
      CoverageOffersDocument,
      { input: { moduleCode: "M04", regionKey: "08117" }, first: 2 },
      analyst,
    );
    expect(first.data!.coverageOffers.edges.map((e) => e.node.title)).toEqual(["Vier (Reihe)", "Eins"]);
    expect(first.data!.coverageOffers.pageInfo.hasNextPage).toBe(true);
    const next = await api.run(
      CoverageOffersDocument,
      {
        input: { moduleCode: "M04", regionKey: "08117" },
        first: 2,
        after: first.data!.coverageOffers.pageInfo.endCursor,
      },
      analyst,
    );
    expect(next.data!.coverageOffers.edges.map((e) => e.node.title)).toEqual(["Zwei"]);
    expect(next.data!.coverageOffers.totalCount).toBe(3);
  });
});

describe("coverage input and access", () => {
  it("refuses bad periods and unknown keys with BAD_USER_INPUT and the field", async () => {
    const bad = async (input: Record<string, unknown>, field: string) => {
      const result = await api.run(CoverageOffersDocument, { input }, analyst);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    };
    await bad({ from: "2027-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }, "input.to");
    await bad({ from: "2027-01-01T00:00:00Z", to: "2030-02-01T00:00:00Z" }, "input.to");
    await bad({ moduleCode: "X99" }, "input.moduleCode");
    await bad({ regionKey: "99999" }, "input.regionKey");
    await bad({ level: "REGION", regionKey: "08117" }, "input.regionKey");
    const c = await api.run(
      CoverageDocument,
      { input: { to: "2020-01-01T00:00:00Z", from: "2021-01-01T00:00:00Z" } },
      analyst,
    );
    expect(c.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.to" });
  });

  it("is for analysts and administrators only", async () => {
    const pub = await api.run(CoverageDocument, {});
    expect(pub.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const prov = await api.run(CoverageDocument, {}, provider);
    expect(prov.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const offers = await api.run(CoverageOffersDocument, { input: {} }, provider);
    expect(offers.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const admin = await api.run(CoverageDocument, {}, { role: "ADMIN", id: "token:ad", name: "Admin" });
    expect(admin.errors).toBeUndefined();
  });
});
