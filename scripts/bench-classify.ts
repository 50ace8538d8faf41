/**
 * npm run bench:classify [-- <gold.jsonl>] [--n 20000]
 * Classifies a synthetic set on one core (this process) and prints offers/s, with a
 * reference measured in the same run: plain tokenisation of the same texts. Throughput
 * drifts between runs and machines; the ratio is the stable figure.
 * Without a file (or when ../shared is absent) the set is built from built-in samples.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { classifyOffer, type ClassifierInput } from "../schema/classification/classifier.ts";
import { tokeniseOnly } from "../schema/classification/normalise.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2).filter((a) => a !== "--");
const nIndex = args.indexOf("--n");
const total = nIndex >= 0 ? Number(args[nIndex + 1]) : 20_000;
const file =
  args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--n") ??
  path.resolve(repoRoot, "../shared/eval/classify-dev.jsonl");

const SAMPLES: ClassifierInput[] = [
  {
    title: "Sozialraumanalyse in kleinen Gemeinden",
    description: "Daten, Begehungen und Befragungen: Werkzeuge der Sozialraumanalyse im Überblick.",
  },
  {
    title: "Ehrenamtskoordination im Quartier",
    description: "Freiwillige gewinnen, begleiten und anerkennen; Zusammenarbeit von Haupt- und Ehrenamt.",
  },
  { title: "Präsentieren mit PowerPoint", description: "Folien gestalten und Vorlagen nutzen." },
  {
    title: "Bürgerbeteiligungsverfahren gestalten",
    description:
      "Grundlagen der Partizipation, Beteiligungsformen und rechtliche Rahmenbedingungen nach der Gemeindeordnung.",
  },
];

const base: ClassifierInput[] = existsSync(file)
  ? readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as ClassifierInput)
  : SAMPLES;

// Vary the texts so no cache sees the same offer twice in a row: a suffix number and a
// rotated word order of the title.
const offers: ClassifierInput[] = [];
for (let i = 0; offers.length < total; i += 1) {
  const item = base[i % base.length] as ClassifierInput;
  const words = item.title.split(" ");
  const shift = Math.floor(i / base.length) % Math.max(1, words.length);
  offers.push({
    ...item,
    id: `bench-${i}`,
    title: [...words.slice(shift), ...words.slice(0, shift)].join(" ") + ` ${i}`,
  });
}

const time = (run: () => void): number => {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e9;
};

let sink = 0;
// Warm-up: compile the knowledge and let the JIT settle.
for (const offer of offers.slice(0, 500)) sink += classifyOffer(offer).modules.length;

const tokenSeconds = time(() => {
  for (const offer of offers)
    sink += tokeniseOnly(`${offer.title} ${offer.description ?? ""} ${offer.provider ?? ""}`).length;
});
const classifySeconds = time(() => {
  for (const offer of offers) sink += classifyOffer(offer).modules.length;
});

const perSecond = (seconds: number): number => Math.round(offers.length / seconds);
console.log(`offers: ${offers.length} (from ${existsSync(file) ? path.basename(file) : "built-in samples"}), one core`);
console.log(`reference, tokenisation only: ${perSecond(tokenSeconds)} offers/s`);
console.log(`classifyOffer:                ${perSecond(classifySeconds)} offers/s`);
console.log(`ratio classify/tokenise:      ${(tokenSeconds / classifySeconds).toFixed(3)}`);
console.log(
  `goal ≥ 2000 offers/s: ${perSecond(classifySeconds) >= 2000 ? "erreicht" : "NICHT erreicht"} (checksum ${sink})`,
);
