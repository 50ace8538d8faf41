import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFetcher, parseAllowList, type Fetcher } from "../../ingest/fetch/fetcher.ts";
import { runFeed, type IngestDeps } from "../../ingest/run-feed.ts";
import { recomputeEffective } from "../../ingest/store/offer-store.ts";
import type { Database } from "../../prisma/database.ts";
import { createFeed, createProvider } from "../factories/offers.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startFeedServer, type FeedServer } from "../support/feed-server.ts";
import { testGateway } from "../support/gateway.ts";

/**
 * Storage semantics of ingest end to end: real HTTP on 127.0.0.1 → fetcher → adapter →
 * normaliser → classifier → store, on PGlite or (with DATABASE_URL) PostgreSQL.
 */

const fixture = (name: string) => readFileSync(new URL(`./fixtures/ingest/${name}`, import.meta.url), "utf8");
const RSS = fixture("rss-termine.xml");
const RSS_TYPE = "application/rss+xml; charset=utf-8";

let server: FeedServer;
let testDb: TestDatabase;
let db: Database;
let fetcher: Fetcher;
let deps: IngestDeps;

beforeAll(async () => {
  server = await startFeedServer();
  testDb = await createTestDatabase();
  db = testDb.db;
  fetcher = createFetcher({
    userAgent: "QuartierHub-Test/1.0",
    allowHosts: parseAllowList(server.host),
    connectTimeoutMs: 500,
    totalTimeoutMs: 1000,
    maxBytes: 1024 * 1024,
    maxRedirects: 3,
    perHostDelayMs: 0,
    retries: 0,
    respectRobots: false,
  });
  deps = { db, fetcher, now: () => new Date(), instance: "ingest-store-test" };
}, 60_000);

afterAll(async () => {
  await fetcher?.close();
  await server?.close();
  await testDb?.drop();
});

async function newFeed(path: string, kind?: "RSS" | "OPENQCAT" | "ICAL" | "CSV" | "JSONLD") {
  const provider = await createProvider(db);
  const feed = await createFeed(db, provider.id, { url: server.url(path), kind: kind ?? null });
  return { provider, feed };
}

async function offersOf(feedId: string) {
  return db.prisma.offer.findMany({
    where: { feedId },
    include: { sessions: true, modules: true },
    orderBy: { sourceKey: "asc" },
  });
}

async function runOf(runId: string | null) {
  expect(runId).not.toBeNull();
  return db.prisma.ingestRun.findUniqueOrThrow({ where: { id: runId ?? "" } });
}

