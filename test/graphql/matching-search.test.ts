import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COORDS, NOW, seedMunicipalities } from "../../schema/matching/fixtures/test-support.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { testGateway } from "../support/gateway.ts";
import { createFeed, createOffer, createProvider, type OfferSeed } from "../factories/offers.ts";

let t: TestDatabase;
let api: Awaited<ReturnType<typeof testGateway>>;
const ids: Record<string, string> = {};

const d = (s: string) => new Date(s);
const at = (day: string) => [{ start: d(`${day}T08:00:00Z`), end: d(`${day}T15:00:00Z`) }];

beforeAll(async () => {
  t = await createTestDatabase();
  await seedMunicipalities(t.db);
  api = await testGateway(t.db, { now: () => NOW });
  const provider = await createProvider(t.db, { name: "Akademie Ländlicher Raum", slug: "alr" });
  const feed = await createFeed(t.db, provider.id);
  const offer = async (
    key: string,
    seed: OfferSeed,
    extra: { latitude?: number; longitude?: number; funding?: string[] } = {},
  ) => {
    const row = await createOffer(t.db, feed, seed);
    if (Object.keys(extra).length) await t.db.prisma.offer.update({ where: { id: row.id }, data: extra });
    ids[key] = row.id;
  };
  const koordination = { roles: ["KOORDINATION" as const], learningAreas: ["LB2"] };
  await offer(
    "near",
    {
      ...koordination,
      title: "Bedarfe im Quartier erheben (Göppingen)",
      moduleCodes: ["M05"],
      sessions: at("2027-03-10"),
      districtKey: "08117",
      regionKey: "081",
      priceAmount: 90,
    },
    COORDS["Göppingen"],
  );
  await offer(
    "far",
    {
      ...koordination,
      title: "Bedarfe im Quartier erheben (Freiburg)",
      moduleCodes: ["M05"],
      sessions: at("2027-03-10"),
      districtKey: "08311",
      regionKey: "083",
      priceAmount: 90,
    },
    COORDS["Freiburg im Breisgau"],
  );
  await offer(
    "online",
    {
      title: "Webinar Ehrenamt begleiten",
      moduleCodes: ["M09"],
      learningAreas: ["LB3"],
      roles: ["KOORDINATION"],
      sessions: at("2027-04-20"),
      online: true,
      free: true,
    },
    { funding: ["Landesprogramm Quartier 2030"] },
  );
  await offer(
    "completedOnly",
    {
      ...koordination,
      title: "Grundlagen Quartiersentwicklung",
      moduleCodes: ["M01"],
      learningAreas: ["LB1"],
      sessions: at("2027-02-01"),
      districtKey: "08111",
      regionKey: "081",
      priceAmount: 250,
    },
    COORDS.Stuttgart,
  );
  await offer(
    "steuerung",
    {
      title: "Gremien sensibilisieren",
      moduleCodes: ["M16"],
      learningAreas: ["LB5"],
      roles: ["STEUERUNG"],
      sessions: at("2027-06-01"),
      districtKey: "08212",
      regionKey: "082",
      priceAmount: 40,
    },
    COORDS.Karlsruhe,
  );
  // Never proposed: past, withdrawn, not relevant, a duplicate.
  await offer(
    "past",
    {
      ...koordination,
      title: "Vergangen",
      moduleCodes: ["M05"],
      sessions: at("2026-12-01"),
      districtKey: "08117",
      regionKey: "081",
    },
    COORDS["Göppingen"],
  );
  await offer("withdrawn", {
    ...koordination,
    title: "Zurückgezogen",
    moduleCodes: ["M05"],
    sessions: at("2027-03-01"),
    districtKey: "08117",
    status: "WITHDRAWN",
  });
  await offer("irrelevant", {
    ...koordination,
    title: "Vereinsbuchhaltung",
    moduleCodes: ["M05"],
    sessions: at("2027-03-01"),
    districtKey: "08117",
    relevant: false,
  });
  await offer("duplicate", {
    ...koordination,
    title: "Bedarfe im Quartier erheben (Kopie)",
    moduleCodes: ["M05"],
    sessions: at("2027-03-10"),
    districtKey: "08117",
    duplicateOfId: ids.near,
  });
});
afterAll(async () => {
  await api.gateway.stop();
  await t.drop();
});

