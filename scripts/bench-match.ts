/**
 * npm run bench:match [-- --sizes 100000,1000000] [--rounds 3] [--seconds 5] [--pglite 10000,20000]
 *
 * Matching speed (issue 5, item 5). Every ratio compares with a reference measured in the
 * same run, rounds interleaved, medians reported: these machines drift by up to a third
 * and are shared. Servers run on core 0, autocannon on core 1 (taskset).
 * Needs DATABASE_URL (a PostgreSQL server; the role may create databases): each size gets
 * a scratch database, seeded with `loadCatalogue` (what `hub synth` runs), dropped at the end.
 */
import { createHash } from "node:crypto";
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createScratchDatabase, type ScratchDatabase } from "../prisma/scratch.ts";
import { seedTaxonomy } from "../prisma/seed.ts";
import { seedPlaceData } from "../gateway/places.ts";
import { loadCatalogue } from "../ingest/synth/catalogue.ts";
import { generateSynthCorpus } from "../ingest/synth/generate.ts";
import { renderSynthSite } from "../ingest/synth/site.ts";
import { startSynthServer, type SynthServer } from "../ingest/synth/server.ts";
import { registerProviders } from "../ingest/register-feeds.ts";
import { MATCH_QUERY, queryClasses } from "./bench/classes.ts";
import { hasTaskset, load, median, startServer, type BenchServer, type LoadResult } from "./bench/load.ts";
import { pgliteFigures } from "./bench/pglite.ts";

const args = process.argv.slice(2).filter((a) => a !== "--");
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const SIZES = option("sizes", "100000,1000000").split(",").map(Number);
const ROUNDS = Number(option("rounds", "3"));
const SECONDS = Number(option("seconds", "5"));
const PGLITE_SIZES = option("pglite", "10000,20000").split(",").filter(Boolean).map(Number);
const BASE = new Date();
const SERVER_URL = process.env.DATABASE_URL;

interface Row {
  what: string;
  measured: string;
  reference: string;
  ratio: string;
  goal: string;
  met: boolean | null;
}
const table: Row[] = [];
const fmt = (n: number, d = 0): string =>
  n.toLocaleString("de-DE", { maximumFractionDigits: d, minimumFractionDigits: d });
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const progress = (line: string): void => void process.stderr.write(`… ${line}\n`);
const loadAvg = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

function add(row: Row): void {
  table.push(row);
  say(
    `  ${row.what}: ${row.measured} | Referenz ${row.reference} | ${row.ratio} | Ziel ${row.goal} → ${row.met === null ? "–" : row.met ? "erfüllt" : "NICHT erfüllt"}`,
  );
}

const body = (profile: Record<string, unknown>): string =>
  JSON.stringify({ query: MATCH_QUERY, variables: { profile } });
const gqlHeaders = { "apollo-require-preflight": "true" };

async function post(port: number, payload: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...gqlHeaders },
    body: payload,
  });
  return res.text();
}

/** A server's maximum for one request shape: median of short runs. */
async function maxRate(url: string, payload: string | undefined, method: "GET" | "POST" = "POST"): Promise<LoadResult> {
  return load({
    url,
    seconds: SECONDS,
    connections: 10,
    method,
    ...(payload ? { body: payload } : {}),
    headers: gqlHeaders,
  });
}

/** Interleaved rounds of two servers; medians of throughput and p50 and of the per-round ratios. */
async function compare(
  a: () => Promise<LoadResult>,
  b: () => Promise<LoadResult>,
): Promise<{ a: LoadResult[]; b: LoadResult[]; rpsRatio: number; p50Ratio: number }> {
  const ra: LoadResult[] = [];
  const rb: LoadResult[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate who goes first, so a drift in the machine does not favour one side.
    if (round % 2 === 0) {
      ra.push(await a());
      rb.push(await b());
    } else {
      rb.push(await b());
      ra.push(await a());
    }
  }
  return {
    a: ra,
    b: rb,
    rpsRatio: median(ra.map((r, i) => r.rps / (rb[i]?.rps ?? NaN))),
    p50Ratio: median(ra.map((r, i) => r.p50 / (rb[i]?.p50 ?? NaN))),
  };
}

const rounds = (xs: readonly LoadResult[], f: (r: LoadResult) => number, d = 0): string =>
  xs.map((r) => fmt(f(r), d)).join("/");

function errorsOf(results: readonly LoadResult[]): number {
  return results.reduce((n, r) => n + r.errors + r.non2xx, 0);
}

