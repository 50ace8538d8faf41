import { Worker } from "node:worker_threads";
import type { FetchOptions, Fetcher, FetchResult } from "../fetch/fetcher.ts";
import { FetchError } from "../fetch/errors.ts";
import { extractFeed, UnreadableFeedError, type ExtractDeps, type ExtractResult, type FeedSource } from "./extract.ts";
import type { ErrorWire, ToMain, ToWorker } from "./extract-wire.ts";

/**
 * Runs `extractFeed` (detect, parse, normalise, classify: synchronous work of up to
 * seconds per feed) in worker threads, so the gateway keeps answering while a feed is
 * read. The network stays here: the worker asks this thread for every fetch, so the one
 * fetcher with its SSRF guard, robots cache and per-host queue serves all feeds. The
 * store stays here too (PGlite is one in-process connection).
 */

export type Extract = (source: FeedSource, deps: ExtractDeps) => Promise<ExtractResult>;

export interface ExtractPool {
  extract: Extract;
  /** How many worker threads; 0 means inline on the calling thread. */
  readonly size: number;
  close(): Promise<void>;
}

/** Inline: the same interface without threads (HUB_INGEST_WORKERS=0, one-shot commands). */
export const inlineExtract: ExtractPool = { extract: extractFeed, size: 0, close: async () => undefined };

interface Job {
  id: number;
  deps: ExtractDeps;
  resolve(result: ExtractResult): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
  failed: Error | null;
}

// The worker registers tsx itself (bin/hub.mjs does the same), so it runs wherever the
// caller's TypeScript runs: the tsx CLI, the `hub` bin, vitest.
const WORKER_URL = new URL("./extract-worker.mjs", import.meta.url);

export function createExtractPool(options: { size: number }): ExtractPool {
  if (options.size <= 0) return inlineExtract;
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const worker = new Worker(WORKER_URL);
    const slot: Slot = { worker, jobs: new Map(), failed: null };
    // An idle worker must not keep the process alive (one-shot CLI runs, tests).
    worker.unref();
    worker.on("message", (message: ToMain) => void onMessage(slot, message));
    const fail = (error: Error) => {
      slot.failed = error;
      for (const job of slot.jobs.values()) job.reject(error);
      slot.jobs.clear();
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (!closed) fail(new Error(`Der Ingest-Worker wurde beendet (Code ${code}).`));
    });
    return slot;
  };

  const onMessage = async (slot: Slot, message: ToMain): Promise<void> => {
    const job = slot.jobs.get(message.job);
    if (!job) return;
    if (message.type === "fetch") {
      let reply: ToWorker;
      try {
        const result = await job.deps.fetcher.fetch(message.url, message.options);
        reply = { type: "fetched", job: job.id, request: message.request, result };
      } catch (error) {
        reply = { type: "fetchFailed", job: job.id, request: message.request, error: errorToWire(error) };
      }
      if (!slot.failed) slot.worker.postMessage(reply);
      return;
    }
    slot.jobs.delete(job.id);
    if (slot.jobs.size === 0) slot.worker.unref();
    if (message.type === "done") job.resolve({ ...message.result, threadId: message.threadId });
    else job.reject(errorFromWire(message.error));
  };

  /** The least busy worker; a new one while the pool is below its size. */
  const pick = (): Slot => {
    const idle = slots.find((s) => s.jobs.size === 0);
    if (idle) return idle;
    if (slots.length < options.size) {
      const slot = spawn();
      slots.push(slot);
      return slot;
    }
    return slots.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
  };

  const extract: Extract = (source, deps) => {
    if (closed) return Promise.reject(new Error("Der Ingest-Worker-Pool ist geschlossen."));
    const slot = pick();
    const id = nextId++;
    return new Promise<ExtractResult>((resolve, reject) => {
      slot.jobs.set(id, { id, deps, resolve, reject });
      slot.worker.ref();
      const message: ToWorker = {
        type: "extract",
        job: id,
        source,
        now: deps.now().getTime(),
        ...(deps.maxDetailPages !== undefined ? { maxDetailPages: deps.maxDetailPages } : {}),
        ...(deps.maxGraphqlPages !== undefined ? { maxGraphqlPages: deps.maxGraphqlPages } : {}),
      };
      slot.worker.postMessage(message);
    });
  };

  return {
    extract,
    size: options.size,
    async close() {
      closed = true;
      const all = slots.splice(0);
      for (const slot of all) {
        for (const job of slot.jobs.values()) job.reject(new Error("Der Ingest-Worker-Pool wurde geschlossen."));
        slot.jobs.clear();
      }
      await Promise.all(all.map((slot) => slot.worker.terminate()));
    },
  };
}

/** Errors cross the thread boundary as data and are rebuilt as the class the callers test for. */
export function errorToWire(error: unknown): ErrorWire {
  if (error instanceof FetchError) {
    return {
      kind: "fetch",
      code: error.code,
      url: error.url,
      ...(error.detail !== undefined ? { detail: error.detail } : {}),
      ...(error.status !== undefined ? { status: error.status } : {}),
      retryable: error.retryable,
      ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    };
  }
  if (error instanceof UnreadableFeedError) return { kind: "unreadable", message: error.message };
  const e = error instanceof Error ? error : new Error(String(error));
  return { kind: "other", name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
}

export function errorFromWire(wire: ErrorWire): Error {
  switch (wire.kind) {
    case "fetch":
      return new FetchError(wire.code, {
        url: wire.url,
        ...(wire.detail !== undefined ? { detail: wire.detail } : {}),
        ...(wire.status !== undefined ? { status: wire.status } : {}),
        retryable: wire.retryable,
        ...(wire.retryAfterMs !== undefined ? { retryAfterMs: wire.retryAfterMs } : {}),
      });
    case "unreadable":
      return new UnreadableFeedError(wire.message);
    default: {
      const error = new Error(wire.message);
      error.name = wire.name;
      if (wire.stack) error.stack = wire.stack;
      return error;
    }
  }
}

/** The worker's fetcher: every request goes to the main thread's real fetcher. */
export function relayFetcher(ask: (url: string, options: FetchOptions | undefined) => Promise<FetchResult>): Fetcher {
  return { fetch: (url, options) => ask(url, options), close: async () => undefined };
}
