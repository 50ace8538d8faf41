import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { createGateway, listen, type Gateway } from "../../gateway/server.ts";
import { hubSchema } from "../../schema/build-schema.ts";
import { adapterFor } from "../../ingest/adapters/index.ts";
import type { FeedKind, OfferDraft } from "../../ingest/adapters/types.ts";
import { normaliseSessionDraft } from "../../ingest/normalise/dates.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { createFeed, createOffer, createProvider } from "../factories/offers.ts";
import { SCHEMA_ORG_TERMS } from "./schema-org-terms.ts";

/**
 * The hub's published feeds: filters, conditional GETs, schema.org vocabulary, and a round
 * trip through the hub's own adapters that must give back the offers it published.
 */

let t: TestDatabase;
let gateway: Gateway;
let server: Server;
let base = "";

interface Expected {
  title: string;
  firstStart: string;
  postalCode: string | null;
  price: number | null;
}
const expected: Expected[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  gateway = await createGateway({
    db: t.db,
    schema: await hubSchema(),
    logger: pino({ level: "silent" }),
    env: "production",
    introspection: false,
  });
  server = await listen(gateway, 0, "127.0.0.1");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = await createProvider(t.db, { name: "Evangelisches Bildungswerk Filstal", slug: "ebw-filstal" });
  const feed = await createFeed(t.db, provider.id);
  const series = await createOffer(t.db, feed, {
    title: "Sozialraumanalyse im Quartier – Werkstattreihe",
    description: "Drei Werkstatt-Nachmittage: Begehungen, Nadelmethode & Auswertung <mit> Karten.",
    sessions: [
      { start: new Date("2027-03-18T13:00:00Z"), end: new Date("2027-03-18T16:30:00Z") },
      { start: new Date("2027-03-25T13:00:00Z"), end: new Date("2027-03-25T16:30:00Z") },
    ],
    moduleCodes: ["M04"],
    districtKey: "08117",
    regionKey: "081",
    priceAmount: 120,
    keywords: ["Sozialraum", "Quartiersentwicklung"],
  });
  await t.db.prisma.offer.update({
    where: { id: series.id },
    data: {
      locationName: "Haus der Familie",
      street: "Pfarrstraße 45",
      postalCode: "73033",
      municipality: "Göppingen",
    },
  });
  const online = await createOffer(t.db, feed, {
    title: "Beteiligung digital gestalten",
    sessions: [{ start: new Date("2027-04-07T16:00:00Z"), end: new Date("2027-04-07T18:00:00Z") }],
    moduleCodes: ["M05"],
    districtKey: "08117",
    regionKey: "081",
    online: true,
    free: true,
  });
  await createOffer(t.db, feed, {
    title: "Quartiersarbeit in Karlsruhe",
    sessions: [{ start: new Date("2027-05-12T07:00:00Z"), end: new Date("2027-05-12T14:00:00Z") }],
    moduleCodes: ["M04"],
    districtKey: "08212",
    regionKey: "082",
    priceAmount: 80,
  });
  expected.push(
    { title: series.title, firstStart: "2027-03-18T13:00:00.000Z", postalCode: "73033", price: 120 },
    { title: online.title, firstStart: "2027-04-07T16:00:00.000Z", postalCode: null, price: 0 },
  );
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await gateway.stop();
  await t.drop();
});

const FILTER = "district=08117";

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers });
  return { response, text: await response.text() };
}

/** What the hub's own adapter reads back from a published feed. */
async function ingest(kind: FeedKind, path: string): Promise<OfferDraft[]> {
  const { response, text } = await get(path);
  expect(response.status).toBe(200);
  const result = await adapterFor(kind).parse({
    url: `${base}${path}`,
    text,
    bytes: new TextEncoder().encode(text),
    contentType: response.headers.get("content-type") ?? undefined,
  });
  return result.offers;
}

const instant = (draft: OfferDraft): string => {
  const first = draft.sessions[0];
  const session = first ? normaliseSessionDraft(first) : null;
  return session ? new Date(session.start).toISOString() : "";
};

