import { monitorEventLoopDelay } from "node:perf_hooks";
import { threadId } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { testGateway } from "../../test/support/gateway.ts";
import { FetchError } from "../fetch/errors.ts";
import type { Fetcher } from "../fetch/fetcher.ts";
import { generateSynthCorpus } from "../synth/generate.ts";
import { memoryFetcher, renderSynthSite } from "../synth/site.ts";
import { extractFeed, UnreadableFeedError, type ExtractResult } from "./extract.ts";
import { createExtractPool, type ExtractPool } from "./extract-pool.ts";

const now = (): Date => new Date("2026-11-22T06:00:00Z");
const withoutThread = ({ threadId: _t, ...rest }: ExtractResult) => rest;

describe("extract pool (worker threads)", () => {
  let pool: ExtractPool;
  beforeAll(() => {
    pool = createExtractPool({ size: 1 });
  });
  afterAll(async () => {
    await pool.close();
  });

  it("reads every format in a worker with the same result as inline, detail pages fetched by the main thread", async () => {
    const site = await renderSynthSite(generateSynthCorpus({ offers: 60, feeds: 12 }), "http://127.0.0.1:9");
    const fetcher = memoryFetcher(site);
    const asked: string[] = [];
    const counting: Fetcher = {
      fetch: (url, options) => (asked.push(url), fetcher.fetch(url, options)),
      close: fetcher.close,
    };
    for (const feed of site.feeds) {
      const source = { url: feed.url, kind: feed.kind, config: feed.config };
      const inWorker = await pool.extract(source, { fetcher: counting, now });
      const inline = await extractFeed(source, { fetcher, now });
      expect(inWorker.threadId, feed.path).toBeDefined();
      expect(inWorker.threadId, feed.path).not.toBe(threadId);
      expect(withoutThread(inWorker), feed.path).toEqual(withoutThread(inline));
    }
    // List pages and the HTML feeds' detail pages all went through this thread's fetcher.
    expect(asked.length).toBeGreaterThan(site.feeds.length);
  }, 120_000);

  it("errors keep their class across the thread boundary", async () => {
    const refusing: Fetcher = {
      fetch: async (url) => {
        throw new FetchError("BLOCKED_ADDRESS", { url });
      },
      close: async () => undefined,
    };
    const blocked = await pool.extract({ url: "http://10.0.0.1/feed" }, { fetcher: refusing, now }).catch((e) => e);
    expect(blocked).toBeInstanceOf(FetchError);
    expect((blocked as FetchError).code).toBe("BLOCKED_ADDRESS");
    expect((blocked as FetchError).message).toBe(
      new FetchError("BLOCKED_ADDRESS", { url: "http://10.0.0.1/feed" }).message,
    );

    const garbage: Fetcher = {
      fetch: async (url) => ({
        status: 200,
        httpStatus: 200,
        notModified: false,
        url,
        bytes: new TextEncoder().encode("weder Feed noch Kalender"),
        text: "weder Feed noch Kalender",
        charset: "utf-8",
        contentHash: "x",
        fetchedAt: now(),
        warnings: [],
      }),
      close: async () => undefined,
    };
    const unreadable = await pool.extract({ url: "http://example.org/x" }, { fetcher: garbage, now }).catch((e) => e);
    expect(unreadable).toBeInstanceOf(UnreadableFeedError);
  }, 60_000);

  describe("while a large feed is read", () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase();
    }, 120_000);
    afterAll(async () => {
      await t?.drop();
    });

    it("the gateway keeps answering: the extraction runs in another thread", async () => {
      const { raw } = await testGateway(t.db);
      expect((await raw("{ __typename }")).data).toEqual({ __typename: "Query" });
      // One feed with many offers: seconds of synchronous parsing, normalising, classifying.
      const site = await renderSynthSite(generateSynthCorpus({ offers: 1_200, feeds: 1 }), "http://127.0.0.1:9");
      const feed = site.feeds[0];
      if (!feed) throw new Error("no feed");
      const fetcher = memoryFetcher(site);
      const source = { url: feed.url, kind: feed.kind, config: feed.config };
      await pool.extract(source, { fetcher, now }); // the worker is up and warm

      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      let finished = false;
      const running = pool.extract(source, { fetcher, now }).finally(() => {
        finished = true;
      });
      let answered = 0;
      while (!finished) {
        // Requests arrive as I/O events; between them the worker's messages are handled.
        await new Promise((resolve) => setImmediate(resolve));
        const reply = await raw("{ __typename }");
        expect(reply.errors).toBeUndefined();
        answered++;
      }
      const result = await running;
      delay.disable();
      expect(result.offers).toHaveLength(1_200);
      expect(result.threadId).toBeDefined();
      expect(result.threadId).not.toBe(threadId);
      // Requests were answered before the extraction finished (inline, synchronous parsing
      // would have held them until the end). Figures for the reader, not asserted.
      expect(answered).toBeGreaterThan(0);
      console.info(
        `extract pool: ${answered} gateway requests answered during the extraction; event-loop delay max ${(delay.max / 1e6).toFixed(1)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms`,
      );
    }, 180_000);
  });
});
