import { readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createFetcher, parseAllowList } from "../../ingest/fetch/fetcher.ts";
import { extractFeed, type ProcessedOffer } from "../../ingest/pipeline/extract.ts";

/** One gold offer of ../shared/eval/dev-feeds/gold.json. */
export interface GoldOffer {
  feed: string;
  title: string;
  sessions: [string, string | null][];
  online: boolean;
  postalCode: string | null;
  districtKey: string | null;
  free: boolean;
  price: number | null;
  teachingUnits: number | null;
  relevant: boolean;
  areas: string[];
  modules: string[];
  modulesAllowed: string[];
}

export const FIELDS = [
  "found",
  "firstStart",
  "lastEnd",
  "postalCode",
  "districtKey",
  "online",
  "free",
  "price",
  "teachingUnits",
  "relevant",
  "moduleHit",
] as const;
export type Field = (typeof FIELDS)[number];

export interface ExtractionReport {
  offers: number;
  correct: Record<Field, number>;
  misses: { title: string; field: Field; expected: unknown; actual: unknown }[];
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".xml": "application/rss+xml; charset=utf-8",
  ".ics": "text/calendar; charset=utf-8",
  ".csv": "text/csv",
};

const same = (a: string | null | undefined, b: string | null | undefined) =>
  (a ? Date.parse(a) : null) === (b ? Date.parse(b) : null);
const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

/** Serves the folder on loopback and runs every feed of the gold file through the pipeline. */
export async function evaluateDevFeeds(dir: string): Promise<ExtractionReport> {
  const gold = JSON.parse(readFileSync(path.join(dir, "gold.json"), "utf8")) as { offers: GoldOffer[] };
  const server = createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(dir) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return res.writeHead(404).end();
    res
      .writeHead(200, { "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream" })
      .end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fetcher = createFetcher({
    userAgent: "QuartierOfferHub-eval",
    allowHosts: parseAllowList(host),
    connectTimeoutMs: 2_000,
    totalTimeoutMs: 10_000,
    maxBytes: 10_000_000,
    maxRedirects: 2,
    perHostDelayMs: 0,
    retries: 0,
    respectRobots: false,
  });
  const report: ExtractionReport = {
    offers: gold.offers.length,
    correct: Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>,
    misses: [],
  };
  try {
    const feeds = [...new Set(gold.offers.map((o) => o.feed))];
    const extracted = new Map<string, ProcessedOffer[]>();
    for (const feed of feeds) {
      const result = await extractFeed(
        { url: `http://${host}/${feed}` },
        { fetcher, now: () => new Date("2026-11-22T00:00:00Z") },
      );
      extracted.set(feed, result.offers ?? []);
    }
    for (const g of gold.offers) {
      const offer = extracted.get(g.feed)?.find((o) => norm(o.title) === norm(g.title));
      const check = (field: Field, ok: boolean, expected: unknown, actual: unknown) => {
        if (ok) report.correct[field]++;
        else report.misses.push({ title: g.title, field, expected, actual });
      };
      check("found", Boolean(offer), g.title, null);
      if (!offer) continue;
      const firstStart = offer.sessions[0]?.start ?? null;
      const lastEnd = offer.sessions.at(-1)?.end ?? null;
      check("firstStart", same(firstStart, g.sessions[0]?.[0]), g.sessions[0]?.[0], firstStart);
      check("lastEnd", same(lastEnd, g.sessions.at(-1)?.[1]), g.sessions.at(-1)?.[1], lastEnd);
      check(
        "postalCode",
        (offer.location?.postalCode ?? null) === g.postalCode,
        g.postalCode,
        offer.location?.postalCode,
      );
      check(
        "districtKey",
        (offer.location?.districtKey ?? null) === g.districtKey,
        g.districtKey,
        offer.location?.districtKey,
      );
      check("online", offer.online === g.online, g.online, offer.online);
      check("free", offer.free === g.free, g.free, offer.free);
      const price = offer.free ? 0 : (offer.price?.amount ?? null);
      check("price", price === (g.free ? 0 : g.price), g.price, offer.price?.amount);
      check("teachingUnits", offer.teachingUnits === g.teachingUnits, g.teachingUnits, offer.teachingUnits);
      check("relevant", offer.classification.relevant === g.relevant, g.relevant, offer.classification.relevant);
      const top3 = offer.classification.modules.slice(0, 3).map((m) => m.code);
      const hit =
        g.modules.length === 0
          ? top3.every((c) => g.modulesAllowed.includes(c)) || top3.length === 0
          : g.modules.some((m) => top3.includes(m as never));
      check("moduleHit", hit, g.modules, top3);
    }
  } finally {
    await fetcher.close();
    server.close();
  }
  return report;
}

export function formatExtractionReport(report: ExtractionReport): string {
  const lines = [`offers: ${report.offers}`];
  for (const field of FIELDS)
    lines.push(
      `${field.padEnd(14)} ${(report.correct[field] / report.offers).toFixed(3)}  (${report.correct[field]}/${report.offers})`,
    );
  if (report.misses.length) {
    lines.push("", "misses:");
    for (const m of report.misses)
      lines.push(`  ${m.field}: ${m.title} — expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`);
  }
  return `${lines.join("\n")}\n`;
}
