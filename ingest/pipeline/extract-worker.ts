import { parentPort, threadId } from "node:worker_threads";
import type { FetchResult } from "../fetch/fetcher.ts";
import { extractFeed } from "./extract.ts";
import { errorFromWire, errorToWire, relayFetcher } from "./extract-pool.ts";
import type { ToMain, ToWorker } from "./extract-wire.ts";

/**
 * The worker side of the extract pool: runs extractFeed for the main thread, asking it
 * for every fetch. Loaded through extract-worker.mjs, which registers tsx first.
 */

const port = parentPort;
if (!port) throw new Error("extract-worker.ts läuft nur als Worker-Thread.");

const pending = new Map<number, { resolve(result: FetchResult): void; reject(error: Error): void }>();
let nextRequest = 1;

const send = (message: ToMain): void => port.postMessage(message);

port.on("message", (message: ToWorker) => {
  if (message.type === "fetched" || message.type === "fetchFailed") {
    const waiting = pending.get(message.request);
    pending.delete(message.request);
    if (message.type === "fetched") waiting?.resolve(message.result);
    else waiting?.reject(errorFromWire(message.error));
    return;
  }
  const job = message.job;
  const fetcher = relayFetcher(
    (url, options) =>
      new Promise<FetchResult>((resolve, reject) => {
        const request = nextRequest++;
        pending.set(request, { resolve, reject });
        send({ type: "fetch", job, request, url, options });
      }),
  );
  const now = new Date(message.now);
  extractFeed(message.source, {
    fetcher,
    now: () => now,
    ...(message.maxDetailPages !== undefined ? { maxDetailPages: message.maxDetailPages } : {}),
    ...(message.maxGraphqlPages !== undefined ? { maxGraphqlPages: message.maxGraphqlPages } : {}),
  }).then(
    (result) => send({ type: "done", job, result, threadId }),
    (error: unknown) => send({ type: "failed", job, error: errorToWire(error) }),
  );
});
