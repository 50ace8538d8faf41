import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import { Socket, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, deflateRawSync, gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parseAllowList } from "./address-guard.ts";
import { FetchError, type FetchErrorCode } from "./errors.ts";
import { createFetcher, fetcherConfigFromEnv, type Fetcher, type FetcherConfig, type Resolver } from "./fetcher.ts";
import { closedPort, startServer, type Handler, type LoopbackServer } from "./fixtures/loopback-server.ts";

const MiB = 1024 * 1024;

// Tests never use the system resolver for anything but nothing: a lookup is a test bug.
const noDns: Resolver = async (host) => {
  throw new Error(`unerwartete DNS-Abfrage für ${host}`);
};

// Tripwire: every socket this file opens must go to loopback. A refusal that slipped
// past the guard fails here instead of sending a packet to 10.x or 169.254.x.
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["127.0.0.1", "::1", "localhost"]);
const connectTargets: string[] = [];
const originalConnect = Socket.prototype.connect;
beforeAll(() => {
  Socket.prototype.connect = function guardedConnect(this: Socket, ...args: unknown[]) {
    // net.connect() passes its normalised arguments as one array: [options, callback].
    const [first, second] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
    const host =
      typeof first === "object" && first !== null && "host" in first
        ? String(first.host)
        : typeof second === "string"
          ? second
          : "(unbekannt)";
    connectTargets.push(host);
    if (!LOOPBACK_HOSTS.has(host)) throw new Error(`Test wollte sich mit ${host} verbinden`);
    return (originalConnect as (...a: unknown[]) => Socket).apply(this, args);
  } as typeof originalConnect;
});
afterAll(() => {
  Socket.prototype.connect = originalConnect;
  expect(connectTargets).toContain("127.0.0.1"); // the tripwire really sat in the path
  expect(connectTargets.filter((h) => !LOOPBACK_HOSTS.has(h))).toEqual([]);
});

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

async function serve(handler: Handler): Promise<LoopbackServer> {
  const server = await startServer(handler);
  cleanup.push(() => server.close());
  return server;
}

function fetcherFor(servers: LoopbackServer[], overrides: Partial<FetcherConfig> = {}): Fetcher {
  const fetcher = createFetcher({
    userAgent: "QuartierOfferHub/0.1 (+https://hub.invalid; Test)",
    allowHosts: parseAllowList(servers.map((s) => `127.0.0.1:${s.port}`).join(",")),
    connectTimeoutMs: 2_000,
    totalTimeoutMs: 10_000,
    maxBytes: MiB,
    maxRedirects: 5,
    perHostDelayMs: 0,
    retries: 0,
    respectRobots: false,
    resolver: noDns,
    backoff: { baseMs: 1, maxMs: 5, maxRetryAfterMs: 1_000 },
    ...overrides,
  });
  cleanup.push(() => fetcher.close());
  return fetcher;
}

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
  throw new Error("expected a FetchError");
}

async function expectCode(promise: Promise<unknown>, code: FetchErrorCode): Promise<FetchError> {
  const error = await failure(promise);
  expect(error.code, error.message).toBe(code);
  return error;
}

const text =
  (body: string | Buffer, headers: Record<string, string> = {}, status = 200): Handler =>
  (_req, res) => {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
    res.end(body);
  };

