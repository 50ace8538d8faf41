/**
 * A guard against fitting the knowledge to the dev set: 205 fictional offers written for
 * this test (fixtures/generalisation.jsonl, labelled by us from the guide's module
 * descriptions), with other wording than the dev set, near misses of the field (care,
 * youth welfare, church life, office and club administration, Städtebau) and offers that
 * are only a title and a line. Bounds are looser than the dev goals: the labels are one
 * annotator's.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classifyOffer } from "./classifier.ts";
import { evaluate, type GoldItem } from "./evaluate.ts";

const items = readFileSync(new URL("./fixtures/generalisation.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as GoldItem & { title: string; description: string });

describe("generalisation set (own fixtures)", () => {
  it("keeps relevance, areas and modules on unseen wording", () => {
    const predictions = items.map((item) => {
      const r = classifyOffer(item);
      return {
        id: item.id,
        relevant: r.relevant,
        learningAreas: r.learningAreas,
        modules: r.modules.map((m) => m.code),
      };
    });
    const report = evaluate(items, predictions);
    expect(report.relevanceAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.areaMicro.f1).toBeGreaterThanOrEqual(0.75);
    expect(report.moduleHitAt3).toBeGreaterThanOrEqual(0.8);
  });
});
