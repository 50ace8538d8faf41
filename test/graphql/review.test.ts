import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { testGateway } from "../support/gateway.ts";
import { createFeed, createOffer, createProvider } from "../factories/offers.ts";
import { recomputeEffective } from "../../schema/review/effective.ts";
import type { Viewer } from "../../schema/common/context.ts";

let t: TestDatabase;
let api: Awaited<ReturnType<typeof testGateway>>;
const analyst: Viewer = { role: "ANALYST", id: "token:a1", name: "Analystin Test" };
const provider: Viewer = { role: "PROVIDER", id: "token:p1", name: "Anbieter", providerId: "x" };
let offerId = "";

beforeAll(async () => {
  t = await createTestDatabase();
  api = await testGateway(t.db);
  const p = await createProvider(t.db);
  const feed = await createFeed(t.db, p.id);
  const offer = await createOffer(t.db, feed, {
    title: "Bürgerbeteiligung planen",
    moduleCodes: ["M07", "M10"],
    learningAreas: ["LB3"],
  });
  offerId = offer.id;
  await t.db.prisma.offer.update({
    where: { id: offerId },
    data: { needsReview: true, reviewReasons: ["Geringe Konfidenz"] },
  });
  const older = await createOffer(t.db, feed, { title: "Ältere Unsicherheit" });
  await t.db.prisma.offer.update({
    where: { id: older.id },
    data: { needsReview: true, createdAt: new Date("2020-01-01T00:00:00Z") },
  });
});
afterAll(async () => {
  await api.gateway.stop();
  await t.drop();
});

const DECIDE = `mutation($input: ClassificationDecisionInput!) { decideClassification(input: $input) { id relevant learningFormat moduleCodes needsReview } }`;
const QUEUE = `{ reviewQueue(first: 10) { totalCount items { reasons offer { id title } } } }`;

describe("classifyOffer", () => {
  it("classifies without storing, with evidence", async () => {
    const result = await api.raw(
      `query($i: ClassifyOfferInput!) { classifyOffer(input: $i) { relevant score learningAreas modules { code confidence evidence } knowledgeVersion } }`,
      { i: { title: "Sozialraumanalyse kompakt", description: "Stadtteilbegehung und Nadelmethode in der Praxis" } },
    );
    expect(result.errors).toBeUndefined();
    const c = (result.data as { classifyOffer: { relevant: boolean; modules: { code: string; evidence: string[] }[] } })
      .classifyOffer;
    expect(c.relevant).toBe(true);
    expect(c.modules[0]?.code).toBe("M04");
    expect(c.modules[0]?.evidence.length).toBeGreaterThan(0);
  });

  it("refuses an empty title with BAD_USER_INPUT", async () => {
    const result = await api.raw(`{ classifyOffer(input: { title: "  " }) { relevant } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title" });
  });
});

describe("analyst review", () => {
  it("is closed to the public and to providers", async () => {
    expect((await api.raw(QUEUE)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await api.raw(QUEUE, {}, provider)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const mutation = await api.raw(DECIDE, { input: { offerId, removeModules: ["M10"] } }, provider);
    expect(mutation.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await t.db.prisma.offer.findUniqueOrThrow({ where: { id: offerId } })).moduleCodes).toEqual(["M07", "M10"]);
  });

  it("lists uncertain offers newest first, with reasons", async () => {
    const result = await api.raw(QUEUE, {}, analyst);
    const queue = (
      result.data as { reviewQueue: { totalCount: number; items: { reasons: string[]; offer: { title: string } }[] } }
    ).reviewQueue;
    expect(queue.totalCount).toBe(2);
    expect(queue.items.map((i) => i.offer.title)).toEqual(["Bürgerbeteiligung planen", "Ältere Unsicherheit"]);
    expect(queue.items[0]!.reasons).toEqual(["Geringe Konfidenz"]);
  });

  it("applies a decision that wins over the machine, audits it, and leaves the queue", async () => {
    const result = await api.raw(
      DECIDE,
      {
        input: {
          offerId,
          removeModules: ["M10"],
          addModules: ["M08"],
          learningFormat: "VERTIEFUNG",
          reason: "M10 passt nicht",
        },
      },
      analyst,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      decideClassification: { moduleCodes: ["M07", "M08"], learningFormat: "VERTIEFUNG", needsReview: false },
    });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: offerId, action: "classification.decide" },
    });
    expect(audit).toMatchObject({ actorName: "Analystin Test", role: "ANALYST", reason: "M10 passt nicht" });
    expect(audit.before).toMatchObject({ moduleCodes: ["M07", "M10"] });
    const queue = await api.raw(QUEUE, {}, analyst);
    expect((queue.data as { reviewQueue: { totalCount: number } }).reviewQueue.totalCount).toBe(1);
  });

  it("keeps the decision when the machine assigns again (as a re-ingest does)", async () => {
    await t.db.transaction(async ({ sql }) => {
      await sql(`delete from "OfferModule" where "offerId" = $1 and source = 'AUTOMATIC'`, [offerId]);
      for (const code of ["M07", "M10"]) {
        await sql(
          `insert into "OfferModule" (id, "offerId", "moduleCode", source, confidence, evidence, "taxonomyVersion") values (gen_random_uuid()::text, $1, $2, 'AUTOMATIC', 0.9, '{}', 'qiq-2019.1')`,
          [offerId, code],
        );
      }
      await sql(`update "Offer" set "autoLearningFormat" = 'BASIS' where id = $1`, [offerId]);
      await recomputeEffective(sql, [offerId]);
    });
    const offer = await t.db.prisma.offer.findUniqueOrThrow({ where: { id: offerId } });
    expect(offer.moduleCodes).toEqual(["M07", "M08"]);
    expect(offer.learningFormat).toBe("VERTIEFUNG");
  });

  it("sets and clears relevance", async () => {
    await api.raw(DECIDE, { input: { offerId, relevant: false } }, analyst);
    expect((await t.db.prisma.offer.findUniqueOrThrow({ where: { id: offerId } })).relevant).toBe(false);
    await api.raw(DECIDE, { input: { offerId, clearRelevant: true } }, analyst);
    expect((await t.db.prisma.offer.findUniqueOrThrow({ where: { id: offerId } })).relevant).toBe(true);
  });

  it("refuses unknown modules naming the field", async () => {
    const result = await api.raw(DECIDE, { input: { offerId, addModules: ["M42"] } }, analyst);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "addModules" });
  });
});