describe("fetcher: success paths", () => {
  it("fetches, identifies itself and hashes the bytes", async () => {
    const server = await serve(
      text("Quartiersentwicklung", { etag: '"a1"', "last-modified": "Tue, 01 Jun 2027 10:00:00 GMT" }),
    );
    const now = new Date("2027-06-02T08:00:00Z");
    const result = await fetcherFor([server], { now: () => now }).fetch(server.url("/kurse.txt"));
    expect(result).toMatchObject({
      status: 200,
      notModified: false,
      text: "Quartiersentwicklung",
      charset: "utf-8",
      etag: '"a1"',
      fetchedAt: now,
      url: server.url("/kurse.txt"),
    });
    expect(result.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(server.requests[0]?.headers["user-agent"]).toMatch(/^QuartierOfferHub\/0\.1/);
  });

  it("decodes Windows-1252 served without charset", async () => {
    const body = iconv.encode("<p>Gebühr: 30 €, Treffpunkt Straße am Markt</p>", "windows-1252");
    const server = await serve(text(body, { "content-type": "text/html" }));
    const result = await fetcherFor([server]).fetch(server.url());
    expect(result.text).toContain("Gebühr: 30 €");
    expect(result.text).toContain("Straße");
    expect(result.charset).toBe("windows-1252");
    expect(result.warnings.join()).toMatch(/Windows-1252/);
  });

  it.each([
    ["gzip", gzipSync],
    ["deflate", deflateRawSync],
    ["br", brotliCompressSync],
  ] as const)("decompresses %s", async (encoding, compress) => {
    const server = await serve(
      text(compress(Buffer.from("Beteiligung im Quartier ".repeat(100))), { "content-encoding": encoding }),
    );
    const result = await fetcherFor([server]).fetch(server.url());
    expect(result.text.startsWith("Beteiligung im Quartier")).toBe(true);
    expect(result.bytes.length).toBe(2400);
  });

  it("follows redirects and reports the final URL", async () => {
    const server = await serve((req, res) => {
      if (req.url === "/alt") return text("", { location: "/neu" }, 301)(req, res);
      text("angekommen")(req, res);
    });
    const result = await fetcherFor([server]).fetch(server.url("/alt"));
    expect(result.url).toBe(server.url("/neu"));
    expect(result.text).toBe("angekommen");
  });

  it("round-trips ETag and Last-Modified into a 304", async () => {
    const server = await serve((req, res) => {
      if (req.headers["if-none-match"] === '"v7"') {
        res.writeHead(304, { etag: '"v7"' });
        return res.end();
      }
      text("<rss/>", { etag: '"v7"', "last-modified": "Mon, 01 Mar 2027 09:00:00 GMT" })(req, res);
    });
    const fetcher = fetcherFor([server]);
    const first = await fetcher.fetch(server.url("/feed.xml"));
    const second = await fetcher.fetch(server.url("/feed.xml"), {
      etag: first.etag ?? null,
      lastModified: first.lastModified ?? null,
    });
    expect(second).toMatchObject({ status: 304, notModified: true, text: "", etag: '"v7"' });
    expect(second.bytes.length).toBe(0);
    expect(server.requests[1]?.headers["if-modified-since"]).toBe("Mon, 01 Mar 2027 09:00:00 GMT");
  });

  it("sends POST bodies and drops credentials on a cross-origin redirect", async () => {
    const target = await serve(text("ok"));
    const origin = await serve((req, res) => text("", { location: target.url("/graphql") }, 307)(req, res));
    const result = await fetcherFor([origin, target]).fetch(origin.url("/graphql"), {
      method: "POST",
      body: '{"query":"{ kurse { titel } }"}',
      headers: { "content-type": "application/json", authorization: "Bearer geheim" },
    });
    expect(result.text).toBe("ok");
    expect(origin.requests[0]?.headers.authorization).toBe("Bearer geheim");
    expect(target.requests[0]?.method).toBe("POST");
    expect(target.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("serialises requests to one host (server-side counter)", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const server = await serve((_req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        text("x")(_req, res);
      }, 50);
    });
    const fetcher = fetcherFor([server], { perHostDelayMs: 10 });
    const results = await Promise.all([
      fetcher.fetch(server.url("/a")),
      fetcher.fetch(server.url("/b")),
      fetcher.fetch(server.url("/c")),
    ]);
    expect(results.map((r) => r.text)).toEqual(["x", "x", "x"]);
    expect(server.requests).toHaveLength(3);
    expect(maxInFlight).toBe(1);
  });

  it("leaves binary kinds undecoded", async () => {
    const server = await serve(
      text(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff]), {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      }),
    );
    const result = await fetcherFor([server]).fetch(server.url("/kurse.xlsx"), { kind: "XLSX" });
    expect(result).toMatchObject({ text: "", charset: "binary" });
    expect(result.bytes.length).toBe(5);
  });
});

