import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startFeedServer, type FeedServer } from "../support/feed-server.ts";
import { createFeed, createOffer, createProvider } from "../factories/offers.ts";
import { createGateway, type Gateway } from "../../gateway/server.ts";
import { createIngestPort } from "../../gateway/ingest-port.ts";
import { createFetcher, parseAllowList, type Fetcher } from "../../ingest/fetch/fetcher.ts";
import type { Resolver } from "../../ingest/fetch/url-guard.ts";
import { hubSchema } from "../../schema/build-schema.ts";
import type { Viewer } from "../../schema/common/context.ts";

/**
 * Provider feeds through the whole GraphQL stack, with the real ingest port. The only
 * server ever contacted is the loopback feed server; every other host name goes to a
 * fake resolver and is never connected to.
 */

let t: TestDatabase;
let server: FeedServer;
let fetcher: Fetcher;
let gateway: Gateway;
let own: Viewer & { role: "PROVIDER" };
let ownId = "";
let otherId = "";
const analyst: Viewer = { role: "ANALYST", id: "token:analyst", name: "Analystin Test" };

// Public names resolve to a documentation-free public address; "intern.example" to a private one.
const fakeDns: Resolver = async (host) => {
  const table: Record<string, string[]> = {
    "feeds.example": ["93.184.216.34"],
    "intern.example": ["93.184.216.34", "10.1.2.3"],
  };
  const answer = table[host];
  if (!answer) throw Object.assign(new Error(`unbekannt: ${host}`), { code: "ENOTFOUND" });
  return answer;
};

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Bildungswerk Neckar – Programm</title><link>https://bildungswerk-neckar.example/</link>
<item><guid>bwn-101</guid><title>Sozialraumanalyse in der Quartiersarbeit</title><link>https://bildungswerk-neckar.example/kurse/101</link>
<description>Methoden der Sozialraumanalyse: Stadtteilbegehung, Nadelmethode, Auswertung von Sozialdaten.
Termin: Do., 18. März 2027, 14:00–17:30 Uhr
Ort: Hospitalhof, Büchsenstr. 33, 70174 Stuttgart
Kosten: 45 €</description></item>
<item><guid>bwn-102</guid><title>Beteiligung im Quartier moderieren</title><link>https://bildungswerk-neckar.example/kurse/102</link>
<description>Bürgerbeteiligung planen und moderieren.
Termin: demnächst, bitte nachfragen
Ort: online</description></item>
</channel></rss>`;

async function raw(query: string, variables: Record<string, unknown> = {}, viewer?: Viewer) {
  const response = await gateway.execute(query, variables, viewer);
  if (response.body.kind !== "single") throw new Error("unexpected incremental response");
  return response.body.singleResult as {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}
const code = (r: Awaited<ReturnType<typeof raw>>) => r.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  t = await createTestDatabase();
  server = await startFeedServer();
  server.serve("/programm.xml", RSS, { contentType: "application/rss+xml; charset=utf-8" });
  const allowHosts = parseAllowList(server.host);
  fetcher = createFetcher({
    userAgent: "QuartierHub-Test/1.0",
    allowHosts,
    connectTimeoutMs: 1000,
    totalTimeoutMs: 5000,
    maxBytes: 5_000_000,
    maxRedirects: 3,
    perHostDelayMs: 0,
    retries: 0,
    respectRobots: false,
    resolver: fakeDns,
  });
  const ingest = createIngestPort(
    { db: t.db, fetcher, now: () => new Date(), instance: "test" },
    { allowHosts, resolver: fakeDns },
  );
  gateway = await createGateway({
    db: t.db,
    schema: await hubSchema(),
    logger: pino({ level: "silent" }),
    env: "production",
    introspection: true,
    ingest,
  });
  ownId = (await createProvider(t.db, { name: "Bildungswerk Neckar" })).id;
  otherId = (await createProvider(t.db, { name: "Akademie Anderswo" })).id;
  own = { role: "PROVIDER", id: "token:own", name: "Anbieter Neckar", providerId: ownId };
});
afterAll(async () => {
  await gateway?.stop();
  await fetcher?.close();
  await server?.close();
  await t?.drop();
});

const REGISTER = `mutation($input: FeedInput!, $providerId: ID) { registerFeed(input: $input, providerId: $providerId) { id providerId url kind schedule state config } }`;
const feedCount = () => t.db.prisma.feed.count();

describe("registerFeed", () => {
  it("is refused without a token and changes nothing", async () => {
    const before = await feedCount();
    expect(code(await raw(REGISTER, { input: { url: "https://feeds.example/a.ics" } }))).toBe("UNAUTHENTICATED");
    expect(await feedCount()).toBe(before);
  });

  it("registers a feed for the provider itself, with a schedule every 15 minutes", async () => {
    const result = await raw(
      REGISTER,
      { input: { url: "https://feeds.example/kurse.ics", kind: "ical", schedule: "*/15 * * * *" } },
      own,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.registerFeed).toMatchObject({
      providerId: ownId,
      kind: "ICAL",
      schedule: "*/15 * * * *",
      state: "ACTIVE",
    });
  });

  it("lets an analyst register for any provider, but a provider only for itself", async () => {
    const byAnalyst = await raw(
      REGISTER,
      { input: { url: "https://feeds.example/b.rss" }, providerId: otherId },
      analyst,
    );
    expect(byAnalyst.data?.registerFeed).toMatchObject({ providerId: otherId });
    const before = await feedCount();
    expect(code(await raw(REGISTER, { input: { url: "https://feeds.example/c.rss" }, providerId: otherId }, own))).toBe(
      "NOT_FOUND",
    );
    expect(code(await raw(REGISTER, { input: { url: "https://feeds.example/c.rss" } }, analyst))).toBe(
      "BAD_USER_INPUT",
    );
    expect(await feedCount()).toBe(before);
  });

  it("refuses a provider that is not approved", async () => {
    const pending = await createProvider(t.db, { status: "PENDING" });
    const viewer: Viewer = { role: "PROVIDER", id: "token:pending", name: "Neu", providerId: pending.id };
    expect(code(await raw(REGISTER, { input: { url: "https://feeds.example/d.rss" } }, viewer))).toBe("FORBIDDEN");
  });

  const privateUrls = [
    "http://127.0.0.1/",
    "http://10.0.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://2130706433/",
    "http://intern.example/feed.xml",
  ];
  for (const url of privateUrls) {
    it(`refuses the private address ${url} (field url)`, async () => {
      const before = await feedCount();
      const result = await raw(REGISTER, { input: { url } }, own);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "url" });
      expect(result.errors?.[0]?.message).toMatch(/nicht abrufen/);
      expect(await feedCount()).toBe(before);
    });
  }

  const invalid: [string, Record<string, unknown>, string][] = [
    ["a file URL", { url: "file:///etc/passwd" }, "url"],
    ["a relative path", { url: "../../etc/passwd" }, "url"],
    ["credentials in the URL", { url: "https://nutzer:geheim@feeds.example/a.ics" }, "url"],
    ["an overlong URL", { url: `https://feeds.example/${"a".repeat(2000)}` }, "url"],
    ["neither URL nor file", {}, "url"],
    ["URL and file together", { url: "https://feeds.example/a.csv", upload: { name: "a.csv", base64: "YQ==" } }, "url"],
    ["an unknown kind", { url: "https://feeds.example/a.pdf", kind: "PDF" }, "kind"],
    ["PUSH as kind", { url: "https://feeds.example/a", kind: "PUSH" }, "kind"],
    ["a schedule every 5 minutes", { url: "https://feeds.example/a.ics", schedule: "*/5 * * * *" }, "schedule"],
    ["a schedule with seconds", { url: "https://feeds.example/a.ics", schedule: "0 */30 * * * *" }, "schedule"],
    ["minutes too close together", { url: "https://feeds.example/a.ics", schedule: "0,10 * * * *" }, "schedule"],
    ["no cron at all", { url: "https://feeds.example/a.ics", schedule: "täglich" }, "schedule"],
    ["config that is not JSON", { url: "https://feeds.example/a.ics", config: "{kaputt" }, "config"],
    [
      "config above 20 KB",
      { url: "https://feeds.example/a.ics", config: JSON.stringify({ x: "a".repeat(21 * 1024) }) },
      "config",
    ],
    ["an HTML feed without selectors", { url: "https://feeds.example/kurse.html", kind: "HTML" }, "config"],
    [
      "a GraphQL feed with a broken config",
      { url: "https://feeds.example/graphql", kind: "GRAPHQL", config: JSON.stringify({ query: 5 }) },
      "config",
    ],
    [
      "an upload above 5 MB",
      { upload: { name: "gross.xlsx", base64: Buffer.alloc(5 * 1024 * 1024 + 1).toString("base64") } },
      "upload.base64",
    ],
    ["an upload that is not base64", { upload: { name: "a.csv", base64: "!!!" } }, "upload.base64"],
  ];
  for (const [what, input, field] of invalid) {
    it(`refuses ${what} (field ${field})`, async () => {
      const before = await feedCount();
      const result = await raw(REGISTER, { input }, own);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(result.errors?.[0]?.message).not.toMatch(/\b(must|invalid|error)\b/i);
      expect(await feedCount()).toBe(before);
    });
  }

  it("accepts an uploaded CSV file", async () => {
    const csv = "Titel;Beginn;Ort\nQuartiersarbeit kompakt;18.03.2027 14:00;Stuttgart\n";
    const result = await raw(
      REGISTER,
      { input: { upload: { name: "kurse.csv", base64: Buffer.from(csv).toString("base64") }, kind: "CSV" } },
      own,
    );
    expect(result.errors).toBeUndefined();
    const row = await t.db.prisma.feed.findUniqueOrThrow({
      where: { id: (result.data?.registerFeed as { id: string }).id },
    });
    expect(row.uploadName).toBe("kurse.csv");
    expect(Buffer.from(row.upload ?? []).toString()).toBe(csv);
  });
});

