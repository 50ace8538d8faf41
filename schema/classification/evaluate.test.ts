import { describe, expect, it } from "vitest";
import { evaluate, toPrf, type GoldItem, type PredictedItem } from "./evaluate.ts";

// Tiny hand-made gold set; the expected figures are worked out by hand in the comments.
const gold: GoldItem[] = [
  {
    id: "a",
    relevant: true,
    areas: ["LB2"],
    areasAllowed: ["LB1"],
    modules: ["M04"],
    modulesAllowed: ["V04"],
    learningFormat: "BASIS",
  },
  {
    id: "b",
    relevant: true,
    areas: ["LB3", "LB4"],
    areasAllowed: [],
    modules: ["M09"],
    modulesAllowed: [],
    learningFormat: "EINFUEHRUNG",
  },
  { id: "c", relevant: false, areas: [], areasAllowed: [], modules: [], modulesAllowed: [] },
  { id: "d", relevant: true, areas: ["LB5"], areasAllowed: [], modules: [], modulesAllowed: ["M16"] },
];
const predicted: PredictedItem[] = [
  // areas: LB2 ✓ (required), LB1 ✓ (allowed); modules: V04 (allowed), M04 (required, 2nd) → hit
  { id: "a", relevant: true, learningAreas: ["LB1", "LB2"], modules: ["V04", "M04"], learningFormat: "BASIS" },
  // areas: LB3 ✓, LB5 ✗; LB4 missed; modules: M08 ✗, M07 ✗, M11 ✗, M09 4th → no hit@3
  { id: "b", relevant: true, learningAreas: ["LB3", "LB5"], modules: ["M08", "M07", "M11", "M09"] },
  // wrong relevance, one wrong area
  { id: "c", relevant: true, learningAreas: ["LB2"], modules: [] },
  // d: nothing predicted, relevance wrong
  { id: "d", relevant: false, learningAreas: [], modules: [] },
];

describe("evaluate", () => {
  const report = evaluate(gold, predicted);

  it("relevance accuracy: a, b right; c, d wrong → 2/4", () => {
    expect(report.relevanceAccuracy).toBe(0.5);
  });

  it("area micro: predicted 5, correct 3 (LB1,LB2,LB3); required 4, found 2 (LB2,LB3)", () => {
    expect(report.areaMicro.predicted).toBe(5);
    expect(report.areaMicro.correctPredicted).toBe(3);
    expect(report.areaMicro.required).toBe(4);
    expect(report.areaMicro.requiredFound).toBe(2);
    expect(report.areaMicro.precision).toBeCloseTo(0.6);
    expect(report.areaMicro.recall).toBeCloseTo(0.5);
    expect(report.areaMicro.f1).toBeCloseTo((2 * 0.6 * 0.5) / 1.1);
  });

  it("per area: LB2 predicted twice (a ✓, c ✗) and required once (found)", () => {
    expect(report.areas.LB2?.precision).toBeCloseTo(0.5);
    expect(report.areas.LB2?.recall).toBe(1);
    expect(report.areas.LB4?.recall).toBe(0);
    expect(report.areas.LB4?.precision).toBe(1);
    expect(report.areas.LB5?.precision).toBe(0);
  });

  it("module hit@3 over a and b only (d has no required module): 1/2", () => {
    expect(report.moduleHitAt3Items).toBe(2);
    expect(report.moduleHitAt3).toBe(0.5);
  });

  it("module micro: predicted 6, correct 3 (V04, M04, M09); required 2, found 2", () => {
    expect(report.moduleMicro.precision).toBeCloseTo(0.5);
    expect(report.moduleMicro.recall).toBe(1);
    expect(report.moduleMicro.f1).toBeCloseTo(2 / 3);
  });

  it("learning format: a right, b wrong (none predicted), c and d have no agreed format → 1/2", () => {
    expect(report.learningFormatItems).toBe(2);
    expect(report.learningFormatAccuracy).toBe(0.5);
  });

  it("counts an offer without prediction as irrelevant and lists it", () => {
    const r = evaluate(gold, predicted.slice(0, 3));
    expect(r.missingPredictions).toEqual(["d"]);
    expect(r.relevanceAccuracy).toBe(0.5);
  });

  it("toPrf: nothing predicted and nothing required is perfect", () => {
    expect(toPrf({ correctPredicted: 0, predicted: 0, requiredFound: 0, required: 0 }).f1).toBe(1);
  });
});
