/**
 * npm run bench:coverage [-- --offers 100000] [--rounds 7] [--pglite-offers 10000] [--no-pglite]
 *
 * Coverage benchmark (issue 6, item 8): computeCoverage for all 44 districts over the next
 * 12 months, with the previous period and the gap list, on synthetic offers spread over
 * every district and module. Each round also times two references in the same run,
 * interleaved, because this machine drifts by up to a third between runs:
 *  - `count(*)` over "Offer" (the cheapest full pass over the table),
 *  - the bare group-by (module × district, offers only) without the session join.
 * Goal: median < 1 s at 100,000 offers on PostgreSQL (DATABASE_URL). PGlite (one in-process
 * connection, 2–4× slower) runs afterwards at a smaller size (--pglite-offers), for information.
 */
import type { Database } from "../prisma/database.ts";
import { createScratchDatabase } from "../prisma/scratch.ts";
import { seedTaxonomy } from "../prisma/seed.ts";
import { seedPlaceData } from "../gateway/places.ts";
import { computeCoverage, coverageOfferIds } from "../schema/coverage/coverage.service.ts";
import { loadCatalogue } from "../ingest/synth/catalogue.ts";

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
const OFFERS = intOption("offers", 100_000);
const PGLITE_OFFERS = intOption("pglite-offers", 10_000);
const ROUNDS = intOption("rounds", 7);
const NOW = new Date("2026-11-22T06:00:00Z");
const GOAL_MS = 1000;

const progress = (text: string): void => {
  process.stderr.write(`[bench:coverage ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
};
const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] ?? NaN) + ((sorted[hi] ?? NaN) - (sorted[lo] ?? NaN)) * (pos - lo);
};
const fmt = (n: number): string => n.toLocaleString("en-US", { maximumFractionDigits: 0 });

/**
 * The shared synthetic catalogue (ingest/synth, as `hub synth --offers N`): deterministic,
 * classified, every district, 15 % online, sessions from a month back to 18 months ahead.
 */
async function seedOffers(db: Database, url: string | null, offers: number): Promise<void> {
  await loadCatalogue(db, { offers, seed: "coverage", baseDate: NOW, databaseUrl: url });
  if (db.kind === "postgres") await db.sql(`vacuum analyze`);
}

interface Sample {
  coverage: number;
  withOnline: number;
  cellOffers: number;
  count: number;
  groupBy: number;
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

async function measure(db: Database, rounds: number): Promise<{ samples: Sample[]; cells: number; gaps: number }> {
  const query = { level: "DISTRICT" as const };
  // One warm-up: plans, caches, the taxonomy.
  const warm = await computeCoverage(db, query, NOW);
  // The fullest cell: what a click on the heat map asks for.
  const top = [...warm.cells].sort((a, b) => b.offers - a.offers)[0];
  const cell = top ? { moduleCode: top.moduleCode, regionKey: top.regionKey } : {};
  const samples: Sample[] = [];
  for (let r = 0; r < rounds; r++) {
    const count = await time(() => db.sql(`select count(*) from "Offer"`));
    const groupBy = await time(() =>
      db.sql(`select m.code, o."districtKey", count(*) from "Offer" o cross join unnest(o."moduleCodes") m(code)
               where o.status = 'ACTIVE' and o.relevant group by 1, 2`),
    );
    const coverage = await time(() => computeCoverage(db, query, NOW));
    const withOnline = await time(() => computeCoverage(db, { ...query, countOnlineInRegions: true }, NOW));
    const cellOffers = await time(() => coverageOfferIds(db, { ...cell, ...query }, NOW, 20));
    samples.push({ coverage, withOnline, cellOffers, count, groupBy });
  }
  return { samples, cells: warm.cells.length, gaps: warm.gaps.length };
}

function report(label: string, offers: number, m: Awaited<ReturnType<typeof measure>>, goal: boolean): void {
  const col = (k: keyof Sample) => m.samples.map((s) => s[k]);
  const med = (k: keyof Sample) => quantile(col(k), 0.5);
  const p95 = (k: keyof Sample) => quantile(col(k), 0.95);
  console.log(`\n${label}: ${fmt(offers)} offers, 44 districts × 29 modules, ${m.samples.length} rounds`);
  console.log(`  matrix: ${m.cells} cells, ${m.gaps} gaps`);
  console.log(`  computeCoverage            median ${fmt(med("coverage"))} ms   p95 ${fmt(p95("coverage"))} ms`);
  console.log(`  … countOnlineInRegions     median ${fmt(med("withOnline"))} ms   p95 ${fmt(p95("withOnline"))} ms`);
  console.log(`  coverageOffers, top cell   median ${fmt(med("cellOffers"))} ms   p95 ${fmt(p95("cellOffers"))} ms`);
  console.log(`  reference count(*)         median ${fmt(med("count"))} ms   p95 ${fmt(p95("count"))} ms`);
  console.log(`  reference bare group-by    median ${fmt(med("groupBy"))} ms   p95 ${fmt(p95("groupBy"))} ms`);
  console.log(
    `  ratio to bare group-by     ${(med("coverage") / med("groupBy")).toFixed(2)}×` +
      (goal
        ? `   goal < ${GOAL_MS} ms: ${med("coverage") < GOAL_MS ? "goal met" : "GOAL MISSED"}`
        : "   (for information)"),
  );
}

async function run(serverUrl: string | undefined, offers: number, goal: boolean): Promise<void> {
  const label = serverUrl ? "PostgreSQL" : "PGlite";
  progress(`${label}: seeding ${fmt(offers)} offers`);
  const scratch = await createScratchDatabase(serverUrl, "bench_coverage", 4);
  try {
    await seedTaxonomy(scratch.db);
    await seedPlaceData(scratch.db);
    await seedOffers(scratch.db, scratch.url, offers);
    const [sessions] = await scratch.db.sql<{ n: number }>(`select count(*)::int as n from "Session"`);
    progress(`${label}: ${fmt(Number(sessions?.n ?? 0))} sessions; measuring`);
    report(label, offers, await measure(scratch.db, ROUNDS), goal);
  } finally {
    await scratch.drop();
  }
}

const serverUrl = process.env.DATABASE_URL;
if (serverUrl) await run(serverUrl, OFFERS, true);
if (!args.includes("--no-pglite")) await run(undefined, PGLITE_OFFERS, false);