describe("fetcher: SSRF guard (refused before any connection)", () => {
  it("refuses a literal loopback address without allow-list, no request made", async () => {
    const server = await serve(text("darf nie ankommen"));
    const error = await expectCode(fetcherFor([]).fetch(server.url("/")), "BLOCKED_ADDRESS");
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/internes oder reserviertes Netz/);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    "http://10.0.0.1/feed.xml",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:10.0.0.1]/",
    "http://[fd00:ec2::254]/",
    "http://2130706433/",
    "http://0x7f.1/",
    "http://0xa9fea9fe/",
    "http://0/",
  ])("refuses %s", async (url) => {
    await expectCode(fetcherFor([]).fetch(url), "BLOCKED_ADDRESS");
  });

  it("refuses a host name resolving to 10.0.0.1 (fake resolver, no connection)", async () => {
    const resolver = vi.fn<Resolver>(async () => ["10.0.0.1"]);
    await expectCode(fetcherFor([], { resolver }).fetch("http://kurse.traeger.example/feed.xml"), "BLOCKED_ADDRESS");
    expect(resolver).toHaveBeenCalledWith("kurse.traeger.example");
  });

  it("re-checks addresses at connect time (DNS rebinding)", async () => {
    const server = await serve(text("darf nie ankommen"));
    // First answer (guard) looks public; the socket's lookup then gets loopback. The
    // name is "localhost" so that even a bypassed hook could only reach 127.0.0.1.
    let calls = 0;
    const resolver: Resolver = async () => (calls++ === 0 ? ["93.184.216.34"] : ["127.0.0.1"]);
    const error = await expectCode(
      fetcherFor([], { resolver }).fetch(`http://localhost:${server.port}/`),
      "BLOCKED_ADDRESS",
    );
    expect(error.message).toMatch(/Verbindungsaufbau/);
    expect(error.url).toBe(`http://localhost:${server.port}/`);
    expect(calls).toBe(2);
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a redirect from an allowed loopback server to the metadata address", async () => {
    const server = await serve(text("", { location: "http://169.254.169.254/latest/meta-data/iam/" }, 302));
    await expectCode(fetcherFor([server]).fetch(server.url("/feed")), "BLOCKED_ADDRESS");
    expect(server.requests).toHaveLength(1);
  });

  it("refuses a redirect to a name resolving to a private address", async () => {
    const server = await serve(text("", { location: "http://intranet.traeger.example/" }, 302));
    const resolver = vi.fn<Resolver>(async () => ["192.168.10.2"]);
    await expectCode(fetcherFor([server], { resolver }).fetch(server.url("/feed")), "BLOCKED_ADDRESS");
    expect(resolver).toHaveBeenCalledTimes(1);
  });

  it("connects to an allow-listed host name and refuses its redirect to a private name", async () => {
    const server = await serve((req, res) =>
      (req.url === "/feed" ? text("", { location: "http://kurse-intern.example/feed" }, 302) : text("Kursliste"))(
        req,
        res,
      ),
    );
    const dns: Record<string, string[]> = { localhost: ["127.0.0.1"], "kurse-intern.example": ["10.0.0.5"] };
    const resolver = vi.fn<Resolver>(async (host) => dns[host] ?? []);
    const fetcher = fetcherFor([], { allowHosts: parseAllowList(`localhost:${server.port}`), resolver });
    expect((await fetcher.fetch(`http://localhost:${server.port}/ok`)).text).toBe("Kursliste");
    await expectCode(fetcher.fetch(`http://localhost:${server.port}/feed`), "BLOCKED_ADDRESS");
    expect(resolver).toHaveBeenCalledWith("kurse-intern.example");
    expect(server.requests.map((r) => r.path)).toEqual(["/ok", "/feed"]);
  });

  it("refuses a redirect to a loopback port that is not allow-listed", async () => {
    const other = await serve(text("darf nie ankommen"));
    const server = await serve(text("", { location: other.url("/") }, 302));
    await expectCode(fetcherFor([server]).fetch(server.url("/")), "BLOCKED_ADDRESS");
    expect(other.requests).toHaveLength(0);
  });

  it.each(["file:///etc/passwd", "ftp://127.0.0.1/", "http://nutzer:pw@127.0.0.1/", "::"])(
    "refuses %s as INVALID_URL",
    async (url) => {
      await expectCode(fetcherFor([]).fetch(url), "INVALID_URL");
    },
  );
});