const MATCH = `query M($profile: MatchProfile, $first: Int, $after: String) {
  matchOffers(profile: $profile, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { score reasons distanceKm offer { id title } } }
  }
}`;
interface MatchData {
  matchOffers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: { score: number; reasons: string[]; distanceKm: number | null; offer: { id: string; title: string } };
    }[];
  };
}
const match = (profile: Record<string, unknown>, first?: number, after?: string | null) =>
  api.raw<MatchData>(MATCH, { profile, first, after });
const idsOf = (data: MatchData | null | undefined) => data!.matchOffers.edges.map((e) => e.node.offer.id);

describe("matchOffers", () => {
  it("never lists past, withdrawn, irrelevant or duplicate offers", async () => {
    const { data, errors } = await match({});
    expect(errors).toBeUndefined();
    const found = idsOf(data);
    expect(data!.matchOffers.totalCount).toBe(5);
    for (const key of ["past", "withdrawn", "irrelevant", "duplicate"]) expect(found).not.toContain(ids[key]);
  });

  it("keeps past offers out even when the window starts in the past", async () => {
    const { data } = await match({ from: "2026-01-01T00:00:00Z" });
    expect(idsOf(data)).not.toContain(ids.past);
  });

  it("ranks a nearer fitting offer above a farther one, with German reasons", async () => {
    const { data, errors } = await match({
      roles: ["KOORDINATION"],
      place: { postcode: "73033" },
      onlineAcceptable: false,
    });
    expect(errors).toBeUndefined();
    const found = idsOf(data);
    expect(found.indexOf(ids.near!)).toBeLessThan(found.indexOf(ids.far!));
    const near = data!.matchOffers.edges.find((e) => e.node.offer.id === ids.near)!.node;
    expect(near.reasons).toEqual(
      expect.arrayContaining(["deckt Modul M05 ab", "im eigenen Landkreis", "passt zu Ihrem Aufgabenfeld"]),
    );
    expect(near.distanceKm).toBeLessThan(2);
    const far = data!.matchOffers.edges.find((e) => e.node.offer.id === ids.far)!.node;
    expect(far.reasons.some((r) => /^1\d\d km entfernt$/.test(r))).toBe(true);
    expect(found).not.toContain(ids.online); // onlineAcceptable: false
  });

  it("filters by radius around a misspelt municipality, letting online offers through", async () => {
    const { data, errors } = await match({ place: { municipality: "Göpingen" }, radiusKm: 30 });
    expect(errors).toBeUndefined();
    expect(new Set(idsOf(data))).toEqual(new Set([ids.near, ids.online]));
    const online = data!.matchOffers.edges.find((e) => e.node.offer.id === ids.online)!.node;
    expect(online.reasons).toEqual(expect.arrayContaining(["online", "kostenfrei", "gefördert"]));
  });

  it("resolves a short name to the full municipality (Freiburg → Freiburg im Breisgau)", async () => {
    const { data } = await match({
      place: { municipality: "Freiburg" },
      scope: "OWN_DISTRICT",
      onlineAcceptable: false,
    });
    expect(idsOf(data)).toEqual([ids.far]);
  });

  it("does not propose an offer whose modules are all completed", async () => {
    const { data } = await match({ roles: ["KOORDINATION"], completedModules: ["M01"] });
    expect(idsOf(data)).not.toContain(ids.completedOnly);
    expect(idsOf(data)).toContain(ids.near);
  });

  it("applies price, subsidy, region and text filters", async () => {
    expect(new Set(idsOf((await match({ maxPrice: 50 })).data))).toEqual(new Set([ids.online, ids.steuerung]));
    expect(idsOf((await match({ subsidisedOnly: true })).data)).toEqual([ids.online]);
    expect(
      idsOf((await match({ place: { districtKey: "08212" }, scope: "OWN_REGION", onlineAcceptable: false })).data),
    ).toEqual([ids.steuerung]);
    expect(idsOf((await match({ text: "Gremien" })).data)).toEqual([ids.steuerung]);
  });

  it("pages through the ranked list with cursors", async () => {
    const first = await match({ roles: ["KOORDINATION"] }, 2);
    expect(first.data!.matchOffers.pageInfo.hasNextPage).toBe(true);
    const second = await match({ roles: ["KOORDINATION"] }, 2, first.data!.matchOffers.pageInfo.endCursor);
    const all = await match({ roles: ["KOORDINATION"] }, 10);
    expect([...idsOf(first.data), ...idsOf(second.data)]).toEqual(idsOf(all.data).slice(0, 4));
  });

  it.each([
    [{ modules: ["M99"] }, "profile.modules"],
    [{ place: { postcode: "7303" } }, "profile.place.postcode"],
    [{ place: { municipality: "Xyzabcdorf" } }, "profile.place.municipality"],
    [{ radiusKm: 20 }, "profile.place"],
    [{ place: { postcode: "73033" }, radiusKm: 5000 }, "profile.radiusKm"],
    [{ maxPrice: -1 }, "profile.maxPrice"],
  ])("rejects %j naming %s", async (profile, field) => {
    const { errors } = await match(profile);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });
});

