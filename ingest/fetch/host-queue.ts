/**
 * One request at a time per host, with a pause between requests: a promise chain per
 * host key. Small on purpose (p-queue is not a dependency); tasks of different hosts
 * run in parallel.
 */

export interface HostQueue {
  /** Runs `task` once every earlier task for `host` has finished and the delay has passed. */
  run<T>(host: string, task: () => Promise<T>, delayMs?: number): Promise<T>;
  /** Number of hosts with queued or running work (for tests and metrics). */
  readonly activeHosts: number;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener("abort", abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new Error("abgebrochen"));
    }
    signal?.addEventListener("abort", abort, { once: true });
  });
}

export function createHostQueue(defaultDelayMs: number, clock: () => number = Date.now): HostQueue {
  const tails = new Map<string, Promise<void>>();
  const lastFinished = new Map<string, number>();

  return {
    get activeHosts() {
      return tails.size;
    },
    async run<T>(host: string, task: () => Promise<T>, delayMs = defaultDelayMs): Promise<T> {
      const previous = tails.get(host) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((resolve) => (release = resolve));
      // Read-then-set happens synchronously, so concurrent callers form a chain.
      tails.set(host, mine);
      try {
        await previous;
        const finished = lastFinished.get(host);
        if (finished !== undefined) await sleep(finished + delayMs - clock());
        return await task();
      } finally {
        lastFinished.set(host, clock());
        if (tails.get(host) === mine) tails.delete(host);
        release();
      }
    },
  };
}