describe("ingest storage semantics", () => {
  it("creates offers with sessions, places and modules; an identical run changes nothing", async () => {
    server.serve("/store/termine.xml", RSS, { contentType: RSS_TYPE });
    const { feed } = await newFeed("/store/termine.xml");

    const first = await runFeed(deps, feed.id, "MANUAL");
    expect(first.status).toBe("SUCCEEDED");
    const offers = await offersOf(feed.id);
    expect(offers.map((o) => o.sourceKey)).toEqual(["qaf-2027-001", "qaf-2027-002", "qaf-2027-003"]);
    for (const offer of offers) {
      expect(offer.status).toBe("ACTIVE");
      expect(offer.sessions.length).toBeGreaterThan(0);
      expect(offer.postalCode).toBe("73033");
      expect(offer.municipality).toBe("Göppingen");
    }
    const analysis = offers[0];
    expect(analysis?.sessions[0]?.start.toISOString()).toBe("2027-03-18T08:30:00.000Z");
    expect(analysis?.districtKey).toBe("08117");
    // The classifier's modules are stored as AUTOMATIC rows and mirrored in moduleCodes.
    expect(analysis?.modules.length).toBeGreaterThan(0);
    expect(analysis?.modules.every((m) => m.source === "AUTOMATIC")).toBe(true);
    expect([...(analysis?.moduleCodes ?? [])].sort()).toEqual(
      [...new Set(analysis?.modules.map((m) => m.moduleCode))].sort(),
    );

    const firstRun = await runOf(first.runId);
    expect(firstRun).toMatchObject({
      status: "SUCCEEDED",
      fetched: 3,
      created: 3,
      changed: 0,
      unchanged: 0,
      withdrawn: 0,
      rejected: 0,
    });

    // Same bytes again, server without ETag: the fingerprint short-cut answers NOT_MODIFIED.
    const second = await runFeed(deps, feed.id, "MANUAL");
    expect(second.status).toBe("NOT_MODIFIED");
    expect(await runOf(second.runId)).toMatchObject({ status: "NOT_MODIFIED", created: 0, changed: 0, withdrawn: 0 });
    const after = await offersOf(feed.id);
    expect(after.map((o) => [o.id, o.updatedAt.getTime(), o.contentHash])).toEqual(
      offers.map((o) => [o.id, o.updatedAt.getTime(), o.contentHash]),
    );
  });

  it("re-parses identical bytes as all unchanged when the fingerprint is unknown", async () => {
    server.serve("/store/termine-b.xml", RSS, { contentType: RSS_TYPE });
    const { feed } = await newFeed("/store/termine-b.xml");
    await runFeed(deps, feed.id, "MANUAL");
    // Forget the fingerprint (as after a new adapter version): the store itself must see no change.
    await db.prisma.feed.update({ where: { id: feed.id }, data: { contentHash: null } });
    const again = await runFeed(deps, feed.id, "MANUAL");
    expect(again.status).toBe("SUCCEEDED");
    expect(await runOf(again.runId)).toMatchObject({ fetched: 3, created: 0, changed: 0, unchanged: 3, withdrawn: 0 });
  });

  it("answers 304 to a server that sends an ETag and records a NOT_MODIFIED run", async () => {
    server.serve("/store/etag.xml", RSS, { contentType: RSS_TYPE, etag: '"v1"' });
    const { feed } = await newFeed("/store/etag.xml");
    expect((await runFeed(deps, feed.id, "MANUAL")).status).toBe("SUCCEEDED");
    expect((await db.prisma.feed.findUniqueOrThrow({ where: { id: feed.id } })).etag).toBe('"v1"');

    const second = await runFeed(deps, feed.id, "MANUAL");
    expect(second.status).toBe("NOT_MODIFIED");
    expect((await runOf(second.runId)).status).toBe("NOT_MODIFIED");
    const conditional = server.requests.filter((r) => r.path === "/store/etag.xml").at(-1);
    expect(conditional?.headers["if-none-match"]).toBe('"v1"');
    expect((await offersOf(feed.id)).every((o) => o.status === "ACTIVE")).toBe(true);
  });

  it("counts a changed item as changed and the others as unchanged", async () => {
    server.serve("/store/change.xml", RSS, { contentType: RSS_TYPE });
    const { feed } = await newFeed("/store/change.xml");
    await runFeed(deps, feed.id, "MANUAL");
    const before = await offersOf(feed.id);

    server.serve("/store/change.xml", RSS.replace("<strong>Kosten:</strong> 80 €", "<strong>Kosten:</strong> 85 €"), {
      contentType: RSS_TYPE,
    });
    const run = await runFeed(deps, feed.id, "MANUAL");
    expect(await runOf(run.runId)).toMatchObject({
      status: "SUCCEEDED",
      fetched: 3,
      created: 0,
      changed: 1,
      unchanged: 2,
      withdrawn: 0,
    });
    const after = await offersOf(feed.id);
    const changed = after.find((o) => o.sourceKey === "qaf-2027-003");
    expect(Number(changed?.priceAmount)).toBe(85);
    // Same rows (ids kept), the unchanged ones untouched.
    expect(after.map((o) => o.id)).toEqual(before.map((o) => o.id));
    for (const key of ["qaf-2027-001", "qaf-2027-002"]) {
      expect(after.find((o) => o.sourceKey === key)?.updatedAt).toEqual(
        before.find((o) => o.sourceKey === key)?.updatedAt,
      );
    }
  });

  it("withdraws an item missing from a complete snapshot, keeps it, and reactivates it when it returns", async () => {
    server.serve("/store/snapshot.xml", RSS, { contentType: RSS_TYPE });
    const { feed } = await newFeed("/store/snapshot.xml");
    await runFeed(deps, feed.id, "MANUAL");

    server.serve("/store/snapshot.xml", withoutItem(RSS, "qaf-2027-002"), { contentType: RSS_TYPE });
    const run = await runFeed(deps, feed.id, "MANUAL");
    expect(await runOf(run.runId)).toMatchObject({ fetched: 2, created: 0, changed: 0, unchanged: 2, withdrawn: 1 });
    const gone = (await offersOf(feed.id)).find((o) => o.sourceKey === "qaf-2027-002");
    expect(gone?.status).toBe("WITHDRAWN");
    expect(gone?.withdrawnAt).toBeInstanceOf(Date);
    expect(gone?.sessions.length).toBeGreaterThan(0);

    server.serve("/store/snapshot.xml", RSS, { contentType: RSS_TYPE });
    const back = await runFeed(deps, feed.id, "MANUAL");
    expect(await runOf(back.runId)).toMatchObject({ fetched: 3, created: 0, changed: 1, unchanged: 2, withdrawn: 0 });
    const again = (await offersOf(feed.id)).find((o) => o.sourceKey === "qaf-2027-002");
    expect(again?.id).toBe(gone?.id);
    expect(again?.status).toBe("ACTIVE");
    expect(again?.withdrawnAt).toBeNull();
  });

  it("a delta feed (open-Qcat UPDATE_CATALOG with DELETE) withdraws exactly the named item", async () => {
    const type = "application/xml; charset=utf-8";
    server.serve("/store/katalog.xml", fixture("openqcat-vollkatalog.xml"), { contentType: type });
    const { feed } = await newFeed("/store/katalog.xml", "OPENQCAT");
    const full = await runFeed(deps, feed.id, "MANUAL");
    expect(await runOf(full.runId)).toMatchObject({ status: "SUCCEEDED", created: 3 });

    server.serve("/store/katalog.xml", fixture("openqcat-delta.xml"), { contentType: type });
    const delta = await runFeed(deps, feed.id, "MANUAL");
    expect(await runOf(delta.runId)).toMatchObject({ status: "SUCCEEDED", fetched: 0, withdrawn: 1 });
    const statuses = Object.fromEntries((await offersOf(feed.id)).map((o) => [o.sourceKey, o.status]));
    expect(statuses).toEqual({ "BWR-101": "ACTIVE", "BWR-102": "WITHDRAWN", "BWR-103": "ACTIVE" });
  });

  it("links the same offer on two providers' feeds to one canonical copy, listed once", async () => {
    // A title of its own, so that the copies other tests stored do not join the group.
    const title = "Sozialraumanalyse für Quartiersteams im Filstal";
    const retitle = (text: string) => text.replace("Sozialraumanalyse für Quartiersteams", title);
    server.serve("/store/dup-rss.xml", retitle(RSS), { contentType: RSS_TYPE });
    server.serve("/store/dup-programm.ics", retitle(fixture("programm.ics")), {
      contentType: "text/calendar; charset=utf-8",
    });
    const a = await newFeed("/store/dup-rss.xml");
    const b = await newFeed("/store/dup-programm.ics");
    expect((await runFeed(deps, a.feed.id, "MANUAL")).status).toBe("SUCCEEDED");
    expect((await runFeed(deps, b.feed.id, "MANUAL")).status).toBe("SUCCEEDED");

    const copies = await db.prisma.offer.findMany({
      where: { title, feedId: { in: [a.feed.id, b.feed.id] } },
      orderBy: { createdAt: "asc" },
    });
    expect(copies).toHaveLength(2);
    const [canonical, duplicate] = copies;
    expect(canonical?.feedId).toBe(a.feed.id);
    expect(canonical?.duplicateOfId).toBeNull();
    expect(duplicate?.feedId).toBe(b.feed.id);
    expect(duplicate?.duplicateOfId).toBe(canonical?.id);
    // The other item of the calendar is no duplicate.
    const other = await db.prisma.offer.findFirstOrThrow({
      where: { feedId: b.feed.id, title: { startsWith: "Generationengerechtes" } },
    });
    expect(other.duplicateOfId).toBeNull();

    const { raw } = await testGateway(db);
    const result = await raw("{ offers(first: 100) { totalCount edges { node { id title } } } }");
    expect(result.errors).toBeUndefined();
    const data = result.data as { offers: { edges: { node: { id: string; title: string } }[] } };
    const listed = data.offers.edges.filter((e) => e.node.title === title).map((e) => e.node.id);
    expect(listed).toEqual([canonical?.id]);
  });

  it("keeps an analyst's decisions through a re-ingest that rewrites the offer", async () => {
    server.serve("/store/analyst.xml", RSS, { contentType: RSS_TYPE });
    const { feed } = await newFeed("/store/analyst.xml");
    await runFeed(deps, feed.id, "MANUAL");
    const offer = await db.prisma.offer.findFirstOrThrow({
      where: { feedId: feed.id, sourceKey: "qaf-2027-001" },
      include: { modules: true },
    });
    const machine = offer.modules.find((m) => m.source === "AUTOMATIC");
    expect(machine, "the classifier assigned no module to the Sozialraumanalyse course").toBeDefined();
    const removedCode = machine?.moduleCode ?? "";
    const addedCode = (
      await db.prisma.module.findFirstOrThrow({
        where: { code: { notIn: offer.moduleCodes } },
        orderBy: { code: "asc" },
      })
    ).code;

    await db.prisma.offerModule.createMany({
      data: [
        {
          offerId: offer.id,
          moduleCode: removedCode,
          source: "ANALYST",
          confidence: 1,
          evidence: [],
          removed: true,
          taxonomyVersion: machine?.taxonomyVersion ?? "",
          decidedBy: "analystin",
          reason: "passt nicht",
        },
        {
          offerId: offer.id,
          moduleCode: addedCode,
          source: "ANALYST",
          confidence: 1,
          evidence: [],
          taxonomyVersion: machine?.taxonomyVersion ?? "",
          decidedBy: "analystin",
          reason: "fehlt",
        },
      ],
    });
    await db.prisma.offer.update({ where: { id: offer.id }, data: { relevantOverride: false } });
    await recomputeEffective(db.sql, [offer.id]);
    const decided = await db.prisma.offer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(decided.moduleCodes).not.toContain(removedCode);
    expect(decided.moduleCodes).toContain(addedCode);
    expect(decided.relevant).toBe(false);

    server.serve("/store/analyst.xml", RSS.replace("<strong>Kosten:</strong> 95 €", "<strong>Kosten:</strong> 99 €"), {
      contentType: RSS_TYPE,
    });
    const run = await runFeed(deps, feed.id, "MANUAL");
    expect(await runOf(run.runId)).toMatchObject({ status: "SUCCEEDED", changed: 1 });
    const after = await db.prisma.offer.findUniqueOrThrow({ where: { id: offer.id }, include: { modules: true } });
    expect(Number(after.priceAmount)).toBe(99);
    expect(after.modules.filter((m) => m.source === "ANALYST")).toHaveLength(2);
    // The machine still proposes the module; the analyst's removal still hides it.
    expect(after.modules.some((m) => m.source === "AUTOMATIC" && m.moduleCode === removedCode)).toBe(true);
    expect(after.moduleCodes).not.toContain(removedCode);
    expect(after.moduleCodes).toContain(addedCode);
    expect(after.relevant).toBe(false);
    expect(after.relevantOverride).toBe(false);
  });

  it("re-reads unchanged bytes when the feed's configuration changed", async () => {
    // With an ETag too: a 304 must not stand in for a re-read under a new configuration.
    server.serve("/store/kurse.csv", fixture("kurse.csv"), { contentType: "text/csv; charset=utf-8", etag: '"k1"' });
    const { feed } = await newFeed("/store/kurse.csv", "CSV");
    expect((await runFeed(deps, feed.id, "MANUAL")).status).toBe("SUCCEEDED");
    // The operator maps the keyword column to the description: same bytes, other offers.
    await db.prisma.feed.update({
      where: { id: feed.id },
      data: { config: { headerMap: { Schlagworte: "description" } } },
    });
    const run = await runFeed(deps, feed.id, "MANUAL");
    expect(run.status).toBe("SUCCEEDED");
    expect(await runOf(run.runId)).toMatchObject({ fetched: 3, changed: 3 });
    const offer = await db.prisma.offer.findFirstOrThrow({ where: { feedId: feed.id, sourceKey: "VHS-Q-32" } });
    expect(offer.description).toContain("Nachbarschaft, Ehrenamt");
    // Read once under the new configuration, the conditional request is back.
    expect((await runFeed(deps, feed.id, "MANUAL")).status).toBe("NOT_MODIFIED");
    expect(
      server.requests.filter((r) => r.path === "/store/kurse.csv").map((r) => r.headers["if-none-match"] ?? null),
    ).toEqual([null, null, '"k1"']);
  });

  it("promotes the duplicate when the canonical copy is withdrawn, and hands back when it returns", async () => {
    const title = "Sozialraumanalyse für Quartiersteams in Süßen";
    const retitle = (text: string) => text.replace("Sozialraumanalyse für Quartiersteams", title);
    server.serve("/store/canon-rss.xml", retitle(RSS), { contentType: RSS_TYPE });
    server.serve("/store/canon.ics", retitle(fixture("programm.ics")), { contentType: "text/calendar; charset=utf-8" });
    const a = await newFeed("/store/canon-rss.xml");
    const b = await newFeed("/store/canon.ics");
    await runFeed(deps, a.feed.id, "MANUAL");
    await runFeed(deps, b.feed.id, "MANUAL");
    const copy = (feedId: string) => db.prisma.offer.findFirstOrThrow({ where: { feedId, title } });
    const canonicalId = (await copy(a.feed.id)).id;
    expect((await copy(b.feed.id)).duplicateOfId).toBe(canonicalId);

    server.serve("/store/canon-rss.xml", withoutItem(retitle(RSS), "qaf-2027-001"), { contentType: RSS_TYPE });
    expect((await runFeed(deps, a.feed.id, "MANUAL")).outcome?.withdrawn).toBe(1);
    expect(await copy(a.feed.id)).toMatchObject({ status: "WITHDRAWN", duplicateOfId: null });
    expect((await copy(b.feed.id)).duplicateOfId).toBeNull();
    const { raw } = await testGateway(db);
    const listed = async () => {
      const result = await raw("{ offers(first: 100) { edges { node { id title } } } }");
      const data = result.data as { offers: { edges: { node: { id: string; title: string } }[] } };
      return data.offers.edges.filter((e) => e.node.title === title).map((e) => e.node.id);
    };
    expect(await listed()).toEqual([(await copy(b.feed.id)).id]);

    server.serve("/store/canon-rss.xml", retitle(RSS), { contentType: RSS_TYPE });
    await runFeed(deps, a.feed.id, "MANUAL");
    expect((await copy(b.feed.id)).duplicateOfId).toBe(canonicalId);
    expect(await listed()).toEqual([canonicalId]);
  });

  it("frees the duplicate when the canonical copy changes into another offer (new date)", async () => {
    const title = "Sozialraumanalyse für Quartiersteams am Albtrauf";
    const retitle = (text: string) => text.replace("Sozialraumanalyse für Quartiersteams", title);
    server.serve("/store/split-rss.xml", retitle(RSS), { contentType: RSS_TYPE });
    server.serve("/store/split.ics", retitle(fixture("programm.ics")), { contentType: "text/calendar; charset=utf-8" });
    const a = await newFeed("/store/split-rss.xml");
    const b = await newFeed("/store/split.ics");
    await runFeed(deps, a.feed.id, "MANUAL");
    await runFeed(deps, b.feed.id, "MANUAL");
    const copy = (feedId: string) => db.prisma.offer.findFirstOrThrow({ where: { feedId, title } });
    expect((await copy(b.feed.id)).duplicateOfId).toBe((await copy(a.feed.id)).id);

    // Feed A moves its course to another month: the calendar's course is no copy of it any more.
    server.serve(
      "/store/split-rss.xml",
      retitle(RSS).replace("Donnerstag, 18. März 2027", "Donnerstag, 17. Juni 2027"),
      {
        contentType: RSS_TYPE,
      },
    );
    expect((await runFeed(deps, a.feed.id, "MANUAL")).outcome?.changed).toBe(1);
    expect((await copy(a.feed.id)).duplicateOfId).toBeNull();
    expect((await copy(b.feed.id)).duplicateOfId).toBeNull();
  });

  it("keeps the last good version of an item that is rejected later, instead of withdrawing it", async () => {
    server.serve("/store/reject-later.xml", RSS, { contentType: RSS_TYPE });
    const { feed } = await newFeed("/store/reject-later.xml");
    await runFeed(deps, feed.id, "MANUAL");
    const before = await offersOf(feed.id);
    const overlong = RSS.replace(
      "<title>Bürgerbeteiligung im Quartier moderieren</title>",
      `<title>Bürgerbeteiligung ${"sehr ".repeat(120)}lang</title>`,
    );
    server.serve("/store/reject-later.xml", overlong, { contentType: RSS_TYPE });
    const run = await runFeed(deps, feed.id, "MANUAL");
    expect(await runOf(run.runId)).toMatchObject({ fetched: 3, rejected: 1, withdrawn: 0, unchanged: 2 });
    const kept = (await offersOf(feed.id)).find((o) => o.sourceKey === "qaf-2027-002");
    expect(kept).toMatchObject({ status: "ACTIVE", title: "Bürgerbeteiligung im Quartier moderieren" });
    expect(kept?.contentHash).toBe(before.find((o) => o.sourceKey === "qaf-2027-002")?.contentHash);
  });

  it("stores an offer in a district the database was not seeded with, without its district", async () => {
    // The test database seeds five districts; Tübingen (08416) is not one of them.
    const elsewhere = RSS.replace(
      "<strong>Ort:</strong> Haus der Familie, Pfarrstraße 45, 73033 Göppingen",
      "<strong>Ort:</strong> Gemeindehaus, Lindenstraße 8, 72074 Tübingen",
    );
    server.serve("/store/district.xml", elsewhere, { contentType: RSS_TYPE });
    const { feed } = await newFeed("/store/district.xml");
    const run = await runFeed(deps, feed.id, "MANUAL");
    expect(run.status, JSON.stringify(run.error)).toBe("SUCCEEDED");
    const offer = (await offersOf(feed.id)).find((o) => o.sourceKey === "qaf-2027-001");
    expect(offer).toMatchObject({ postalCode: "72074", municipality: "Tübingen", districtKey: null });
    expect((await offersOf(feed.id)).find((o) => o.sourceKey === "qaf-2027-002")?.districtKey).toBe("08117");
  });

  it("skips a run while another holds the feed's lease", async () => {
    server.serve("/store/lease.xml", RSS, { contentType: RSS_TYPE });
    const { feed } = await newFeed("/store/lease.xml");
    const [one, two] = await Promise.all([
      runFeed(deps, feed.id, "MANUAL"),
      runFeed({ ...deps, instance: "andere-instanz" }, feed.id, "MANUAL"),
    ]);
    expect([one.status, two.status].sort()).toEqual(["SKIPPED", "SUCCEEDED"]);
    expect(await db.prisma.ingestRun.count({ where: { feedId: feed.id } })).toBe(1);
    expect(await db.prisma.offer.count({ where: { feedId: feed.id } })).toBe(3);
    expect((await db.prisma.feed.findUniqueOrThrow({ where: { id: feed.id } })).leaseOwner).toBeNull();
  });

  it("a feed that failed recovers on the next good run", async () => {
    server.serve("/store/recover.xml", RSS, { contentType: RSS_TYPE });
    const { feed } = await newFeed("/store/recover.xml");
    await runFeed(deps, feed.id, "MANUAL");
    server.serve("/store/recover.xml", "Wartungsarbeiten", { status: 503, contentType: "text/plain; charset=utf-8" });
    expect((await runFeed(deps, feed.id, "MANUAL")).status).toBe("FAILED");
    expect(await db.prisma.feed.findUniqueOrThrow({ where: { id: feed.id } })).toMatchObject({ state: "FAILING" });

    server.serve("/store/recover.xml", RSS, { contentType: RSS_TYPE });
    const back = await runFeed(deps, feed.id, "MANUAL");
    expect(["SUCCEEDED", "NOT_MODIFIED"]).toContain(back.status);
    expect(await db.prisma.feed.findUniqueOrThrow({ where: { id: feed.id } })).toMatchObject({
      state: "ACTIVE",
      lastError: null,
      failingSince: null,
    });
    expect(await db.prisma.offer.count({ where: { feedId: feed.id, status: "ACTIVE" } })).toBe(3);
  });

  it("records rejected items with key and reason and stores the rest", async () => {
    const untitled = RSS.replace("<title>Bürgerbeteiligung im Quartier moderieren</title>", "<title>   </title>");
    server.serve("/store/reject.xml", untitled, { contentType: RSS_TYPE });
    const { feed } = await newFeed("/store/reject.xml");
    const run = await runFeed(deps, feed.id, "MANUAL");
    expect(run.status).toBe("SUCCEEDED");
    const record = await runOf(run.runId);
    const keys = (await offersOf(feed.id)).map((o) => o.sourceKey);
    expect(keys).toEqual(["qaf-2027-001", "qaf-2027-003"]);
    // Either the adapter skips it with a warning or the store rejects it: the run must name it.
    const said = JSON.stringify([record.rejections, record.warnings]);
    expect(said).toMatch(/qaf-2027-002/);
    expect(said).toMatch(/Titel fehlt/);
  });

  it("rejects an item the store cannot keep (overlong title) with key and reason, counted on the run", async () => {
    const overlong = RSS.replace(
      "<title>Bürgerbeteiligung im Quartier moderieren</title>",
      `<title>Bürgerbeteiligung ${"sehr ".repeat(120)}lang</title>`,
    );
    server.serve("/store/reject-long.xml", overlong, { contentType: RSS_TYPE });
    const { feed } = await newFeed("/store/reject-long.xml");
    const run = await runFeed(deps, feed.id, "MANUAL");
    const record = await runOf(run.runId);
    expect(record).toMatchObject({ status: "SUCCEEDED", fetched: 3, created: 2, rejected: 1 });
    expect(record.rejections).toEqual([{ sourceKey: "qaf-2027-002", reason: "Titel länger als 500 Zeichen." }]);
    expect((await offersOf(feed.id)).map((o) => o.sourceKey)).toEqual(["qaf-2027-001", "qaf-2027-003"]);
  });
});

function withoutItem(xml: string, guid: string): string {
  return xml.replace(new RegExp(`<item>(?:(?!</item>)[\\s\\S])*?${guid}[\\s\\S]*?</item>`), "");
}
