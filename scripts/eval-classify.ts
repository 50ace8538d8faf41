/**
 * npm run eval:classify -- <gold.jsonl> [--verbose]
 * Classifies every offer of a gold file (shaped like ../shared/eval/classify-dev.jsonl) and
 * prints relevance accuracy, per-area and micro P/R/F1, module hit@3 and module micro-F1.
 */
import { readFileSync } from "node:fs";
import { classifyOffer } from "../schema/classification/classifier.ts";
import { evaluate, formatReport, type GoldItem, type PredictedItem } from "../schema/classification/evaluate.ts";

interface GoldLine extends GoldItem {
  title: string;
  description?: string;
  provider?: string;
  keywords?: string[];
}

const args = process.argv.slice(2).filter((a) => a !== "--");
const file = args.find((a) => !a.startsWith("--"));
const verbose = args.includes("--verbose");
if (!file) {
  console.error("Aufruf: npm run eval:classify -- <datei.jsonl> [--verbose]");
  process.exit(2);
}
const gold: GoldLine[] = readFileSync(file, "utf8")
  .split("\n")
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line) as GoldLine);

const predictions: PredictedItem[] = gold.map((item) => {
  const result = classifyOffer(item);
  if (verbose) {
    const mods = result.modules.map((m) => `${m.code}:${m.confidence}[${m.evidence.join("; ")}]`).join(" ");
    console.log(
      `${item.id} rel=${result.relevant}/${item.relevant} s=${result.score} areas=${result.learningAreas.join(",")} gold=${item.areas.join(",")}+(${(item.areasAllowed ?? []).join(",")}) mods=${mods} gold=${item.modules.join(",")}+(${(item.modulesAllowed ?? []).join(",")})`,
    );
  }
  return {
    id: item.id,
    relevant: result.relevant,
    learningAreas: result.learningAreas,
    modules: result.modules.map((m) => m.code),
    learningFormat: result.learningFormat,
  };
});
console.log(formatReport(evaluate(gold, predictions)));
