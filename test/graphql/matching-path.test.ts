import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COORDS, NOW, seedMunicipalities } from "../../schema/matching/fixtures/test-support.ts";
import { planPath, type PathCandidate } from "../../schema/matching/learning-path.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { testGateway } from "../support/gateway.ts";
import { createFeed, createOffer, createProvider, type OfferSeed } from "../factories/offers.ts";

let t: TestDatabase;
let api: Awaited<ReturnType<typeof testGateway>>;
const ids: Record<string, string> = {};

const d = (s: string) => new Date(s);
const day = (date: string, from = "08:00", to = "15:00") => ({
  start: d(`${date}T${from}:00Z`),
  end: d(`${date}T${to}:00Z`),
});

/**
 * KOORDINATION's Basis modules are M01 M02 M03 M05 M06 M07 M08 M09 M11 M13 M14 M15; with
 * M01 and M02 completed, P1–P4 cover the other ten. X covers five at once but meets on
 * P2's day, the only offer for M07–M09: a path with X cannot be complete. P4b is a
 * dearer online twin of P4: the alternative.
 */
beforeAll(async () => {
  t = await createTestDatabase();
  await seedMunicipalities(t.db);
  api = await testGateway(t.db, { now: () => NOW });
  const provider = await createProvider(t.db, { name: "Netzwerk Quartier e. V.", slug: "nq" });
  const feed = await createFeed(t.db, provider.id);
  const offer = async (key: string, seed: OfferSeed, extra: Record<string, unknown> = {}) => {
    const row = await createOffer(t.db, feed, { roles: ["KOORDINATION"], learningAreas: ["LB2"], ...seed });
    await t.db.prisma.offer.update({ where: { id: row.id }, data: extra });
    ids[key] = row.id;
  };
  const goeppingen = { districtKey: "08117", regionKey: "081" };
  await offer(
    "P1",
    {
      title: "Ressourcen und Bedarfe",
      moduleCodes: ["M03", "M05", "M06"],
      sessions: [day("2027-02-01"), day("2027-02-02")],
      ...goeppingen,
      priceAmount: 100,
    },
    { ...COORDS["Göppingen"], teachingUnits: 18 },
  );
  await offer(
    "P2",
    {
      title: "Beteiligung aktivieren",
      moduleCodes: ["M07", "M08", "M09"],
      sessions: [day("2027-03-01")],
      districtKey: "08111",
      regionKey: "081",
      priceAmount: 120,
    },
    { ...COORDS.Stuttgart, teachingUnits: 18 },
  );
  await offer(
    "P3",
    {
      title: "Netzwerke knüpfen (online)",
      moduleCodes: ["M11", "M13"],
      sessions: [day("2027-04-01")],
      online: true,
      free: true,
    },
    { teachingUnits: 12 },
  );
  await offer(
    "P4",
    {
      title: "Projektmanagement im Quartier",
      moduleCodes: ["M14", "M15"],
      sessions: [day("2027-05-01")],
      ...goeppingen,
      priceAmount: 60,
    },
    { ...COORDS["Geislingen an der Steige"], teachingUnits: 12 },
  );
  await offer(
    "P4b",
    {
      title: "Projektmanagement kompakt (online)",
      moduleCodes: ["M14", "M15"],
      sessions: [day("2027-06-01")],
      online: true,
      priceAmount: 200,
    },
    { teachingUnits: 12 },
  );
  await offer(
    "X",
    {
      title: "Intensivwoche Quartier",
      moduleCodes: ["M03", "M05", "M06", "M14", "M15"],
      sessions: [day("2027-03-01", "09:00", "17:00")],
      ...goeppingen,
      priceAmount: 50,
    },
    { ...COORDS["Göppingen"], teachingUnits: 30 },
  );
  // Outside the radius: Freiburg, about 160 km away.
  await offer(
    "far",
    {
      title: "Quartiersarbeit im Breisgau",
      moduleCodes: ["M01", "M02", "M03"],
      sessions: [day("2027-02-10")],
      districtKey: "08311",
      regionKey: "083",
    },
    COORDS["Freiburg im Breisgau"],
  );
});
afterAll(async () => {
  await api.gateway.stop();
  await t.drop();
});

const PATH = `query P($input: LearningPathInput!) { learningPath(input: $input) {
  offers { id title sessions { start end } } coveredModules uncoveredModules { code title reason }
  teachingUnits { reached budget inPerson selfStudy inPersonBudget selfStudyBudget estimated } totalPrice unknownPrices
  alternatives { offers { id } coveredModules totalPrice } } }`;
interface PathData {
  offers: { id: string; title: string; sessions: { start: string; end: string | null }[] }[];
  coveredModules: string[];
  uncoveredModules: { code: string; title: string; reason: string }[];
  teachingUnits: {
    reached: number;
    budget: number;
    inPerson: number;
    selfStudy: number;
    inPersonBudget: number;
    selfStudyBudget: number;
    estimated: boolean;
  };
  totalPrice: number;
  unknownPrices: number;
  alternatives: { offers: { id: string }[]; coveredModules: string[]; totalPrice: number }[];
}
const path = async (input: Record<string, unknown>) => api.raw<{ learningPath: PathData }>(PATH, { input });
const KOORDINATION_REST = ["M03", "M05", "M06", "M07", "M08", "M09", "M11", "M13", "M14", "M15"];