async function scratchWithCatalogue(offers: number): Promise<{ scratch: ScratchDatabase; rawBytes: number }> {
  const scratch = await createScratchDatabase(SERVER_URL, "bench_match", 3);
  await seedTaxonomy(scratch.db);
  await seedPlaceData(scratch.db);
  progress(`Katalog mit ${fmt(offers)} Angeboten schreiben (COPY) …`);
  const result = await loadCatalogue(scratch.db, {
    offers,
    baseDate: BASE,
    databaseUrl: scratch.url,
    onProgress: (n) => progress(`${fmt(n)} Angebote`),
  });
  say(
    `Katalog: ${fmt(result.offers)} Angebote, ${fmt(result.sessions)} Termine, ${fmt(result.rawBytes / 1e6, 1)} MB Rohdaten (COPY-Text), geschrieben in ${fmt(result.ms / 1000, 1)} s`,
  );
  return { scratch, rawBytes: result.rawBytes };
}

const latencyBySize = new Map<number, Map<string, number>>();

async function benchSize(offers: number, synth: SynthServer) {
  say(`\n## ${fmt(offers)} Angebote (PostgreSQL)`);
  const { scratch, rawBytes } = await scratchWithCatalogue(offers);
  const url = scratch.url ?? "";
  // The isolation figure's feeds: a synthetic site on loopback, served from this process.
  const ingest =
    offers === SIZES[0] && synth.site
      ? {
          feedIds: await registerProviders(
            scratch.db,
            synth.site.feeds.map((f) => ({
              slug: f.provider.slug,
              name: f.provider.name,
              feeds: [{ url: f.url, kind: f.kind, ...(f.config ? { config: f.config } : {}) }],
            })),
            BASE,
          ),
          host: `127.0.0.1:${synth.port}`,
        }
      : null;
  const env = {
    DATABASE_URL: url,
    HUB_DB_POOL_SIZE: "10",
    HUB_SCHEDULER: "off",
    HUB_LOG_LEVEL: "warn",
    NODE_ENV: "production",
    HUB_RATE_PUBLIC: "1000000/1000000",
    HUB_ALLOW_HOSTS: ingest?.host ?? "",
    BENCH_SYNTH_HOST: ingest?.host ?? "",
  };
  const servers: BenchServer[] = [];
  try {
    const hub = await startServer("hub", env);
    servers.push(hub);
    const bare = await startServer("bare-db", env);
    servers.push(bare);
    const hubUrl = `http://127.0.0.1:${hub.port}/graphql`;
    const bareUrl = `http://127.0.0.1:${bare.port}/graphql`;
    const classes = queryClasses(BASE);

    // Same JSON? (warm-up at the same time: place cache, plans, connections)
    const sample = classes.find((c) => c.name === "häufig + Ort/Datum") ?? classes[0];
    if (!sample) throw new Error("keine Abfrageklassen");
    const sampleBody = body(sample.profile);
    for (let i = 0; i < 3; i++) await Promise.all([post(hub.port, sampleBody), post(bare.port, sampleBody)]);
    const [fromHub, fromBare] = await Promise.all([post(hub.port, sampleBody), post(bare.port, sampleBody)]);
    say(
      `Antworten Hub und Referenz: ${fromHub === fromBare ? "bytegleich" : `VERSCHIEDEN (${fromHub.length} vs ${fromBare.length} Bytes): ${fromHub.slice(0, 160)}`}`,
    );

    // ---- DB-backed overhead ----
    say(`\n### DB-gestützter Overhead: matchOffers „${sample.name}“ über HTTP, Hub vs. node:http + pg (gleiches SQL)`);
    const db = await compare(
      () => maxRate(hubUrl, sampleBody),
      () => maxRate(bareUrl, sampleBody),
    );
    say(
      `  Hub: ${rounds(db.a, (r) => r.rps)} req/s, p50 ${rounds(db.a, (r) => r.p50, 1)} ms; Referenz: ${rounds(db.b, (r) => r.rps)} req/s, p50 ${rounds(db.b, (r) => r.p50, 1)} ms; Fehler ${errorsOf([...db.a, ...db.b])}`,
    );
    add({
      what: `${fmt(offers)}: Durchsatz matchOffers`,
      measured: `${fmt(median(db.a.map((r) => r.rps)))} req/s`,
      reference: `${fmt(median(db.b.map((r) => r.rps)))} req/s`,
      ratio: fmt(db.rpsRatio, 2),
      goal: "≥ 0,60",
      met: db.rpsRatio >= 0.6,
    });
    add({
      what: `${fmt(offers)}: p50 matchOffers`,
      measured: `${fmt(median(db.a.map((r) => r.p50)), 1)} ms`,
      reference: `${fmt(median(db.b.map((r) => r.p50)), 1)} ms`,
      ratio: `${fmt(db.p50Ratio, 2)}×`,
      goal: "≤ 2×",
      met: db.p50Ratio <= 2,
    });

    // ---- Latency per query class at half the measured maximum ----
    say(`\n### Latenz je Abfrageklasse bei halber gemessener Höchstlast (autocannon p97,5 ≥ p95)`);
    const goalMs = offers >= 1_000_000 ? 100 : 50;
    const latencies = new Map<string, number>();
    let halfRate = 0;
    for (const c of classes) {
      const payload = body(c.profile);
      const max = await maxRate(hubUrl, payload);
      const rate = max.rps / 2;
      if (c === sample) halfRate = rate;
      const fixed = await load({
        url: hubUrl,
        seconds: SECONDS,
        connections: 10,
        rate,
        body: payload,
        headers: gqlHeaders,
      });
      latencies.set(c.name, fixed.p975);
      const total = (JSON.parse(await post(hub.port, payload)) as { data?: { matchOffers?: { totalCount?: number } } })
        .data?.matchOffers?.totalCount;
      add({
        what: `${fmt(offers)}: ${c.name} (${fmt(total ?? 0)} Kandidaten)`,
        measured: `p97,5 ${fmt(fixed.p975, 1)} ms (p50 ${fmt(fixed.p50, 1)}) bei ${fmt(rate)} req/s`,
        reference: `max ${fmt(max.rps)} req/s`,
        ratio: "–",
        goal: `≤ ${goalMs} ms`,
        // No answers at all (every request timed out) is not a pass.
        met: fixed.rps > 0 && fixed.p975 <= goalMs && fixed.errors + fixed.non2xx === 0,
      });
    }
    latencyBySize.set(offers, latencies);

    // ---- learning path ----
    const pathQuery = JSON.stringify({
      query: `query P($input: LearningPathInput!) { learningPath(input: $input) { offers { id } uncoveredModules { code } teachingUnits { reached } } }`,
      variables: { input: { roles: ["KOORDINATION"], place: { municipality: "Stuttgart" }, radiusKm: 50 } },
    });
    const pathTimes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      const text = await post(hub.port, pathQuery);
      pathTimes.push(performance.now() - t);
      if (i === 0 && text.includes('"errors"')) say(`  Lernpfad-Fehler: ${text.slice(0, 200)}`);
    }
    const pathMs = median(pathTimes.slice(1));
    add({
      what: `${fmt(offers)}: Lernpfad KOORDINATION, Stuttgart 50 km`,
      measured: `${fmt(pathMs)} ms (Median, max ${fmt(Math.max(...pathTimes.slice(1)))} ms)`,
      reference: "–",
      ratio: "–",
      goal: "< 1000 ms",
      met: pathMs < 1000,
    });

    if (offers === SIZES[0]) {
      // ---- memory ----
      const rss = await hub.rss();
      add({
        what: `${fmt(offers)}: RSS des Hubs (nach der Last)`,
        measured: `${fmt(rss / 1e6)} MB`,
        reference: `${fmt(rawBytes / 1e6)} MB Rohdaten`,
        ratio: `${fmt(rss / rawBytes, 2)}×`,
        goal: "≤ 3×",
        met: rss / rawBytes <= 3,
      });

      // ---- isolation ----
      if (ingest) {
        say(`\n### Isolation: p99 von „${sample.name}“ bei ${fmt(halfRate)} req/s, ohne und während eines Ingests`);
        const idle: number[] = [];
        const busy: number[] = [];
        for (let round = 0; round < Math.min(ROUNDS, 2); round++) {
          idle.push(
            (await load({ url: hubUrl, seconds: SECONDS, rate: halfRate, body: sampleBody, headers: gqlHeaders })).p99,
          );
          hub.child.send({ cmd: "ingest", feedIds: ingest.feedIds });
          const done = hub.next<{ ingested: number; ms: number; error?: string }>((m) => "ingested" in m);
          const during = await load({
            url: hubUrl,
            seconds: SECONDS,
            rate: halfRate,
            body: sampleBody,
            headers: gqlHeaders,
          });
          // A stuck ingest must not stall the benchmark: wait at most a minute after the load.
          const finished = await Promise.race([
            done,
            new Promise<{ ingested: number; ms: number; error?: string }>((resolve) =>
              setTimeout(() => resolve({ ingested: -1, ms: 60_000, error: "nach 60 s nicht fertig" }), 60_000).unref(),
            ),
          ]);
          busy.push(during.p99);
          if (finished.error) say(`  Ingest-Fehler: ${finished.error}`);
          say(
            `  Runde ${round + 1}: ruhig p99 ${fmt(idle.at(-1) ?? NaN, 1)} ms; Ingest ${fmt(finished.ingested)} Angebote in ${fmt(finished.ms / 1000, 1)} s, p99 währenddessen ${fmt(during.p99, 1)} ms${finished.ms < SECONDS * 1000 ? " (Ingest kürzer als die Messung)" : ""}`,
          );
        }
        const ratio = median(busy) / median(idle);
        add({
          what: `${fmt(offers)}: p99 während Ingest`,
          measured: `${fmt(median(busy), 1)} ms`,
          reference: `${fmt(median(idle), 1)} ms ruhig`,
          ratio: `${fmt(ratio, 2)}×`,
          goal: "≤ 2×",
          met: ratio <= 2,
        });
      }

      // ---- framework overhead ----
      say(`\n### Framework-Overhead: eine Seite mit 20 Angeboten aus dem Speicher`);
      const memory = await startServer("hub-memory", env);
      servers.push(memory);
      // A rare word: about 200 candidates to rank, so the page, not the ranking, is measured.
      const memoryBody = body({ text: "Erbbaurecht" });
      for (let i = 0; i < 3; i++) await post(memory.port, memoryBody);
      const answer = await post(memory.port, memoryBody);
      const dir = mkdtempSync(path.join(os.tmpdir(), "bench-match-"));
      const file = path.join(dir, "page.json");
      writeFileSync(file, answer);
      const bareStatic = await startServer("bare-static", { BENCH_BODY: file });
      servers.push(bareStatic);
      const memUrl = `http://127.0.0.1:${memory.port}/graphql`;
      const staticUrl = `http://127.0.0.1:${bareStatic.port}/`;
      const fw = await compare(
        () => maxRate(memUrl, memoryBody),
        () => maxRate(staticUrl, memoryBody),
      );
      say(
        `  GraphQL: ${rounds(fw.a, (r) => r.rps)} req/s; bare: ${rounds(fw.b, (r) => r.rps)} req/s (${fmt(answer.length)} Bytes)`,
      );
      add({
        what: "Seite aus dem Speicher, ganzer GraphQL-Stack",
        measured: `${fmt(median(fw.a.map((r) => r.rps)))} req/s`,
        reference: `${fmt(median(fw.b.map((r) => r.rps)))} req/s bare`,
        ratio: `${fmt(fw.rpsRatio * 100, 1)} %`,
        goal: "≥ 10 %",
        met: fw.rpsRatio >= 0.1,
      });

      // Persisted query over GET, answered from the response cache after the first request.
      const hash = createHash("sha256").update(MATCH_QUERY).digest("hex");
      const search = new URLSearchParams({
        variables: JSON.stringify({ profile: sample.profile }),
        extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
      });
      await post(
        hub.port,
        JSON.stringify({
          query: MATCH_QUERY,
          variables: { profile: sample.profile },
          extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
        }),
      );
      const getUrl = `${hubUrl}?${search.toString()}`;
      const getAnswer = await (await fetch(getUrl, { headers: gqlHeaders })).text();
      writeFileSync(file, getAnswer);
      const bareGet = await startServer("bare-static", { BENCH_BODY: file });
      servers.push(bareGet);
      const repeated = await compare(
        () => maxRate(getUrl, undefined, "GET"),
        () => maxRate(`http://127.0.0.1:${bareGet.port}/`, undefined, "GET"),
      );
      say(
        `  GET (persistiert, Antwort-Cache): ${rounds(repeated.a, (r) => r.rps)} req/s; bare: ${rounds(repeated.b, (r) => r.rps)} req/s; Fehler ${errorsOf(repeated.a)}${getAnswer.includes('"errors"') ? `; Antwort: ${getAnswer.slice(0, 120)}` : ""}`,
      );
      add({
        what: "Wiederholte gleiche Abfrage (persistiert, GET)",
        measured: `${fmt(median(repeated.a.map((r) => r.rps)))} req/s`,
        reference: `${fmt(median(repeated.b.map((r) => r.rps)))} req/s bare`,
        ratio: `${fmt(repeated.rpsRatio * 100, 1)} %`,
        goal: "≥ 20 %",
        met: repeated.rpsRatio >= 0.2,
      });
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    for (const s of servers.reverse()) await s.stop();
    await scratch.drop();
  }
}