describe("previewFeed", () => {
  const PREVIEW = `query($input: FeedInput!) { previewFeed(input: $input) {
    kind warnings { sourceKey field message }
    offers { sourceKey title online free priceAmount teachingUnits moduleCodes relevant sessions { start end allDay } place { name postalCode municipality districtKey district } } } }`;

  it("fetches and parses a real feed on loopback without storing anything", async () => {
    const offersBefore = await t.db.prisma.offer.count();
    const result = await raw(PREVIEW, { input: { url: server.url("/programm.xml") } }, own);
    expect(result.errors).toBeUndefined();
    const preview = result.data?.previewFeed as {
      kind: string;
      warnings: { sourceKey: string | null; field: string | null; message: string }[];
      offers: {
        sourceKey: string;
        title: string;
        online: boolean;
        moduleCodes: string[];
        sessions: { start: string }[];
        place: { districtKey: string | null; municipality: string | null } | null;
      }[];
    };
    expect(preview.kind).toBe("RSS");
    const first = preview.offers.find((o) => o.sourceKey === "bwn-101");
    expect(first?.sessions[0]?.start).toBe("2027-03-18T14:00:00+01:00");
    expect(first?.place).toMatchObject({ municipality: "Stuttgart", districtKey: "08111" });
    expect(first?.moduleCodes).toContain("M04");
    const second = preview.offers.find((o) => o.sourceKey === "bwn-102");
    expect(second?.online).toBe(true);
    // The unreadable date is named, in German, for the item concerned.
    const dateWarning = preview.warnings.find((w) => w.sourceKey === "bwn-102");
    expect(dateWarning?.message).toMatch(/Datum|Termin/);
    expect(await t.db.prisma.offer.count()).toBe(offersBefore);
  });

  it("reads an uploaded file instead of fetching", async () => {
    const csv =
      "Titel;Beginn;Ort;Kosten\nQuartiersarbeit und Beteiligung;18.03.2027 14:00;Rathaus, Marktplatz 1, 89073 Ulm;kostenfrei\n";
    const result = await raw(
      PREVIEW,
      { input: { upload: { name: "kurse.csv", base64: Buffer.from(csv).toString("base64") } } },
      own,
    );
    expect(result.errors).toBeUndefined();
    const preview = result.data?.previewFeed as {
      kind: string;
      offers: { title: string; free: boolean; place: { districtKey: string | null } | null }[];
    };
    expect(preview.kind).toBe("CSV");
    expect(preview.offers[0]).toMatchObject({
      title: "Quartiersarbeit und Beteiligung",
      free: true,
      place: { districtKey: "08421" },
    });
  });

  it("reports an unreachable feed as a German input error", async () => {
    server.serve("/weg.xml", "nicht da", { status: 404 });
    const result = await raw(PREVIEW, { input: { url: server.url("/weg.xml") } }, own);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "url" });
    expect(result.errors?.[0]?.message).toMatch(/Der Feed konnte nicht gelesen werden/);
  });

  it("refuses private addresses before fetching and is closed to the public", async () => {
    const result = await raw(PREVIEW, { input: { url: "http://169.254.169.254/" } }, own);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "url" });
    expect(code(await raw(PREVIEW, { input: { url: server.url("/programm.xml") } }))).toBe("UNAUTHENTICATED");
  });
});

