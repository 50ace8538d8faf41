/**
 * Runs the classifier on the shared dev set and asserts the goals of issue 4. Skips with
 * a message when ../shared (beside the repository) is not there.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { classifyOffer } from "./classifier.ts";
import { evaluate, type GoldItem } from "./evaluate.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const devFile = path.resolve(repoRoot, "../shared/eval/classify-dev.jsonl");
const present = existsSync(devFile);
if (!present) console.warn(`eval-dev.test.ts übersprungen: ${devFile} fehlt (../shared nicht vorhanden)`);

describe.skipIf(!present)("dev set (../shared/eval/classify-dev.jsonl)", () => {
  it("meets relevance ≥ 0.95, area micro-F1 ≥ 0.90, module hit@3 ≥ 0.85", () => {
    const gold = readFileSync(devFile, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as GoldItem & { title: string; description?: string; provider?: string });
    const predictions = gold.map((item) => {
      const r = classifyOffer(item);
      return {
        id: item.id,
        relevant: r.relevant,
        learningAreas: r.learningAreas,
        modules: r.modules.map((m) => m.code),
      };
    });
    const report = evaluate(gold, predictions);
    expect(report.relevanceAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(report.areaMicro.f1).toBeGreaterThanOrEqual(0.9);
    expect(report.moduleHitAt3).toBeGreaterThanOrEqual(0.85);
  });
});