const FACETS = `query F($profile: MatchProfile) { matchFacets(profile: $profile) {
  total learningAreas { key count } modules { key count } districts { key label count }
  learningFormats { key count } months { key count } priceBands { key count } } }`;
type Facet = { key: string; label?: string | null; count: number };
interface FacetData {
  matchFacets: {
    total: number;
    learningAreas: Facet[];
    modules: Facet[];
    districts: Facet[];
    learningFormats: Facet[];
    months: Facet[];
    priceBands: Facet[];
  };
}

describe("matchFacets", () => {
  it("counts exactly the listed offers per dimension", async () => {
    const { data, errors } = await api.raw<FacetData>(FACETS, { profile: {} });
    expect(errors).toBeUndefined();
    const f = data!.matchFacets;
    const pairs = (list: Facet[]) => Object.fromEntries(list.map((x) => [x.key, x.count]));
    expect(f.total).toBe(5);
    expect(pairs(f.learningAreas)).toEqual({ LB1: 1, LB2: 2, LB3: 1, LB5: 1 });
    expect(pairs(f.modules)).toEqual({ M01: 1, M05: 2, M09: 1, M16: 1 });
    expect(pairs(f.districts)).toEqual({ "08111": 1, "08117": 1, "08212": 1, "08311": 1 });
    expect(f.districts.find((x) => x.key === "08117")?.label).toBe("Göppingen");
    expect(pairs(f.learningFormats)).toEqual({ BASIS: 5 });
    expect(pairs(f.months)).toEqual({ "2027-02": 1, "2027-03": 2, "2027-04": 1, "2027-06": 1 });
    expect(pairs(f.priceBands)).toEqual({ kostenfrei: 1, "bis 50 €": 1, "50–200 €": 2, "über 200 €": 1 });
  });

  it("follows the profile's filter, in the same request as the matches", async () => {
    const { data } = await api.raw<FacetData & MatchData>(
      `query($p: MatchProfile) { matchFacets(profile: $p) { total modules { key count } } matchOffers(profile: $p) { totalCount } }`,
      { p: { roles: ["KOORDINATION"], completedModules: ["M01"] } },
    );
    expect(data!.matchFacets.total).toBe(data!.matchOffers.totalCount);
    expect(data!.matchFacets.modules).toEqual([
      { key: "M05", count: 2 },
      { key: "M09", count: 1 },
    ]);
  });
});