async function main(): Promise<void> {
  if (!SERVER_URL) {
    say("bench:match braucht DATABASE_URL (PostgreSQL-Server, Rolle mit CREATEDB).");
    process.exit(2);
  }
  const cpu = os.cpus();
  say(`# bench:match ${BASE.toISOString()}`);
  say(
    `Maschine: ${cpu[0]?.model ?? "?"}, ${cpu.length} Kerne, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB; Node ${process.version}; Last beim Start ${loadAvg()}`,
  );
  say(
    `Geteilte Maschine: andere Prozesse (andere Entwickler) laufen mit; Absolutwerte schwanken, Verhältnisse zählen. Server auf Kern 0, autocannon auf Kern 1: ${hasTaskset ? "taskset" : "OHNE taskset (nicht gepinnt)"}.`,
  );
  const probe = await createScratchDatabase(SERVER_URL, "bench_match_probe", 1);
  say(`PostgreSQL: ${((await probe.db.sql<{ v: string }>("select version() as v"))[0]?.v ?? "?").split(",")[0]}`);
  await probe.drop();
  say(`Runden: ${ROUNDS} (abwechselnd), ${SECONDS} s je Lauf, 10 Verbindungen; Mediane.`);

  // The ingest for the isolation figure: a synthetic site on loopback, served from this process.
  const synth = await startSynthServer();
  try {
    const corpus = generateSynthCorpus({ offers: 1200, feeds: 12, seed: "isolation" });
    synth.site = await renderSynthSite(corpus, synth.url);
    for (const offers of SIZES) await benchSize(offers, synth);
  } finally {
    await synth.close();
  }
  await pgliteSection();
  summary();
}