function assertNoOverlap(offers: PathData["offers"]) {
  const spans = offers.flatMap((o) =>
    o.sessions.map((s) => ({ id: o.id, start: Date.parse(s.start), end: Date.parse(s.end ?? s.start) })),
  );
  for (const a of spans)
    for (const b of spans) if (a.id !== b.id) expect(a.start < b.end && b.start < a.end).toBe(false);
}

describe("learningPath", () => {
  it("covers every remaining KOORDINATION module without overlapping sessions, in date order", async () => {
    const { data, errors } = await path({
      roles: ["KOORDINATION"],
      completedModules: ["M01", "M02"],
      place: { postcode: "73033" },
      radiusKm: 60,
    });
    expect(errors).toBeUndefined();
    const p = data!.learningPath;
    expect(p.coveredModules).toEqual(KOORDINATION_REST);
    expect(p.uncoveredModules).toEqual([]);
    expect(p.offers.map((o) => o.id)).toEqual([ids.P1, ids.P2, ids.P3, ids.P4]);
    expect(p.offers.map((o) => o.id)).not.toContain(ids.X);
    assertNoOverlap(p.offers);
    expect(p.totalPrice).toBe(280);
  });

  it("sums teaching units against the role's 72 (36 in person, 36 self-study)", async () => {
    const { data } = await path({
      roles: ["KOORDINATION"],
      completedModules: ["M01", "M02"],
      place: { postcode: "73033" },
      radiusKm: 60,
    });
    expect(data!.learningPath.teachingUnits).toEqual({
      reached: 60,
      budget: 72,
      inPerson: 48,
      selfStudy: 12,
      inPersonBudget: 36,
      selfStudyBudget: 36,
      estimated: false,
    });
  });

  it("offers the dearer online twin as an alternative, also without overlaps", async () => {
    const { data } = await path({
      roles: ["KOORDINATION"],
      completedModules: ["M01", "M02"],
      place: { municipality: "Göppingen" },
      radiusKm: 60,
    });
    const alternatives = data!.learningPath.alternatives;
    expect(alternatives.length).toBeGreaterThanOrEqual(1);
    expect(alternatives[0]!.offers.map((o) => o.id)).toEqual([ids.P1, ids.P2, ids.P3, ids.P4b]);
    expect(alternatives[0]!.coveredModules).toEqual(KOORDINATION_REST);
  });

  it("names every module it cannot cover (STEUERUNG has modules no offer teaches)", async () => {
    const { data, errors } = await path({ roles: ["STEUERUNG"], place: { postcode: "73033" }, radiusKm: 60 });
    expect(errors).toBeUndefined();
    const p = data!.learningPath;
    expect(p.uncoveredModules.map((g) => g.code)).toEqual(["M01", "M04", "M10", "M12", "M16", "M17", "M18"]);
    expect(p.uncoveredModules[0]).toMatchObject({
      title: expect.any(String),
      reason: "Kein passendes Angebot im Zeitraum und Umkreis.",
    });
    expect(p.coveredModules).toEqual(["M03", "M07", "M08", "M11", "M15"]);
    expect(p.teachingUnits).toMatchObject({ budget: 72, inPersonBudget: 54, selfStudyBudget: 18 });
  });

  it("never proposes completed modules and stays within the budget", async () => {
    const { data } = await path({
      roles: ["KOORDINATION"],
      completedModules: ["M01", "M02"],
      place: { postcode: "73033" },
      radiusKm: 60,
      maxBudget: 200,
    });
    const p = data!.learningPath;
    expect(p.totalPrice).toBeLessThanOrEqual(200);
    expect(p.coveredModules).not.toContain("M01");
    expect(p.uncoveredModules.length).toBeGreaterThan(0);
    assertNoOverlap(p.offers);
  });

  it("with online only (no place), proposes only online offers", async () => {
    const { data } = await path({ roles: ["KOORDINATION"], completedModules: ["M01", "M02"], onlineAcceptable: true });
    expect(data!.learningPath.offers.map((o) => o.id).sort()).toEqual([ids.P3, ids.P4b].sort());
  });

  it.each([
    [{ roles: [] }, "input.roles"],
    [{ roles: ["KOORDINATION"], months: 0, onlineAcceptable: true }, "input.months"],
    [{ roles: ["KOORDINATION"], onlineAcceptable: false }, "input.place"],
    [{ roles: ["KOORDINATION"], completedModules: ["M77"], onlineAcceptable: true }, "input.completedModules"],
  ])("rejects %j naming %s", async (input, field) => {
    const { errors } = await path(input);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });
});

describe("planPath (the search alone)", () => {
  const c = (id: string, covers: string[], day: number, price = 0): PathCandidate => ({
    id,
    covers,
    price,
    distanceKm: 0,
    online: false,
    firstStart: day,
    busy: [[day, day + 10]],
  });

  // Greedy takes "big" first; every offer for D then overlaps it. The search finds ab + cd.
  it("finds the exact optimum where greedy would take the big overlapping offer", () => {
    const plan = planPath(
      ["A", "B", "C", "D"],
      [c("big", ["A", "B", "C"], 200), c("ab", ["A", "B"], 100), c("cd", ["C", "D"], 200), c("d", ["D"], 205)],
      null,
    );
    expect(plan.ids).toEqual(["ab", "cd"]);
    expect(plan.uncovered).toEqual([]);
  });

  it("prefers fewer offers, then the cheaper one", () => {
    const plan = planPath(
      ["A", "B"],
      [c("a", ["A"], 0), c("b", ["B"], 100), c("ab1", ["A", "B"], 200, 90), c("ab2", ["A", "B"], 300, 40)],
      null,
    );
    expect(plan.ids).toEqual(["ab2"]);
  });
});
