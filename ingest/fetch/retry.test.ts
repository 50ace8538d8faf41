import { describe, expect, it } from "vitest";
import { FetchError } from "./errors.ts";
import { createHostQueue } from "./host-queue.ts";
import { DEFAULT_BACKOFF, parseRetryAfter, retryDelay } from "./retry.ts";

const now = new Date("2027-03-01T12:00:00Z");
const err = (retryable: boolean, retryAfterMs?: number) =>
  new FetchError("HTTP_STATUS", {
    url: "http://x/",
    status: 503,
    retryable,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Mon, 01 Mar 2027 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Mon, 01 Mar 2027 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("bald", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe("retryDelay", () => {
  it("grows exponentially within jitter bounds", () => {
    expect(retryDelay(err(true), 0, DEFAULT_BACKOFF, () => 0)).toBe(250);
    expect(retryDelay(err(true), 0, DEFAULT_BACKOFF, () => 1)).toBe(500);
    expect(retryDelay(err(true), 3, DEFAULT_BACKOFF, () => 1)).toBe(4000);
    expect(retryDelay(err(true), 20, DEFAULT_BACKOFF, () => 1)).toBe(DEFAULT_BACKOFF.maxMs);
  });
  it("never retries what is not retryable, and honours Retry-After up to the cap", () => {
    expect(retryDelay(err(false), 0, DEFAULT_BACKOFF)).toBeUndefined();
    expect(retryDelay(new Error("x"), 0, DEFAULT_BACKOFF)).toBeUndefined();
    expect(retryDelay(err(true, 5_000), 0, DEFAULT_BACKOFF)).toBe(5_000);
    expect(retryDelay(err(true, 3_600_000), 0, DEFAULT_BACKOFF)).toBeUndefined();
  });
});

describe("createHostQueue", () => {
  it("runs one task per host at a time, hosts in parallel", async () => {
    const queue = createHostQueue(0);
    const running = new Map<string, number>();
    const peak = new Map<string, number>();
    const order: string[] = [];
    const task = (host: string, name: string) => async () => {
      running.set(host, (running.get(host) ?? 0) + 1);
      peak.set(host, Math.max(peak.get(host) ?? 0, running.get(host) ?? 0));
      await new Promise((r) => setTimeout(r, 5));
      order.push(name);
      running.set(host, (running.get(host) ?? 1) - 1);
      return name;
    };
    const results = await Promise.all([
      queue.run("a.example", task("a.example", "a1")),
      queue.run("a.example", task("a.example", "a2")),
      queue.run("b.example", task("b.example", "b1")),
      queue.run("a.example", task("a.example", "a3")),
    ]);
    expect(results).toEqual(["a1", "a2", "b1", "a3"]);
    expect(order.filter((n) => n.startsWith("a"))).toEqual(["a1", "a2", "a3"]);
    expect(peak.get("a.example")).toBe(1);
    expect(queue.activeHosts).toBe(0);
  });

  it("keeps going after a failed task", async () => {
    const queue = createHostQueue(0);
    await expect(queue.run("a", async () => Promise.reject(new Error("kaputt")))).rejects.toThrow("kaputt");
    await expect(queue.run("a", async () => "weiter")).resolves.toBe("weiter");
  });
});
