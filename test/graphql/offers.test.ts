import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { testGateway } from "../support/gateway.ts";
import { createFeed, createOffer, createProvider } from "../factories/offers.ts";
import { OfferByIdDocument, OffersDocument, ProviderByIdDocument, ProvidersDocument } from "./generated.ts";

let t: TestDatabase;
let api: Awaited<ReturnType<typeof testGateway>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  api = await testGateway(t.db);
  const provider = await createProvider(t.db, { name: "Evangelische Akademie Beispiel", slug: "akademie" });
  const pending = await createProvider(t.db, { name: "Neuer Anbieter", slug: "neu", status: "PENDING" });
  ids.pending = pending.id;
  ids.provider = provider.id;
  const feed = await createFeed(t.db, provider.id);
  const d = (s: string) => new Date(s);
  ids.sozialraum = (
    await createOffer(t.db, feed, {
      title: "Sozialräume analysieren: Methodenwerkstatt",
      description: "Stadtteilbegehung, Nadelmethode und Bürgerbefragung für die Sozialraumanalyse.",
      sessions: [{ start: d("2027-03-18T13:00:00Z"), end: d("2027-03-18T16:30:00Z") }],
      moduleCodes: ["M04"],
      learningAreas: ["LB2"],
      roles: ["STEUERUNG"],
      districtKey: "08117",
      regionKey: "081",
      priceAmount: 120,
    })
  ).id;
  ids.ehrenamt = (
    await createOffer(t.db, feed, {
      title: "Ehrenamtliche gewinnen und begleiten",
      description: "Zusammenarbeit mit Ehrenamtlichen im Quartier erfolgreich gestalten.",
      sessions: [{ start: d("2027-05-04T07:00:00Z"), end: d("2027-05-04T14:00:00Z") }],
      moduleCodes: ["M09"],
      learningAreas: ["LB3"],
      roles: ["KOORDINATION"],
      districtKey: "08311",
      regionKey: "083",
      free: true,
    })
  ).id;
  ids.online = (
    await createOffer(t.db, feed, {
      title: "Webinar: Netzwerkarbeit im Sozialraum",
      description: "Grundlagen der Netzwerkarbeit, online.",
      sessions: [{ start: d("2027-09-01T08:00:00Z"), end: d("2027-09-01T10:00:00Z") }],
      moduleCodes: ["M11"],
      learningAreas: ["LB4"],
      roles: ["KOORDINATION", "STEUERUNG"],
      online: true,
      learningFormat: "VERTIEFUNG",
    })
  ).id;
  // Never listed: withdrawn, not relevant, a recognised duplicate.
  await createOffer(t.db, feed, { title: "Zurückgezogen", status: "WITHDRAWN" });
  await createOffer(t.db, feed, { title: "Vereinsbuchhaltung", relevant: false });
  await createOffer(t.db, feed, { title: "Sozialräume analysieren (Kopie)", duplicateOfId: ids.sozialraum });
});
afterAll(async () => {
  await api.gateway.stop();
  await t.drop();
});

const titles = (data: { offers: { edges: { node: { title: string } }[] } } | null | undefined) =>
  data!.offers.edges.map((e) => e.node.title);