describe("published feeds", () => {
  it("serve the filtered offers as JSON-LD that the JSON-LD adapter reads back", async () => {
    const drafts = await ingest("JSONLD", `/feeds/offers.jsonld?${FILTER}`);
    expect(
      drafts.map((d) => ({
        title: d.title,
        firstStart: instant(d),
        postalCode: d.location?.postalCode ?? null,
        price: d.price?.amount ?? null,
      })),
    ).toEqual(expected);
    expect(drafts[0]?.sessions).toHaveLength(2);
    expect(drafts[1]?.attendance).toBe("ONLINE");
  });

  it("serve open-Qcat XML that the open-Qcat adapter reads back", async () => {
    const drafts = await ingest("OPENQCAT", `/feeds/offers.xml?${FILTER}`);
    expect(
      drafts.map((d) => ({
        title: d.title,
        firstStart: instant(d),
        postalCode: d.location?.postalCode ?? null,
        price: d.price?.amount ?? null,
      })),
    ).toEqual(expected);
    expect(drafts[0]?.sessions).toHaveLength(2);
    expect(drafts[0]?.description).toContain("Nadelmethode & Auswertung <mit> Karten");
    expect(drafts[1]?.attendance).toBe("ONLINE");
  });

  it("serve an iCalendar feed that the iCalendar adapter reads back (one event per meeting)", async () => {
    const drafts = await ingest("ICAL", `/feeds/offers.ics?${FILTER}`);
    const firstByTitle = new Map<string, string>();
    for (const d of drafts) {
      const start = instant(d);
      const known = firstByTitle.get(d.title);
      if (!known || start < known) firstByTitle.set(d.title, start);
    }
    expect([...firstByTitle]).toEqual(expected.map((e) => [e.title, e.firstStart]));
    const series = drafts.find((d) => d.title === expected[0]?.title);
    expect(series?.locationText ?? JSON.stringify(series?.location)).toContain("73033");
  });

  it("narrow by module as the GraphQL filter does", async () => {
    const drafts = await ingest("JSONLD", "/feeds/offers.jsonld?module=M04");
    expect(drafts.map((d) => d.title).sort()).toEqual(["Quartiersarbeit in Karlsruhe", expected[0]?.title].sort());
  });

  it("answer a conditional GET with 304, by ETag and by Last-Modified", async () => {
    const path = `/feeds/offers.xml?${FILTER}`;
    const first = await get(path);
    const etag = first.response.headers.get("etag");
    const lastModified = first.response.headers.get("last-modified");
    expect(etag).toMatch(/^".+"$/);
    expect(lastModified).toBeTruthy();
    expect((await get(path, { "if-none-match": etag ?? "" })).response.status).toBe(304);
    expect((await get(path, { "if-modified-since": lastModified ?? "" })).response.status).toBe(304);
    expect((await get(path, { "if-none-match": '"anders"' })).response.status).toBe(200);
    // The same filter written in another order is the same feed.
    const again = await get(`/feeds/offers.xml?module=M04,M05&${FILTER}`);
    const swapped = await get(`/feeds/offers.xml?${FILTER}&module=M04,M05`);
    expect(again.response.headers.get("etag")).toBe(swapped.response.headers.get("etag"));
  });

  it("use only schema.org types and properties, each on a type that has it", async () => {
    const { text } = await get(`/feeds/offers.jsonld?${FILTER}`);
    const problems: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (typeof node !== "object" || node === null) return;
      const record = node as Record<string, unknown>;
      const type = record["@type"];
      if (typeof type === "string") {
        const allowed = SCHEMA_ORG_TERMS[type];
        if (!allowed) problems.push(`Typ ${type}`);
        for (const key of Object.keys(record))
          if (!key.startsWith("@") && !allowed?.has(key)) problems.push(`${type}.${key}`);
      }
      Object.values(record).forEach(walk);
    };
    const doc = JSON.parse(text) as { "@context": string; "@graph": unknown[] };
    expect(doc["@context"]).toBe("https://schema.org");
    walk(doc["@graph"]);
    expect(problems).toEqual([]);
  });

  it("refuse unknown codes and bad dates in German", async () => {
    const bad = await get("/feeds/offers.jsonld?module=M99");
    expect(bad.response.status).toBe(400);
    expect(bad.text).toContain("Unbekanntes Modul");
    expect((await get("/feeds/offers.ics?from=gestern")).response.status).toBe(400);
    expect((await get("/feeds/offers.pdf")).response.status).toBe(404);
  });
});
