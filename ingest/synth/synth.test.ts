import { describe, expect, it } from "vitest";
import { extractFeed } from "../pipeline/extract.ts";
import { DEMO_PLACES } from "../demo/places.ts";
import { generateSynthCorpus, SYNTH_FORMATS } from "./generate.ts";
import { memoryFetcher, renderSynthSite } from "./site.ts";
import { startSynthServer } from "./server.ts";

const now = (): Date => new Date("2026-11-22T06:00:00Z");

describe("synthetic corpus", () => {
  it("is deterministic and spreads offers over feeds, formats and all districts", () => {
    const a = generateSynthCorpus({ offers: 600 });
    const b = generateSynthCorpus({ offers: 600 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.feeds.reduce((n, f) => n + f.offers.length, 0)).toBe(600);
    expect(new Set(a.feeds.map((f) => f.provider.format))).toEqual(new Set(SYNTH_FORMATS));
    const districts = new Set(a.feeds.flatMap((f) => f.offers.map((o) => o.districtKey)).filter(Boolean));
    expect(districts.size).toBe(new Set(DEMO_PLACES.map((p) => p.districtKey)).size);
    const ids = a.feeds.flatMap((f) => f.offers.map((o) => o.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(generateSynthCorpus({ offers: 600, seed: "2" }).feeds[0]?.offers[0]?.title).toBeDefined();
  });

  it("every feed reads back with exactly its offers through the real adapters", async () => {
    const corpus = generateSynthCorpus({ offers: 120, feeds: 12 });
    const site = await renderSynthSite(corpus, "http://127.0.0.1:9");
    const fetcher = memoryFetcher(site);
    for (const feed of site.feeds) {
      const result = await extractFeed({ url: feed.url, kind: feed.kind, config: feed.config }, { fetcher, now });
      expect(result.offers?.length, feed.path).toBe(feed.offers.length);
      expect(new Set(result.offers?.map((o) => o.title)), feed.path).toEqual(new Set(feed.offers.map((o) => o.title)));
    }
  }, 60_000);

  it("the loopback server answers 304 with validators and 200 without", async () => {
    const server = await startSynthServer();
    try {
      const site = await renderSynthSite(generateSynthCorpus({ offers: 24, feeds: 12 }), server.url);
      server.site = site;
      const feed = site.feeds[0];
      if (!feed) throw new Error("kein Feed");
      const first = await fetch(feed.url);
      const etag = first.headers.get("etag");
      expect(first.status).toBe(200);
      expect(etag).toBeTruthy();
      await first.arrayBuffer();
      const again = await fetch(feed.url, { headers: { "If-None-Match": etag ?? "" } });
      expect(again.status).toBe(304);
      server.validators = false;
      const plain = await fetch(feed.url, { headers: { "If-None-Match": etag ?? "" } });
      expect(plain.status).toBe(200);
      expect(plain.headers.get("etag")).toBeNull();
      await plain.arrayBuffer();
    } finally {
      await server.close();
    }
  });
});