describe("managing feeds", () => {
  let feedId = "";
  let othersFeedId = "";
  beforeAll(async () => {
    feedId = (await createFeed(t.db, ownId, { url: server.url("/programm.xml"), kind: "RSS" })).id;
    othersFeedId = (await createFeed(t.db, otherId, { url: "https://feeds.example/anders.ics" })).id;
  });

  const mutations: [string, string, Record<string, unknown>][] = [
    ["updateFeed", `mutation($id: ID!) { updateFeed(id: $id, input: { schedule: "0 6 * * *" }) { id } }`, {}],
    ["pauseFeed", `mutation($id: ID!) { pauseFeed(id: $id) { id } }`, {}],
    ["resumeFeed", `mutation($id: ID!) { resumeFeed(id: $id) { id } }`, {}],
    ["deleteFeed", `mutation($id: ID!) { deleteFeed(id: $id) { id } }`, {}],
    ["triggerIngest", `mutation($id: ID!) { triggerIngest(feedId: $id) { status } }`, {}],
  ];
  for (const [name, query] of mutations) {
    it(`${name}: refused without a token, NOT_FOUND on another provider's feed, nothing changes`, async () => {
      const before = await t.db.prisma.feed.findUniqueOrThrow({ where: { id: othersFeedId } });
      const runsBefore = await t.db.prisma.ingestRun.count();
      expect(code(await raw(query, { id: othersFeedId }))).toBe("UNAUTHENTICATED");
      expect(code(await raw(query, { id: othersFeedId }, own))).toBe("NOT_FOUND");
      const after = await t.db.prisma.feed.findUniqueOrThrow({ where: { id: othersFeedId } });
      expect(after).toEqual(before);
      expect(await t.db.prisma.ingestRun.count()).toBe(runsBefore);
    });
  }

  it("myFeeds shows only the provider's own feeds; another provider's list is NOT_FOUND", async () => {
    const mine = await raw(`{ myFeeds { id providerId } }`, {}, own);
    const ids = (mine.data?.myFeeds as { id: string; providerId: string }[]).map((f) => f.providerId);
    expect(new Set(ids)).toEqual(new Set([ownId]));
    expect(code(await raw(`query($p: ID) { myFeeds(providerId: $p) { id } }`, { p: otherId }, own))).toBe("NOT_FOUND");
    expect(code(await raw(`{ myFeeds { id } }`))).toBe("UNAUTHENTICATED");
    const forAnalyst = await raw(`query($p: ID) { myFeeds(providerId: $p) { id } }`, { p: otherId }, analyst);
    expect((forAnalyst.data?.myFeeds as { id: string }[]).map((f) => f.id)).toContain(othersFeedId);
  });

  it("updates, pauses and resumes its own feed", async () => {
    const updated = await raw(
      `mutation($id: ID!) { updateFeed(id: $id, input: { schedule: "30 4 * * 1-5" }) { schedule } }`,
      { id: feedId },
      own,
    );
    expect(updated.data?.updateFeed).toEqual({ schedule: "30 4 * * 1-5" });
    const refused = await raw(
      `mutation($id: ID!) { updateFeed(id: $id, input: { url: "http://10.0.0.1/" }) { url } }`,
      { id: feedId },
      own,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "url" });
    const paused = await raw(`mutation($id: ID!) { pauseFeed(id: $id) { state } }`, { id: feedId }, own);
    expect(paused.data?.pauseFeed).toEqual({ state: "PAUSED" });
    expect(code(await raw(`mutation($id: ID!) { triggerIngest(feedId: $id) { status } }`, { id: feedId }, own))).toBe(
      "CONFLICT",
    );
    const resumed = await raw(`mutation($id: ID!) { resumeFeed(id: $id) { state } }`, { id: feedId }, own);
    expect(resumed.data?.resumeFeed).toEqual({ state: "ACTIVE" });
  });

  it("triggerIngest runs the feed through the port, then is rate-limited for 5 minutes", async () => {
    const first = await raw(
      `mutation($id: ID!) { triggerIngest(feedId: $id) { status runId errorMessage } }`,
      { id: feedId },
      own,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data?.triggerIngest).toMatchObject({ status: "SUCCEEDED", errorMessage: null });
    const second = await raw(`mutation($id: ID!) { triggerIngest(feedId: $id) { status } }`, { id: feedId }, own);
    expect(second.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    const wait = Number(second.errors?.[0]?.extensions?.retryAfterSeconds);
    expect(wait).toBeGreaterThan(200);
    expect(wait).toBeLessThanOrEqual(300);
    expect(second.errors?.[0]?.message).toMatch(/Sekunden warten/);
    expect(await t.db.prisma.ingestRun.count({ where: { feedId } })).toBe(1);

    const feeds = await raw(
      `{ myFeeds { id state lastSuccessAt lastError runs { status trigger created fetched warnings rejections { sourceKey reason } } } }`,
      {},
      own,
    );
    const feed = (
      feeds.data?.myFeeds as {
        id: string;
        lastSuccessAt: string | null;
        runs: { status: string; created: number; warnings: string[] }[];
      }[]
    ).find((f) => f.id === feedId);
    expect(feed?.lastSuccessAt).not.toBeNull();
    expect(feed?.runs[0]).toMatchObject({ status: "SUCCEEDED", created: 2 });
  });

  it("deleteFeed marks the feed DELETED and withdraws its offers without destroying them", async () => {
    const feed = await createFeed(t.db, ownId);
    const offer = await createOffer(t.db, feed, { title: "Quartiersmanagement Grundlagen" });
    const result = await raw(`mutation($id: ID!) { deleteFeed(id: $id) { state } }`, { id: feed.id }, own);
    expect(result.data?.deleteFeed).toEqual({ state: "DELETED" });
    const stored = await t.db.prisma.offer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(stored.status).toBe("WITHDRAWN");
    expect(stored.withdrawnAt).not.toBeNull();
    // Gone for every further action.
    expect(code(await raw(`mutation($id: ID!) { pauseFeed(id: $id) { id } }`, { id: feed.id }, own))).toBe("NOT_FOUND");
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { entityType: "Feed", entityId: feed.id, action: "feed.delete" },
    });
    expect(audit).toMatchObject({
      actorId: "token:own",
      role: "PROVIDER",
      before: { state: "ACTIVE" },
      after: { state: "DELETED", withdrawnOffers: 1 },
    });
  });

  it("records every change of a feed in the audit trail with before and after", async () => {
    const events = await t.db.prisma.auditEvent.findMany({
      where: { entityType: "Feed", entityId: feedId },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["feed.update", "feed.pause", "feed.resume", "feed.trigger"]);
    expect(events[0]).toMatchObject({ before: { schedule: "0 5 * * *" }, after: { schedule: "30 4 * * 1-5" } });
    expect(events[1]).toMatchObject({ before: { state: "ACTIVE" }, after: { state: "PAUSED" } });
  });
});

