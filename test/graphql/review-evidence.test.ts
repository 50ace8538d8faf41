import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../schema/common/context.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { testGateway } from "../support/gateway.ts";
import { createFeed, createOffer, createProvider } from "../factories/offers.ts";
import { recomputeEffective } from "../../schema/review/effective.ts";
import { DecideClassificationDocument, OfferHistoryDocument, ReviewQueueEvidenceDocument } from "./generated.ts";

/** Issue 6, item 4: the review queue shows the evidence, accepts in one step, keeps a readable trail. */
let t: TestDatabase;
let api: Awaited<ReturnType<typeof testGateway>>;
const NOW = new Date("2026-11-22T12:00:00Z");
const analyst: Viewer = { role: "ANALYST", id: "token:a1", name: "Analystin Test" };
const provider: Viewer = { role: "PROVIDER", id: "token:p1", name: "Anbieter", providerId: "x" };
let accepted = "";
let corrected = "";

beforeAll(async () => {
  t = await createTestDatabase();
  api = await testGateway(t.db, { now: () => NOW });
  const feed = await createFeed(t.db, (await createProvider(t.db)).id);
  accepted = (await createOffer(t.db, feed, { title: "Sozialraumanalyse kompakt", moduleCodes: ["M04"] })).id;
  corrected = (await createOffer(t.db, feed, { title: "Bürgerbeteiligung", moduleCodes: ["M07", "M10"] })).id;
  await t.db.prisma.offer.updateMany({
    where: { id: { in: [accepted, corrected] } },
    data: { needsReview: true, reviewReasons: ["Geringe Konfidenz"] },
  });
});
afterAll(async () => {
  await api.gateway.stop();
  await t.drop();
});

describe("review with evidence", () => {
  it("shows the machine's modules with confidence and evidence for every queued offer", async () => {
    const { data, errors } = await api.run(ReviewQueueEvidenceDocument, { first: 10 }, analyst);
    expect(errors).toBeUndefined();
    expect(data!.reviewQueue.totalCount).toBe(2);
    const item = data!.reviewQueue.items.find((i) => i.offer.id === accepted)!;
    expect(item.reasons).toEqual(["Geringe Konfidenz"]);
    expect(item.machineModules).toEqual([
      { moduleCode: "M04", confidence: 0.8, source: "AUTOMATIC", evidence: ["Sozialraumanalyse"] },
    ]);
    expect(item.history).toEqual([]);
  });

  it("accepts the machine's proposal in one step, with who, when, what and why in the trail", async () => {
    const { data, errors } = await api.run(
      DecideClassificationDocument,
      { input: { offerId: accepted, accept: true, reason: "Belege passen" } },
      analyst,
    );
    expect(errors).toBeUndefined();
    expect(data!.decideClassification).toMatchObject({ moduleCodes: ["M04"], needsReview: false });
    // The acceptance is a decision: the machine dropping M04 on a re-ingest does not remove it.
    await t.db.transaction(async ({ sql }) => {
      await sql(`delete from "OfferModule" where "offerId" = $1 and source = 'AUTOMATIC'`, [accepted]);
      await recomputeEffective(sql, [accepted]);
    });
    const offer = await t.db.prisma.offer.findUniqueOrThrow({ where: { id: accepted } });
    expect(offer.moduleCodes).toEqual(["M04"]);
    const history = await api.run(OfferHistoryDocument, { offerId: accepted }, analyst);
    expect(history.errors).toBeUndefined();
    expect(history.data!.offerHistory).toHaveLength(1);
    const event = history.data!.offerHistory[0]!;
    expect(event).toMatchObject({
      actorName: "Analystin Test",
      role: "ANALYST",
      action: "classification.decide",
      entityId: accepted,
      reason: "Belege passen",
    });
    expect(new Date(event.at).getTime()).toBeGreaterThan(0);
    expect(JSON.parse(event.after!)).toMatchObject({ moduleCodes: ["M04"], accepted: true });
  });

  it("accepts and corrects in the same step; the queue shows the trail", async () => {
    const { errors } = await api.run(
      DecideClassificationDocument,
      { input: { offerId: corrected, accept: true, removeModules: ["M10"], reason: "M10 ist Vertiefung" } },
      analyst,
    );
    expect(errors).toBeUndefined();
    const offer = await t.db.prisma.offer.findUniqueOrThrow({ where: { id: corrected } });
    expect(offer.moduleCodes).toEqual(["M07"]);
    await t.db.prisma.offer.update({ where: { id: corrected }, data: { needsReview: true } });
    const queue = await api.run(ReviewQueueEvidenceDocument, { first: 10 }, analyst);
    const item = queue.data!.reviewQueue.items.find((i) => i.offer.id === corrected)!;
    expect(item.history.map((h) => [h.actorName, h.reason])).toEqual([["Analystin Test", "M10 ist Vertiefung"]]);
    expect(JSON.parse(item.history[0]!.before!)).toMatchObject({ moduleCodes: ["M07", "M10"] });
  });

  it("keeps the trail from providers and the public", async () => {
    expect((await api.run(OfferHistoryDocument, { offerId: accepted })).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
    expect((await api.run(OfferHistoryDocument, { offerId: accepted }, provider)).errors?.[0]?.extensions?.code).toBe(
      "FORBIDDEN",
    );
  });
});
