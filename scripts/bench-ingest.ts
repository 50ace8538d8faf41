/**
 * npm run bench:ingest [-- --offers 10000] [--rounds 3] [--feeds N] [--only a,b,c]
 *
 * Ingest benchmark (issue 3): every figure comes with a reference measured in the same run,
 * rounds interleaved, medians reported, because this kind of machine drifts by up to a
 * third between runs.
 *  a) parse + normalise + classify + store (offers/s) vs a raw COPY of the same rows into
 *     the same "Offer" table; goal ≥ 0.30.
 *  b) HTML extraction (HTML and JSON-LD adapters, parse only) vs htmlparser2.parseDocument
 *     on the same pages; goal ≥ 0.25. cheerio's default parser (parse5) for comparison.
 *  c) re-ingest with nothing changed (runFeed over HTTP: ETag → 304, and a server without
 *     validators, where the content fingerprint short-circuits) vs the first ingest; goal < 0.05.
 * Needs DATABASE_URL (a PostgreSQL server, role may create databases); without it PGlite
 * in memory, whose figures do not count against the goals.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { load as cheerioLoad } from "cheerio";
import { parseDocument } from "htmlparser2";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Database } from "../prisma/database.ts";
import { createScratchDatabase } from "../prisma/scratch.ts";
import { seedTaxonomy } from "../prisma/seed.ts";
import { seedPlaceData } from "../gateway/places.ts";
import { ADAPTERS } from "../ingest/adapters/index.ts";
import type { FeedInput } from "../ingest/adapters/types.ts";
import { createFetcher, parseAllowList } from "../ingest/fetch/fetcher.ts";
import { extractFeed, type ProcessedOffer } from "../ingest/pipeline/extract.ts";
import { registerProviders } from "../ingest/register-feeds.ts";
import { runFeed, type RunSummary } from "../ingest/run-feed.ts";
import { OFFER_COLUMNS, offerValues, rejectionReason } from "../ingest/store/offer-rows.ts";
import { storeOffers } from "../ingest/store/offer-store.ts";
import { generateSynthCorpus } from "../ingest/synth/generate.ts";
import { memoryFetcher, renderSynthSite, type SynthSiteFeed } from "../ingest/synth/site.ts";
import { startSynthServer } from "../ingest/synth/server.ts";

// ---------- options ----------

const args = process.argv.slice(2).filter((a) => a !== "--");
function intOption(name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} erwartet eine positive ganze Zahl.`);
    process.exit(2);
  }
  return value;
}
const OFFERS = intOption("offers", 10_000);
const ROUNDS = intOption("rounds", 3);
const FEEDS = args.includes("--feeds") ? intOption("feeds", 100) : undefined;
/** --only a,c runs a subset of the three measurements. */
const onlyIndex = args.indexOf("--only");
const PARTS = new Set(onlyIndex >= 0 ? (args[onlyIndex + 1] ?? "").split(",") : ["a", "b", "c"]);
const NOW = new Date("2026-11-22T06:00:00Z");
const now = (): Date => NOW;

// ---------- helpers ----------

const progress = (text: string): void => {
  process.stderr.write(`[bench:ingest ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
};
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};
const fmt = (n: number, digits = 0): string =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean): string => (ok ? "goal met" : "GOAL MISSED");

interface Timed<T> {
  ms: number;
  cpuMs: number;
  value: T;
}
async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, value };
}

// ---------- database ----------

interface BenchDatabase {
  db: Database;
  url: string | null;
  drop(): Promise<void>;
}

async function createBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  const scratch = await createScratchDatabase(serverUrl, "bench_ingest", 4);
  await seedTaxonomy(scratch.db);
  await seedPlaceData(scratch.db);
  return scratch;
}

async function clearOffers(db: Database): Promise<void> {
  await db.sql(`truncate "Offer", "IngestRun" cascade`);
  await db.sql(
    `update "Feed" set etag = null, "lastModified" = null, "contentHash" = null, "leaseOwner" = null, "leaseUntil" = null, state = 'ACTIVE'`,
  );
  // Dead tuples of the previous round would otherwise slow the next one down.
  if (db.kind === "postgres") await db.sql(`vacuum analyze "Offer"`);
}

// ---------- COPY reference ----------

/** The upsert's columns, in its order: the reference writes exactly what the store writes. */
const COPY_COLUMNS = [
  "id",
  "feedId",
  "providerId",
  "sourceKey",
  "status",
  "withdrawnAt",
  ...OFFER_COLUMNS.map(([c]) => c),
  "updatedAt",
];

const escapeCopy = (text: string): string =>
  text.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c] ?? c);
const arrayElement = (value: unknown): string => `"${String(value).replace(/[\\"]/g, (c) => `\\${c}`)}"`;

