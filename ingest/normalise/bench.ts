/**
 * Throughput of normaliseOffer on the fictional fixtures (run: npx tsx ingest/normalise/bench.ts).
 * Not a test: durations depend on the machine. The gazetteer is built before timing.
 */
import { performance } from "node:perf_hooks";
import { ONLINE, PROSE, STRUCTURED } from "./fixtures/drafts.ts";
import { gazetteer } from "./gazetteer.ts";
import { normaliseOffer } from "./normalise.ts";

const ctx = {
  sourceUrl: "https://provider.example/",
  fetchedAt: new Date("2026-11-20T06:00:00Z"),
  adapter: "bench",
  adapterVersion: "0",
};
const drafts = [STRUCTURED, PROSE, ONLINE];

const t0 = performance.now();
gazetteer();
const buildMs = performance.now() - t0;

for (let i = 0; i < 2_000; i++) normaliseOffer(drafts[i % drafts.length]!, ctx); // warm-up

const n = 30_000;
// Every offer gets its own key, title and description, so no memo sees the same text twice.
const inputs = Array.from({ length: n }, (_, i) => {
  const d = drafts[i % drafts.length]!;
  return {
    ...d,
    sourceKey: `k${i}`,
    title: `${d.title} ${i}`,
    description: `${d.description ?? ""}<p>Kurs Nr. ${i}</p>`,
  };
});
const t1 = performance.now();
const cpu0 = process.cpuUsage();
for (const draft of inputs) normaliseOffer(draft, ctx);
const seconds = (performance.now() - t1) / 1000;
const cpu = process.cpuUsage(cpu0);
// CPU time as well as wall time: on a shared machine the wall clock includes other work.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(
  `gazetteer build ${buildMs.toFixed(0)} ms; normaliseOffer ${Math.round(n / seconds)} offers/s wall, ` +
    `${Math.round(n / cpuSeconds)} offers/s per CPU second (${n} offers)`,
);
