import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import type { Fetcher } from "../fetch/fetcher.ts";
import { registerProviders } from "../register-feeds.ts";
import { runFeed } from "../run-feed.ts";
import { generateSynthCorpus } from "../synth/generate.ts";
import { memoryFetcher, renderSynthSite, type SynthSite } from "../synth/site.ts";

const NOW = new Date("2026-11-22T06:00:00Z");
const now = (): Date => NOW;

/** A server without validators (no ETag, no Last-Modified), counting what is asked. */
function plainFetcher(site: SynthSite, asked: string[]): Fetcher {
  const inner = memoryFetcher(site);
  return {
    fetch: async (url, options) => {
      asked.push(url);
      const { etag: _e, lastModified: _l, ...rest } = await inner.fetch(url, options);
      return rest;
    },
    close: async () => undefined,
  };
}

describe("re-ingest by draft hash", () => {
  let t: TestDatabase;
  let site: SynthSite;
  let feedIds: string[];
  beforeAll(async () => {
    t = await createTestDatabase();
    site = await renderSynthSite(generateSynthCorpus({ offers: 48, feeds: 12 }), "http://127.0.0.1:9");
    feedIds = await registerProviders(
      t.db,
      site.feeds.map((f) => ({
        slug: f.provider.slug,
        name: f.provider.name,
        feeds: [{ url: f.url, kind: f.kind, ...(f.config ? { config: f.config } : {}) }],
      })),
      NOW,
    );
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it("skips unchanged items, and the detail pages of unchanged HTML list entries", async () => {
    const asked: string[] = [];
    const deps = { db: t.db, fetcher: plainFetcher(site, asked), now, instance: "test" };
    for (const id of feedIds) expect((await runFeed(deps, id, "CLI")).status).toBe("SUCCEEDED");
    const firstAsked = asked.length;
    const before = await t.db.sql<{ n: number }>(
      `select count(*)::int as n from "Offer" where "draftHash" is not null`,
    );
    expect(before[0]?.n).toBe(48);
    const htmlIndexes = site.feeds.flatMap((f, i) => (f.kind === "HTML" ? [i] : []));
    expect(htmlIndexes.length).toBeGreaterThan(0);

    asked.length = 0;
    // Forget the feeds' fingerprints: every feed is read again, and every item is skipped by its draft hash.
    await t.db.sql(`update "Feed" set "contentHash" = null`);
    for (const [i, id] of feedIds.entries()) {
      const summary = await runFeed(deps, id, "CLI");
      expect(summary.status, site.feeds[i]?.path).toBe("SUCCEEDED");
      const count = site.feeds[i]?.offers.length ?? 0;
      expect(summary.outcome, site.feeds[i]?.path).toMatchObject({
        fetched: count,
        unchanged: count,
        created: 0,
        changed: 0,
        withdrawn: 0,
      });
    }
    // Only the feeds themselves were fetched: no detail page of an unchanged list entry.
    expect(asked.length).toBe(feedIds.length);
    expect(firstAsked).toBeGreaterThan(feedIds.length);
    const active = await t.db.sql<{ n: number }>(`select count(*)::int as n from "Offer" where status = 'ACTIVE'`);
    expect(active[0]?.n).toBe(48);
  }, 120_000);

  it("an unchanged HTML list page with fresh detail pages is not parsed at all", async () => {
    const asked: string[] = [];
    const deps = { db: t.db, fetcher: plainFetcher(site, asked), now, instance: "test" };
    for (const [i, id] of feedIds.entries()) {
      // Every feed's fingerprint is stored again by the previous test's runs.
      expect((await runFeed(deps, id, "CLI")).status, site.feeds[i]?.path).toBe("NOT_MODIFIED");
    }
    expect(asked.length).toBe(feedIds.length);
  }, 60_000);

  it("an item read differently is processed again, the others stay skipped", async () => {
    const feed = site.feeds.findIndex((f) => f.kind === "CSV");
    const id = feedIds[feed];
    if (feed < 0 || !id) throw new Error("no CSV feed");
    // A stale draft hash stands for an item whose draft changed.
    await t.db.sql(
      `update "Offer" set "draftHash" = 'alt' where id = (select id from "Offer" where "feedId" = $1 order by "sourceKey" limit 1)`,
      [id],
    );
    await t.db.sql(`update "Feed" set "contentHash" = null where id = $1`, [id]);
    const summary = await runFeed({ db: t.db, fetcher: plainFetcher(site, []), now, instance: "test" }, id, "CLI");
    const count = site.feeds[feed]?.offers.length ?? 0;
    // Same content: unchanged, but its draft hash is brought up to date.
    expect(summary.outcome).toMatchObject({ fetched: count, unchanged: count, changed: 0 });
    const stale = await t.db.sql<{ n: number }>(
      `select count(*)::int as n from "Offer" where "feedId" = $1 and "draftHash" = 'alt'`,
      [id],
    );
    expect(stale[0]?.n).toBe(0);
  }, 60_000);
});