function copyField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "boolean") return value ? "t" : "f";
  if (Array.isArray(value)) return escapeCopy(`{${value.map(arrayElement).join(",")}}`);
  return escapeCopy(String(value));
}

interface FeedOffers {
  feedId: string;
  providerId: string;
  offers: ProcessedOffer[];
}

/** The rows the store would accept (same checks, first of duplicate keys), as COPY text lines. */
function copyLines(feeds: readonly FeedOffers[]): string[] {
  const lines: string[] = [];
  for (const feed of feeds) {
    const seen = new Set<string>();
    for (const offer of feed.offers) {
      if (seen.has(offer.sourceKey) || rejectionReason(offer)) continue;
      seen.add(offer.sourceKey);
      const values = offerValues(offer);
      const row = [
        randomUUID(),
        feed.feedId,
        feed.providerId,
        offer.sourceKey,
        "ACTIVE",
        null,
        ...OFFER_COLUMNS.map(([c]) => values[c]),
        NOW,
      ];
      lines.push(`${row.map(copyField).join("\t")}\n`);
    }
  }
  return lines;
}

/** Connecting is not timed (the pipeline's pool is already open); serialising the rows is. */
async function copyRows(url: string, feeds: readonly FeedOffers[]): Promise<{ ms: number; rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t0 = performance.now();
    const lines = copyLines(feeds);
    const chunks: string[] = [];
    for (let i = 0; i < lines.length; i += 500) chunks.push(lines.slice(i, i + 500).join(""));
    const sql = `COPY "Offer" (${COPY_COLUMNS.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
    await pipeline(Readable.from(chunks), client.query(copyFrom(sql)));
    return { ms: performance.now() - t0, rows: lines.length };
  } finally {
    await client.end();
  }
}

// ---------- a) parse + normalise + store ----------

interface Registered {
  feed: SynthSiteFeed;
  feedId: string;
  providerId: string;
}

interface IngestTiming {
  ms: number;
  extractMs: number;
  storeMs: number;
  offers: number;
  results: FeedOffers[];
  /** Extract time and offers per publishing format, to show where the time goes. */
  byFormat: Map<string, { ms: number; offers: number }>;
}

async function ingestInMemory(
  db: Database,
  feeds: readonly Registered[],
  fetcher: ReturnType<typeof memoryFetcher>,
): Promise<IngestTiming> {
  let extractMs = 0;
  let storeMs = 0;
  let offers = 0;
  const results: FeedOffers[] = [];
  const byFormat = new Map<string, { ms: number; offers: number }>();
  const t0 = performance.now();
  for (const r of feeds) {
    const t1 = performance.now();
    const extracted = await extractFeed(
      { url: r.feed.url, kind: r.feed.kind, config: r.feed.config },
      { fetcher, now },
    );
    const t2 = performance.now();
    const list = extracted.offers ?? [];
    await storeOffers(db, {
      feedId: r.feedId,
      providerId: r.providerId,
      offers: list,
      complete: extracted.complete,
      deletedKeys: extracted.deletedKeys,
      now: NOW,
    });
    const t3 = performance.now();
    extractMs += t2 - t1;
    storeMs += t3 - t2;
    offers += list.length;
    const format = byFormat.get(r.feed.provider.format) ?? { ms: 0, offers: 0 };
    format.ms += t2 - t1;
    format.offers += list.length;
    byFormat.set(r.feed.provider.format, format);
    results.push({ feedId: r.feedId, providerId: r.providerId, offers: list });
  }
  return { ms: performance.now() - t0, extractMs, storeMs, offers, results, byFormat };
}

// ---------- b) HTML extraction ----------

interface HtmlPage {
  input: FeedInput;
  feed: SynthSiteFeed;
}

function htmlPages(feeds: readonly SynthSiteFeed[], site: Awaited<ReturnType<typeof renderSynthSite>>): HtmlPage[] {
  return feeds
    .filter((f) => f.kind === "HTML" || f.kind === "JSONLD")
    .map((feed) => {
      const resource = site.resources.get(feed.path);
      if (!resource) throw new Error(`Seite fehlt: ${feed.path}`);
      const text = new TextDecoder().decode(resource.body);
      return { feed, input: { url: feed.url, text, bytes: resource.body, contentType: resource.contentType } };
    });
}

async function adapterPass(pages: readonly HtmlPage[]): Promise<number> {
  let n = 0;
  for (const p of pages) n += (await ADAPTERS[p.feed.kind].parse(p.input, p.feed.config as never)).offers.length;
  return n;
}
function htmlparser2Pass(pages: readonly HtmlPage[]): number {
  let n = 0;
  for (const p of pages) n += parseDocument(p.input.text).children.length;
  return n;
}
function cheerioDefaultPass(pages: readonly HtmlPage[]): number {
  let n = 0;
  for (const p of pages) n += cheerioLoad(p.input.text).root().children().length;
  return n;
}

// ---------- c) re-ingest ----------

async function runAll(
  db: Database,
  fetcher: ReturnType<typeof createFetcher>,
  feeds: readonly Registered[],
): Promise<Map<RunSummary["status"], number>> {
  const counts = new Map<RunSummary["status"], number>();
  for (const r of feeds) {
    const summary = await runFeed({ db, fetcher, now, instance: "bench-ingest" }, r.feedId, "CLI");
    counts.set(summary.status, (counts.get(summary.status) ?? 0) + 1);
    if (summary.status === "FAILED") progress(`Lauf fehlgeschlagen (${r.feed.path}): ${summary.error?.message ?? ""}`);
  }
  return counts;
}
const describeCounts = (counts: Map<string, number>): string => [...counts].map(([k, v]) => `${k} ${v}`).join(", ");

// ---------- main ----------

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  const cpus = os.cpus();
  console.log("# npm run bench:ingest");
  console.log(
    `machine: ${cpus[0]?.model.trim() ?? "?"}, ${cpus.length} cores, load avg ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}, Node ${process.version}`,
  );
  if (!serverUrl) {
    console.log(
      "NOTE: DATABASE_URL is not set: using in-memory PGlite. The goals are defined for a PostgreSQL server;",
    );
    console.log(
      "      the COPY reference (a) needs a server and is skipped. Example: DATABASE_URL=postgresql://hub:hub@127.0.0.1:5432/hub",
    );
  }

  progress(`erzeuge ${OFFERS} synthetische Angebote …`);
  const server = await startSynthServer();
  const bench = await createBenchDatabase(serverUrl);
  const { db } = bench;
  try {
    const pgVersion = (await db.sql<{ v: string }>("select version() as v"))[0]?.v ?? "?";
    console.log(
      `database: ${db.kind === "postgres" ? "PostgreSQL server" : "PGlite (in memory)"}: ${pgVersion.split(",")[0] ?? pgVersion}`,
    );

    const tGen = await timed(async () => generateSynthCorpus({ offers: OFFERS, ...(FEEDS ? { feeds: FEEDS } : {}) }));
    const corpus = tGen.value;
    const tRender = await timed(() => renderSynthSite(corpus, server.url));
    const site = tRender.value;
    server.site = site;
    const bytes = [...site.resources.values()].reduce((n, r) => n + r.body.byteLength, 0);
    const formats = new Map<string, number>();
    for (const f of site.feeds) formats.set(f.provider.format, (formats.get(f.provider.format) ?? 0) + 1);
    console.log(
      `synthetic set: ${fmt(corpus.offerCount)} offers in ${site.feeds.length} feeds (${[...formats].map(([k, v]) => `${k} ${v}`).join(", ")}), ` +
        `${fmt(site.resources.size)} resources, ${fmt(bytes / 1048576, 1)} MiB; generated in ${fmt(tGen.ms / 1000, 1)} s, rendered in ${fmt(tRender.ms / 1000, 1)} s`,
    );

    const feedIds = await registerProviders(
      db,
      site.feeds.map((f) => ({
        slug: f.provider.slug,
        name: f.provider.name,
        feeds: [{ url: f.url, kind: f.kind, ...(f.config ? { config: f.config } : {}) }],
      })),
      NOW,
    );
    const feedRows = await db.prisma.feed.findMany({
      where: { id: { in: feedIds } },
      select: { id: true, providerId: true },
    });
    const providerOf = new Map(feedRows.map((r) => [r.id, r.providerId]));
    const registered: Registered[] = site.feeds.map((feed, i) => {
      const feedId = feedIds[i] as string;
      return { feed, feedId, providerId: providerOf.get(feedId) as string };
    });
    const fetcher = memoryFetcher(site);

    // Warm-up on one feed per format variant: gazetteer, classifier knowledge, JIT.
    progress("Aufwärmen (nicht gezählt) …");
    const variants = new Map(registered.map((r) => [`${r.feed.provider.format}:${r.feed.provider.variant}`, r]));
    await ingestInMemory(db, [...variants.values()], fetcher);

    // ----- a -----
    if (PARTS.has("a")) {
      console.log(
        "\n## a) parse + normalise + classify + store vs raw COPY of the same rows (fetch excluded: in-memory fetcher)",
      );
      const ours: IngestTiming[] = [];
      const copies: { ms: number; rows: number }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? (["ours", "copy"] as const) : (["copy", "ours"] as const);
        for (const which of order) {
          if (which === "copy" && !bench.url) continue;
          await clearOffers(db);
          progress(`a) Runde ${round + 1}/${ROUNDS}: ${which === "ours" ? "Pipeline" : "COPY"} …`);
          if (which === "ours") ours.push(await ingestInMemory(db, registered, fetcher));
          // The first round runs the pipeline first: its offers are the rows COPY writes.
          else if (bench.url) copies.push(await copyRows(bench.url, ours[0]?.results ?? []));
        }
      }
      console.log(`check: ${fmt(ours[0]?.offers ?? 0)} of ${fmt(corpus.offerCount)} offers extracted and stored`);
      const oursRates = ours.map((o) => (o.offers / o.ms) * 1000);
      const oursRate = median(oursRates);
      console.log(
        `pipeline:  ${oursRates.map((r) => fmt(r)).join(" / ")} offers/s  → median ${fmt(oursRate)} offers/s`,
      );
      console.log(
        `           of which extract (detect+parse+normalise+classify) median ${fmt(median(ours.map((o) => o.extractMs / 1000)), 2)} s, ` +
          `store median ${fmt(median(ours.map((o) => o.storeMs / 1000)), 2)} s  (${fmt(median(ours.map((o) => (o.offers / o.extractMs) * 1000)))} offers/s extract only, ` +
          `${fmt(median(ours.map((o) => (o.offers / o.storeMs) * 1000)))} offers/s store only)`,
      );
      const formatRates = [...(ours[0]?.byFormat.keys() ?? [])].map((format) => {
        const rates = ours.map((o) => {
          const f = o.byFormat.get(format);
          return f ? (f.offers / f.ms) * 1000 : NaN;
        });
        return `${format} ${fmt(median(rates))}`;
      });
      console.log(`           extract offers/s by format (median): ${formatRates.join(", ")}`);
      if (copies.length) {
        const copyRates = copies.map((c) => (c.rows / c.ms) * 1000);
        const copyRate = median(copyRates);
        console.log(
          `COPY:      ${copyRates.map((r) => fmt(r)).join(" / ")} rows/s  → median ${fmt(copyRate)} rows/s (${fmt(copies[0]?.rows ?? 0)} rows)`,
        );
        // Each round's pair ran back to back under the same load: the median of their ratios is the headline.
        const perRound = oursRates.map((r, i) => r / (copyRates[i] ?? NaN));
        const ratio = median(perRound);
        console.log(
          `ratio pipeline / COPY = ${fmt(ratio, 3)} (median of rounds ${perRound.map((r) => fmt(r, 3)).join(" / ")}; ratio of medians ${fmt(oursRate / copyRate, 3)})  goal ≥ 0.30: ${verdict(ratio >= 0.3)}`,
        );
      } else {
        console.log("COPY:      skipped (PGlite); no ratio.");
      }
    }

    // ----- b -----
    if (PARTS.has("b")) {
      console.log(
        "\n## b) HTML extraction on the saved synthetic pages (HTML + JSON-LD feeds, list pages, parse only)",
      );
      const pages = htmlPages(site.feeds, site);
      const pageBytes = pages.reduce((n, p) => n + p.input.bytes.byteLength, 0);
      await adapterPass(pages);
      htmlparser2Pass(pages);
      cheerioDefaultPass(pages);
      const times = { adapters: [] as number[], htmlparser2: [] as number[], cheerio: [] as number[] };
      const passes: Record<keyof typeof times, () => Promise<unknown>> = {
        adapters: () => adapterPass(pages),
        htmlparser2: async () => htmlparser2Pass(pages),
        cheerio: async () => cheerioDefaultPass(pages),
      };
      const names = Object.keys(passes) as (keyof typeof times)[];
      for (let round = 0; round < Math.max(ROUNDS, 5); round++) {
        // Rotate the order so no pass always runs first (GC debts, frequency scaling).
        for (let k = 0; k < names.length; k++) {
          const name = names[(k + round) % names.length] as keyof typeof times;
          times[name].push((await timed(passes[name])).ms);
        }
      }
      const mbps = (ms: number): number => pageBytes / 1048576 / (ms / 1000);
      const pagesPerS = (ms: number): number => (pages.length / ms) * 1000;
      for (const name of names) {
        const ms = median(times[name]);
        console.log(
          `${name.padEnd(12)} median ${fmt(ms, 1)} ms for ${pages.length} pages (${fmt(pageBytes / 1024)} KiB): ${fmt(pagesPerS(ms))} pages/s, ${fmt(mbps(ms), 1)} MiB/s`,
        );
      }
      const htmlRatio = median(times.htmlparser2) / median(times.adapters);
      console.log(
        `ratio adapters / htmlparser2.parseDocument = ${fmt(htmlRatio, 3)}  goal ≥ 0.25: ${verdict(htmlRatio >= 0.25)}`,
      );
      console.log(
        `(cheerio default parse5 / htmlparser2 = ${fmt(median(times.htmlparser2) / median(times.cheerio), 3)})`,
      );
    }

    // ----- c -----
    if (PARTS.has("c")) {
      console.log(`\n## c) re-ingest with nothing changed: runFeed over loopback HTTP (${server.url}), real fetcher`);
      const http = createFetcher({
        userAgent: "QuartierOfferHub/0.1 (bench:ingest)",
        allowHosts: parseAllowList(`127.0.0.1:${server.port}`),
        connectTimeoutMs: 5_000,
        totalTimeoutMs: 30_000,
        maxBytes: 20 * 1024 * 1024,
        maxRedirects: 3,
        perHostDelayMs: 0,
        retries: 0,
        respectRobots: true,
      });
      const first: number[] = [];
      const etagRuns: number[] = [];
      const plainRuns: number[] = [];
      try {
        for (let round = 0; round < ROUNDS; round++) {
          await clearOffers(db);
          server.validators = true;
          progress(`c) Runde ${round + 1}/${ROUNDS}: erster Lauf …`);
          const t1 = await timed(() => runAll(db, http, registered));
          progress(`c) Runde ${round + 1}/${ROUNDS}: zweiter Lauf (ETag) …`);
          const t2 = await timed(() => runAll(db, http, registered));
          server.validators = false;
          progress(`c) Runde ${round + 1}/${ROUNDS}: dritter Lauf (ohne Validatoren) …`);
          const t3 = await timed(() => runAll(db, http, registered));
          first.push(t1.ms);
          etagRuns.push(t2.ms);
          plainRuns.push(t3.ms);
          if (round === 0) {
            console.log(
              `statuses: first [${describeCounts(t1.value)}], ETag [${describeCounts(t2.value)}], no validators [${describeCounts(t3.value)}]`,
            );
          }
        }
      } finally {
        await http.close();
      }
      const firstMs = median(first);
      console.log(
        `first ingest:           ${first.map((m) => fmt(m / 1000, 2)).join(" / ")} s → median ${fmt(firstMs / 1000, 2)} s (${fmt((OFFERS / firstMs) * 1000)} offers/s incl. fetch, runs, detail pages)`,
      );
      const report = (label: string, runs: number[]): void => {
        const ratios = runs.map((ms, i) => ms / (first[i] ?? NaN));
        const ratio = median(ratios);
        console.log(
          `${label} ${runs.map((m) => fmt(m / 1000, 2)).join(" / ")} s → median ${fmt(median(runs) / 1000, 2)} s; ratio to first = ${fmt(ratio, 3)} (per round ${ratios.map((r) => fmt(r, 3)).join(" / ")})  goal < 0.05: ${verdict(ratio < 0.05)}`,
        );
      };
      report("re-ingest, ETag → 304:  ", etagRuns);
      report("re-ingest, no validators:", plainRuns);
      console.log(`HTTP responses: ${[...server.counts].map(([s, n]) => `${s}×${n}`).join(", ")}`);
    }
    console.log(
      `\nload avg at end ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
  } finally {
    await server.close();
    await bench.drop();
  }
}

await main();