describe("offers connection", () => {
  it("lists current, relevant, canonical offers by date with a total count", async () => {
    const { data, errors } = await api.run(OffersDocument, {});
    expect(errors).toBeUndefined();
    expect(data!.offers.totalCount).toBe(3);
    expect(titles(data)).toEqual([
      "Sozialräume analysieren: Methodenwerkstatt",
      "Ehrenamtliche gewinnen und begleiten",
      "Webinar: Netzwerkarbeit im Sozialraum",
    ]);
  });

  it("pages with cursors", async () => {
    const first = await api.run(OffersDocument, { first: 2 });
    expect(first.data!.offers.edges).toHaveLength(2);
    expect(first.data!.offers.pageInfo.hasNextPage).toBe(true);
    const second = await api.run(OffersDocument, { first: 2, after: first.data!.offers.pageInfo.endCursor });
    expect(titles(second.data)).toEqual(["Webinar: Netzwerkarbeit im Sozialraum"]);
    expect(second.data!.offers.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it.each([
    [{ learningAreas: ["LB3"] }, ["Ehrenamtliche gewinnen und begleiten"]],
    [{ modules: ["m04"] }, ["Sozialräume analysieren: Methodenwerkstatt"]],
    [{ role: "KOORDINATION" }, ["Ehrenamtliche gewinnen und begleiten", "Webinar: Netzwerkarbeit im Sozialraum"]],
    [{ learningFormat: "VERTIEFUNG" }, ["Webinar: Netzwerkarbeit im Sozialraum"]],
    [{ districtKey: "08117" }, ["Sozialräume analysieren: Methodenwerkstatt"]],
    [{ region: "Freiburg" }, ["Ehrenamtliche gewinnen und begleiten"]],
    [{ region: "081" }, ["Sozialräume analysieren: Methodenwerkstatt"]],
    [{ online: true }, ["Webinar: Netzwerkarbeit im Sozialraum"]],
    [{ free: true }, ["Ehrenamtliche gewinnen und begleiten"]],
    [{ from: "2027-04-01T00:00:00Z", to: "2027-06-30T00:00:00Z" }, ["Ehrenamtliche gewinnen und begleiten"]],
    [{ text: "Sozialraumanalyse" }, ["Sozialräume analysieren: Methodenwerkstatt"]],
    [{ text: "Ehrenamtlichen" }, ["Ehrenamtliche gewinnen und begleiten"]],
    [{ text: "Netzwerkarbeit", online: false }, []],
  ])("filters by %j", async (filter, expected) => {
    const { data, errors } = await api.run(OffersDocument, { filter: filter as never });
    expect(errors).toBeUndefined();
    expect(titles(data)).toEqual(expected);
    expect(data!.offers.totalCount).toBe(expected.length);
  });

  it.each([
    [{ first: 0 }, "first"],
    [{ first: 101 }, "first"],
    [{ after: "kaputt" }, "after"],
    [{ filter: { modules: ["M99"] } }, "filter.modules"],
    [{ filter: { learningAreas: ["LB9"] } }, "filter.learningAreas"],
    [{ filter: { districtKey: "8117" } }, "filter.districtKey"],
    [{ filter: { region: "Mordor" } }, "filter.region"],
    [{ filter: { text: "x".repeat(201) } }, "filter.text"],
    [{ filter: { from: "2027-05-01T00:00:00Z", to: "2027-01-01T00:00:00Z" } }, "filter.to"],
  ])("refuses bad input %j with BAD_USER_INPUT naming the field", async (variables, field) => {
    const { errors } = await api.run(OffersDocument, variables as never);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(errors?.[0]?.message).toMatch(/[a-zäöü]/);
  });

  it("resolves nested fields: provider, sessions, place, modules", async () => {
    const { data } = await api.run(OffersDocument, { filter: { districtKey: "08117" } });
    const node = data!.offers.edges[0]!.node;
    expect(node.provider.name).toBe("Evangelische Akademie Beispiel");
    expect(node.sessions).toEqual([
      { start: "2027-03-18T13:00:00.000Z", end: "2027-03-18T16:30:00.000Z", allDay: false },
    ]);
    expect(node.location).toEqual({ districtKey: "08117", district: "Göppingen", region: "Stuttgart" });
    expect(node.modules[0]).toMatchObject({ moduleCode: "M04", source: "AUTOMATIC" });
  });
});

describe("single records", () => {
  it("returns an offer by id with price and provenance", async () => {
    const { data } = await api.run(OfferByIdDocument, { id: ids.sozialraum! });
    expect(data!.offer).toMatchObject({
      status: "ACTIVE",
      price: { amount: 120, currency: "EUR" },
      provenance: { adapter: "test" },
    });
  });

  it("answers NOT_FOUND for an unknown offer, without a stack trace", async () => {
    const { data, errors } = await api.run(OfferByIdDocument, { id: "00000000-0000-0000-0000-000000000000" });
    expect(data?.offer).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(errors?.[0]?.extensions?.stacktrace).toBeUndefined();
  });

  it("lists only approved providers to the public, with their offer counts", async () => {
    const { data } = await api.run(ProvidersDocument);
    expect(data!.providers).toEqual([
      { id: ids.provider, name: "Evangelische Akademie Beispiel", status: "APPROVED", offerCount: 3 },
    ]);
    const pending = await api.run(ProviderByIdDocument, { id: ids.pending! });
    expect(pending.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("hides internal errors behind INTERNAL_SERVER_ERROR", async () => {
    const broken = await createTestDatabase({ seed: false });
    const other = await testGateway(broken.db);
    await broken.db.sql(`drop table "Offer" cascade`);
    const result = await other.raw("{ offers { totalCount } }");
    expect(result.errors?.[0]).toMatchObject({
      message: "Interner Fehler. Die Anfrage wurde protokolliert.",
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(JSON.stringify(result.errors)).not.toMatch(/relation|prisma|does not exist|sql/i);
    await other.gateway.stop();
    await broken.drop();
  });
});