async function pgliteSection(): Promise<void> {
  if (!PGLITE_SIZES.length) return;
  say(`\n## PGlite (eingebettet, im Speicher)`);
  for (const n of PGLITE_SIZES) {
    const f = await pgliteFigures(n, BASE);
    add({
      what: `PGlite ${fmt(n)}: RSS`,
      measured: `${fmt(f.rss / 1e6)} MB`,
      reference: `${fmt(f.rawBytes / 1e6, 1)} MB Rohdaten`,
      ratio: `${fmt(f.rss / f.rawBytes, 1)}×`,
      goal: "Angabe",
      met: null,
    });
    add({
      what: `PGlite ${fmt(n)}: matchOffers „häufig + Ort/Datum“ / „Weiterbildung“ (in-process, seriell)`,
      measured: `p50 ${fmt(f.filteredMs, 1)} ms / ${fmt(f.universalMs, 1)} ms`,
      reference: `Laden ${fmt(f.loadMs / 1000, 1)} s`,
      ratio: "–",
      goal: "Angabe",
      met: null,
    });
  }
}

function summary(): void {
  const first = latencyBySize.get(SIZES[0] ?? 0);
  const last = SIZES.length > 1 ? latencyBySize.get(SIZES.at(-1) ?? 0) : undefined;
  if (first && last) {
    say(`\n## Skalierung ${fmt(SIZES[0] ?? 0)} → ${fmt(SIZES.at(-1) ?? 0)} (Klassen mit Ort/Datum, p97,5)`);
    for (const c of queryClasses(BASE).filter((q) => q.filtered)) {
      const a = first.get(c.name) ?? NaN;
      const b = last.get(c.name) ?? NaN;
      add({
        what: `Skalierung ${c.name}`,
        measured: `${fmt(b, 1)} ms`,
        reference: `${fmt(a, 1)} ms`,
        ratio: `${fmt(b / a, 2)}×`,
        goal: "≤ 3×",
        met: b / a <= 3,
      });
    }
  }
  say(`\n## Tabelle`);
  say(`| Messung | gemessen | Referenz | Verhältnis | Ziel | erfüllt |`);
  say(`| --- | --- | --- | --- | --- | --- |`);
  for (const r of table)
    say(
      `| ${r.what} | ${r.measured} | ${r.reference} | ${r.ratio} | ${r.goal} | ${r.met === null ? "–" : r.met ? "ja" : "**nein**"} |`,
    );
  say(`\nLast am Ende ${loadAvg()}`);
}

await main();