describe("fetcher: bad servers", () => {
  it("reports an unreachable host as CONNECT_FAILED (retryable)", async () => {
    const port = await closedPort();
    const fetcher = fetcherFor([], { allowHosts: parseAllowList(`127.0.0.1:${port}`) });
    const error = await expectCode(fetcher.fetch(`http://127.0.0.1:${port}/`), "CONNECT_FAILED");
    expect(error.retryable).toBe(true);
  });

  it("stops a 1-byte drip at the TOTAL timeout (idle timeout never trips)", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      const drip = setInterval(() => res.write("."), 100);
      res.on("close", () => clearInterval(drip));
    });
    const error = await expectCode(fetcherFor([server], { totalTimeoutMs: 600 }).fetch(server.url()), "TIMEOUT");
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/Gesamtzeit/);
  });

  it("times out a server that never answers", async () => {
    const server = await serve(() => undefined);
    await expectCode(fetcherFor([server], { totalTimeoutMs: 300 }).fetch(server.url()), "TIMEOUT");
  });

  it("reports 404 without retrying", async () => {
    const server = await serve(text("nicht gefunden", {}, 404));
    const error = await expectCode(fetcherFor([server], { retries: 2 }).fetch(server.url("/weg.ics")), "HTTP_STATUS");
    expect(error).toMatchObject({ status: 404, retryable: false });
    expect(error.message).toMatch(/HTTP 404/);
    expect(server.hits("/weg.ics")).toBe(1);
  });

  it("reports 500 as HTTP_STATUS", async () => {
    const server = await serve(text("kaputt", {}, 500));
    await expectCode(fetcherFor([server]).fetch(server.url()), "HTTP_STATUS");
  });

  it("succeeds after a 503 by retrying", async () => {
    let calls = 0;
    const server = await serve((req, res) =>
      (calls++ === 0 ? text("später", { "retry-after": "0" }, 503) : text("jetzt"))(req, res),
    );
    const result = await fetcherFor([server], { retries: 2 }).fetch(server.url());
    expect(result.text).toBe("jetzt");
    expect(calls).toBe(2);
  });

  it("gives up when Retry-After exceeds the cap", async () => {
    const server = await serve(text("zu viele", { "retry-after": "3600" }, 429));
    const error = await expectCode(fetcherFor([server], { retries: 2 }).fetch(server.url()), "HTTP_STATUS");
    expect(error).toMatchObject({ status: 429, retryable: true });
    expect(server.requests).toHaveLength(1);
  });

  it("retries a 502 until retries are used up", async () => {
    const server = await serve(text("", {}, 502));
    await expectCode(fetcherFor([server], { retries: 2 }).fetch(server.url()), "HTTP_STATUS");
    expect(server.requests).toHaveLength(3);
  });

  it("detects a redirect loop", async () => {
    const server = await serve((req, res) => text("", { location: req.url === "/a" ? "/b" : "/a" }, 302)(req, res));
    const error = await expectCode(fetcherFor([server], { retries: 2 }).fetch(server.url("/a")), "TOO_MANY_REDIRECTS");
    expect(error.retryable).toBe(false);
    expect(server.requests).toHaveLength(6); // the first request plus 5 redirects, no retry
  });

  it("refuses a body over the limit (chunked, no Content-Length)", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 40 && res.write(chunk)) sent++;
        if (sent >= 40) res.end();
      };
      res.on("drain", pump);
      pump();
    });
    const error = await expectCode(fetcherFor([server]).fetch(server.url()), "TOO_LARGE");
    expect(error.message).toMatch(/Limit von 1 MiB/);
  });

  it("refuses an announced Content-Length over the limit before reading", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-length": String(50 * MiB) });
      res.write("a");
    });
    await expectCode(fetcherFor([server]).fetch(server.url()), "TOO_LARGE");
  });

  it.each([
    ["gzip", gzipSync],
    ["br", brotliCompressSync],
    ["deflate", deflateRawSync],
  ] as const)("stops a %s bomb by counting decompressed bytes", async (encoding, compress) => {
    const bomb = compress(Buffer.alloc(10 * 1000 * 1000));
    expect(bomb.length).toBeLessThan(MiB); // small on the wire, so only decompressed counting catches it
    const server = await serve(text(bomb, { "content-encoding": encoding }));
    const error = await expectCode(fetcherFor([server]).fetch(server.url()), "TOO_LARGE");
    expect(error.message).toMatch(/Entpackte Antwort/);
  });

  it("refuses an extreme compression ratio below the byte limit when configured", async () => {
    const server = await serve(text(gzipSync(Buffer.alloc(3 * MiB)), { "content-encoding": "gzip" }));
    await expectCode(
      fetcherFor([server], { maxBytes: 10 * MiB, maxDecompressedRatio: 100 }).fetch(server.url()),
      "TOO_LARGE",
    );
  });

  it("reports a corrupt gzip body as DECOMPRESSION_FAILED", async () => {
    const server = await serve(text(Buffer.from("das ist kein gzip"), { "content-encoding": "gzip" }));
    await expectCode(fetcherFor([server]).fetch(server.url()), "DECOMPRESSION_FAILED");
  });

  it("reports an unknown Content-Encoding as DECOMPRESSION_FAILED", async () => {
    const server = await serve(text("x", { "content-encoding": "zstd" }));
    await expectCode(fetcherFor([server]).fetch(server.url()), "DECOMPRESSION_FAILED");
  });

  it("decodes a body whose header claims UTF-8 but is Windows-1252, with a warning", async () => {
    const server = await serve(
      text(iconv.encode("Gebühr", "windows-1252"), { "content-type": "text/csv; charset=utf-8" }),
    );
    const result = await fetcherFor([server]).fetch(server.url());
    expect(result.text).toBe("Gebühr");
    expect(result.warnings[0]).toMatch(/kein gültiges UTF-8/);
  });
});