describe("upsertOffers", () => {
  const UPSERT = `mutation($input: [OfferPushInput!]!, $providerId: ID) { upsertOffers(input: $input, providerId: $providerId) {
    feedId created changed unchanged rejected warnings { sourceKey field message } } }`;
  const item = {
    sourceKey: "push-1",
    title: "Quartiersarbeit und Sozialraumanalyse",
    description: "Stadtteilbegehung und Nadelmethode für Quartierskoordinatorinnen.",
    start: "Do., 18. März 2027, 14:00–17:30 Uhr",
    place: "Hospitalhof, Büchsenstr. 33, 70174 Stuttgart",
    price: 45,
    teachingUnits: 4,
  };

  it("is refused without a token and validates before storing anything", async () => {
    const before = await t.db.prisma.offer.count();
    expect(code(await raw(UPSERT, { input: [item] }))).toBe("UNAUTHENTICATED");
    const cases: [Record<string, unknown>[], string][] = [
      [[{ ...item, title: "x".repeat(501) }], "input.0.title"],
      [[{ ...item, title: "  " }], "input.0.title"],
      [[item, { ...item }], "input.1.sourceKey"],
      [[{ ...item, url: "javascript:alert(1)" }], "input.0.url"],
      [[{ ...item, price: -3 }], "input.0.price"],
      [[{ ...item, start: "" }], "input.0.start"],
      [Array.from({ length: 501 }, (_, i) => ({ ...item, sourceKey: `k${i}` })), "input"],
    ];
    for (const [input, field] of cases) {
      const result = await raw(UPSERT, { input }, own);
      expect(result.errors?.[0]?.extensions, field).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    expect(await t.db.prisma.offer.count()).toBe(before);
    expect(await t.db.prisma.feed.count({ where: { kind: "PUSH" } })).toBe(0);
  });

  it("normalises like ingest: a German date becomes a session with offset, the place a district", async () => {
    const result = await raw(UPSERT, { input: [item] }, own);
    expect(result.errors).toBeUndefined();
    const outcome = result.data?.upsertOffers as { feedId: string; created: number };
    expect(outcome.created).toBe(1);
    const feed = await t.db.prisma.feed.findUniqueOrThrow({ where: { id: outcome.feedId } });
    expect(feed).toMatchObject({ kind: "PUSH", providerId: ownId, url: null });
    const offer = await t.db.prisma.offer.findFirstOrThrow({
      where: { feedId: feed.id, sourceKey: "push-1" },
      include: { sessions: true },
    });
    expect(offer.sessions[0]?.start.toISOString()).toBe("2027-03-18T13:00:00.000Z");
    expect(offer.sessions[0]?.end?.toISOString()).toBe("2027-03-18T16:30:00.000Z");
    expect(offer.districtKey).toBe("08111");
    expect(Number(offer.priceAmount)).toBe(45);
    expect(offer.moduleCodes).toContain("M04");

    // The same push again changes nothing and reuses the PUSH feed.
    const again = await raw(UPSERT, { input: [item] }, own);
    expect(again.data?.upsertOffers).toMatchObject({ feedId: feed.id, created: 0, unchanged: 1 });
    expect(await t.db.prisma.feed.count({ where: { kind: "PUSH", providerId: ownId } })).toBe(1);
    // The PUSH feed cannot be triggered: it has no source.
    expect(code(await raw(`mutation($id: ID!) { triggerIngest(feedId: $id) { status } }`, { id: feed.id }, own))).toBe(
      "BAD_USER_INPUT",
    );
  });

  it("takes ISO dates and structured places as well", async () => {
    const result = await raw(
      UPSERT,
      {
        input: [
          {
            sourceKey: "push-2",
            title: "Moderation von Bürgerversammlungen",
            start: "2027-05-06T09:00",
            end: "2027-05-06T16:00",
            locationName: "Rathaus",
            street: "Marktplatz 1",
            postalCode: "89073",
            city: "Ulm",
          },
        ],
      },
      own,
    );
    expect(result.errors).toBeUndefined();
    const offer = await t.db.prisma.offer.findFirstOrThrow({
      where: { sourceKey: "push-2" },
      include: { sessions: true },
    });
    expect(offer.sessions[0]?.start.toISOString()).toBe("2027-05-06T07:00:00.000Z");
    expect(offer.districtKey).toBe("08421");
  });
});

describe("objectToClassification", () => {
  const OBJECT = `mutation($offerId: ID!, $message: String!) { objectToClassification(offerId: $offerId, message: $message) { id status message } }`;

  it("lands in the analysts' review queue for the provider's own offer only", async () => {
    const feed = await createFeed(t.db, ownId);
    const offer = await createOffer(t.db, feed, { title: "Netzwerkarbeit im Quartier", moduleCodes: ["M02"] });
    const othersFeed = await createFeed(t.db, otherId);
    const othersOffer = await createOffer(t.db, othersFeed, { title: "Fremdes Angebot" });

    expect(code(await raw(OBJECT, { offerId: offer.id, message: "Gehört zu M09 Netzwerkarbeit." }))).toBe(
      "UNAUTHENTICATED",
    );
    expect(code(await raw(OBJECT, { offerId: offer.id, message: "Gehört zu M09 Netzwerkarbeit." }, analyst))).toBe(
      "FORBIDDEN",
    );
    expect(code(await raw(OBJECT, { offerId: othersOffer.id, message: "Gehört zu M09 Netzwerkarbeit." }, own))).toBe(
      "NOT_FOUND",
    );
    expect(await t.db.prisma.objection.count()).toBe(0);

    const result = await raw(OBJECT, { offerId: offer.id, message: "Gehört zu M09 Netzwerkarbeit." }, own);
    expect(result.data?.objectToClassification).toMatchObject({ status: "OPEN" });
    expect(code(await raw(OBJECT, { offerId: offer.id, message: "Noch einmal." }, own))).toBe("CONFLICT");

    const queue = await raw(`{ reviewQueue(first: 50) { items { reasons offer { id } } } }`, {}, analyst);
    const entry = (queue.data?.reviewQueue as { items: { reasons: string[]; offer: { id: string } }[] }).items.find(
      (i) => i.offer.id === offer.id,
    );
    expect(entry?.reasons.join(" ")).toMatch(/Gehört zu M09/);
  });
});
