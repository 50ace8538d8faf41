import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFetcher, parseAllowList, type Fetcher } from "../../ingest/fetch/fetcher.ts";
import { runFeed } from "../../ingest/run-feed.ts";
import { createFeed, createOffer, createProvider } from "../factories/offers.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startFeedServer, type FeedServer } from "../support/feed-server.ts";
import { startGateway, type GraphqlBody, type LiveGateway } from "./support.ts";

/**
 * Stored XSS through scraped descriptions: whatever a provider's feed carries, the
 * portal may render `descriptionHtml` as HTML, so it must reach clients without
 * scripts, event handlers, javascript: URLs or active embeds.
 */
const HOSTILE = readFileSync(new URL("./fixtures/hostile-rss.xml", import.meta.url), "utf8");
const DANGEROUS: [string, RegExp][] = [
  ["script element", /<script/i],
  ["event handler", /\son[a-z]+\s*=/i],
  ["javascript: URL", /javascript:/i],
  ["entity-encoded javascript: URL", /&#0*106;avascript/i],
  ["svg", /<svg/i],
  ["iframe", /<iframe/i],
  ["object", /<object/i],
  ["style attribute", /\sstyle\s*=/i],
];

function expectHarmless(html: string): void {
  for (const [what, pattern] of DANGEROUS) expect(html, `${what} in ${html}`).not.toMatch(pattern);
}

let t: TestDatabase;
let gw: LiveGateway;
let feeds: FeedServer;
let fetcher: Fetcher;

beforeAll(async () => {
  t = await createTestDatabase();
  gw = await startGateway(t.db);
  feeds = await startFeedServer();
  fetcher = createFetcher({
    userAgent: "QuartierHub-Test/1.0",
    allowHosts: parseAllowList(feeds.host),
    connectTimeoutMs: 2000,
    totalTimeoutMs: 5000,
    maxBytes: 1024 * 1024,
    maxRedirects: 3,
    perHostDelayMs: 0,
    retries: 0,
    respectRobots: false,
  });
}, 120_000);
afterAll(async () => {
  await fetcher?.close();
  await feeds?.close();
  await gw?.close();
  await t?.drop();
});

async function descriptionsOf(ids: string[]): Promise<{ id: string; descriptionHtml: string; description: string }[]> {
  const out = [];
  for (const id of ids) {
    const res = await gw.post({
      query: "query($id: ID!) { offer(id: $id) { id descriptionHtml description } }",
      variables: { id },
    });
    const body = (await res.json()) as GraphqlBody & {
      data: { offer: { id: string; descriptionHtml: string; description: string } | null };
    };
    expect(body.errors).toBeUndefined();
    expect(body.data.offer, `offer ${id} visible to the public`).not.toBeNull();
    out.push(body.data.offer!);
  }
  return out;
}

describe("scraped descriptions reach clients sanitised", () => {
  it("ingests a hostile RSS feed from a loopback server; the API's descriptionHtml carries none of it", async () => {
    feeds.serve("/hostile.xml", HOSTILE, { contentType: "application/rss+xml; charset=utf-8" });
    const provider = await createProvider(t.db);
    const feed = await createFeed(t.db, provider.id, { url: feeds.url("/hostile.xml"), kind: "RSS" });
    const run = await runFeed({ db: t.db, fetcher, now: () => new Date(), instance: "xss-test" }, feed.id, "MANUAL");
    expect(run.status).toBe("SUCCEEDED");

    const rows = await t.db.prisma.offer.findMany({ where: { feedId: feed.id }, orderBy: { sourceKey: "asc" } });
    expect(rows.map((r) => r.sourceKey)).toEqual(["sak-xss-001", "sak-xss-002"]);
    const offers = await descriptionsOf(rows.map((r) => r.id));
    for (const offer of offers) {
      expectHarmless(offer.descriptionHtml);
      expect(offer.description).not.toMatch(/<script|alert\('skript'\)/i);
    }
    // Sanitising keeps the content: text, emphasis and the harmless https link survive.
    const first = offers[0]!.descriptionHtml;
    expect(first).toContain("Methoden der Sozialraumanalyse");
    expect(first).toMatch(/<strong>Termin:<\/strong>/);
    expect(first).toContain('href="https://www.stadtteilakademie-neckarbogen.example/anmeldung"');
  });

  // Defence in depth: a row written past ingest (a migration, a manual fix, a future
  // adapter that forgets to sanitise). Today the Offer resolver passes descriptionHtml
  // through as stored, so this is expected to fail until it sanitises on output too
  // The Offer resolver sanitises descriptionHtml on output too (schema/common/sanitise.ts).
  // then change it to `it`.
  it("sanitises descriptionHtml on output even when the stored row is hostile", async () => {
    const provider = await createProvider(t.db);
    const feed = await createFeed(t.db, provider.id);
    const offer = await createOffer(t.db, feed, { title: "Quartiersarbeit mit Hintertür" });
    await t.db.prisma.offer.update({
      where: { id: offer.id },
      data: {
        descriptionHtml: `<p>Text</p><script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a><svg onload="alert(4)"></svg>`,
      },
    });
    const [served] = await descriptionsOf([offer.id]);
    expectHarmless(served!.descriptionHtml);
  });
});