// A self-signed certificate made on the fly (no key material in the repo); skipped without openssl.
const hasOpenssl = spawnSync("openssl", ["version"]).status === 0;
describe.skipIf(!hasOpenssl)("fetcher: TLS", () => {
  it("reports an untrusted certificate as CONNECT_FAILED, not retryable", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fetch-tls-"));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const made = spawnSync("openssl", [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      join(dir, "key.pem"),
      "-out",
      join(dir, "cert.pem"),
    ]);
    expect(made.status).toBe(0);
    const server = createHttpsServer(
      { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) },
      text("geheim"),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanup.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    const { port } = server.address() as AddressInfo;
    const fetcher = fetcherFor([], { allowHosts: parseAllowList(`127.0.0.1:${port}`), retries: 2 });
    const error = await expectCode(fetcher.fetch(`https://127.0.0.1:${port}/`), "CONNECT_FAILED");
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/Zertifikat/);
  });
});

describe("fetcher: robots.txt", () => {
  const robotsServer = (robots: Handler) =>
    serve((req, res) => (req.url === "/robots.txt" ? robots(req, res) : text("Kursliste")(req, res)));

  it("honours Disallow for our user agent and fetches robots.txt once", async () => {
    const server = await robotsServer(
      text("User-agent: *\nDisallow: /\n\nUser-agent: QuartierOfferHub\nDisallow: /intern/\n"),
    );
    const fetcher = fetcherFor([server], { respectRobots: true });
    await expectCode(fetcher.fetch(server.url("/intern/kurse.xml")), "ROBOTS_DISALLOWED");
    expect((await fetcher.fetch(server.url("/kurse.xml"))).text).toBe("Kursliste");
    expect(server.hits("/robots.txt")).toBe(1);
    expect(server.hits("/intern/kurse.xml")).toBe(0);
  });

  it("re-reads robots.txt after the TTL (injected clock)", async () => {
    let now = new Date("2027-01-01T00:00:00Z");
    const server = await robotsServer(text("User-agent: *\nDisallow:\n"));
    const fetcher = fetcherFor([server], { respectRobots: true, robotsTtlMs: 60_000, now: () => now });
    await fetcher.fetch(server.url("/a"));
    await fetcher.fetch(server.url("/b"));
    now = new Date("2027-01-01T00:02:00Z");
    await fetcher.fetch(server.url("/c"));
    expect(server.hits("/robots.txt")).toBe(2);
  });

  it("treats a missing robots.txt as allow-all", async () => {
    const server = await robotsServer(text("", {}, 404));
    const result = await fetcherFor([server], { respectRobots: true }).fetch(server.url("/kurse.ics"));
    expect(result.warnings).toEqual([]);
  });

  it("allows with a warning when robots.txt fails with 5xx", async () => {
    const server = await robotsServer(text("", {}, 503));
    const result = await fetcherFor([server], { respectRobots: true }).fetch(server.url("/kurse.ics"));
    expect(result.text).toBe("Kursliste");
    expect(result.warnings.join()).toMatch(/robots\.txt .* nicht lesbar/);
  });

  it("is skipped when respectRobots is false", async () => {
    const server = await robotsServer(text("User-agent: *\nDisallow: /\n"));
    await fetcherFor([server], { respectRobots: false }).fetch(server.url("/kurse.ics"));
    expect(server.hits("/robots.txt")).toBe(0);
  });
});

