import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { testGateway } from "../support/gateway.ts";
import { TaxonomyAreasDocument } from "./generated.ts";

let t: TestDatabase;
let api: Awaited<ReturnType<typeof testGateway>>;

beforeAll(async () => {
  t = await createTestDatabase();
  api = await testGateway(t.db);
});
afterAll(async () => {
  await api.gateway.stop();
  await t.drop();
});

describe("taxonomy over GraphQL", () => {
  it("lists every learning area with its Basis and Vertiefung modules: 29 in all", async () => {
    const { data, errors } = await api.run(TaxonomyAreasDocument);
    expect(errors).toBeUndefined();
    const areas = data!.taxonomy.learningAreas;
    expect(areas.map((a) => a.code)).toEqual(["LB1", "LB2", "LB3", "LB4", "LB5"]);
    const codes = areas.flatMap((a) => a.modules.map((m) => m.code));
    expect(codes).toHaveLength(29);
    expect(new Set(codes).size).toBe(29);
    expect(codes.filter((c) => c.startsWith("M"))).toHaveLength(18);
    expect(codes.filter((c) => c.startsWith("V"))).toHaveLength(11);
  });

  it("gives each role its 72-unit budget split as the guide says", async () => {
    const { data } = await api.run(TaxonomyAreasDocument);
    const roles = Object.fromEntries(data!.taxonomy.roles.map((r) => [r.code, r]));
    expect(roles.KOORDINATION).toMatchObject({ teachingUnits: 72, inPersonUnits: 36, selfStudyUnits: 36 });
    expect(roles.STEUERUNG).toMatchObject({ teachingUnits: 72, inPersonUnits: 54, selfStudyUnits: 18 });
  });

  it("marks module M04 for Steuerung only and M02 for Koordination only", async () => {
    const { data } = await api.run(TaxonomyAreasDocument);
    const modules = data!.taxonomy.learningAreas.flatMap((a) => a.modules);
    expect(modules.find((m) => m.code === "M04")?.roles).toEqual(["STEUERUNG"]);
    expect(modules.find((m) => m.code === "M02")?.roles).toEqual(["KOORDINATION"]);
  });

  it("carries the KoQuMa crosswalk onto existing modules", async () => {
    const { data } = await api.run(TaxonomyAreasDocument);
    const koquma = data!.taxonomy.externalCurricula.find((c) => c.code === "KOQUMA");
    expect(koquma?.modules).toHaveLength(8);
    for (const m of koquma!.modules) expect(m.crosswalk.length).toBeGreaterThan(0);
  });

  it("agrees with the seeded module table in the database", async () => {
    const rows = await t.db.prisma.module.count();
    expect(rows).toBe(29);
  });
});