describe("fetcherConfigFromEnv", () => {
  it("has the documented defaults", () => {
    expect(fetcherConfigFromEnv({})).toMatchObject({
      userAgent: expect.stringMatching(/^QuartierOfferHub\/0\.1 \(\+https:.*Koordinierungsstelle KVJS\)$/),
      allowHosts: [],
      connectTimeoutMs: 10_000,
      totalTimeoutMs: 30_000,
      maxBytes: 10 * MiB,
      maxRedirects: 5,
      perHostDelayMs: 1_000,
      retries: 2,
      respectRobots: true,
    });
  });

  it("reads overrides and reports every bad variable at once", () => {
    expect(
      fetcherConfigFromEnv({
        HUB_ALLOW_HOSTS: "127.0.0.1:4000",
        HUB_FETCH_TIMEOUT_MS: "5000",
        HUB_FETCH_RESPECT_ROBOTS: "false",
      }),
    ).toMatchObject({
      allowHosts: [{ host: "127.0.0.1", port: 4000 }],
      totalTimeoutMs: 5000,
      respectRobots: false,
    });
    expect(() => fetcherConfigFromEnv({ HUB_FETCH_RETRIES: "-1", HUB_ALLOW_HOSTS: "x:0" })).toThrow(
      /HUB_FETCH_RETRIES[\s\S]*HUB_ALLOW_HOSTS/,
    );
  });
});
