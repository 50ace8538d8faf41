/**
 * Metrics of the classifier against a gold file (pure; the CLI and the tests call it).
 *
 * Precision counts a predicted label right when it is in the required OR the allowed list
 * (the annotators found it defensible); recall counts only the required labels found.
 * Module hit@3: over offers that are relevant in the gold and have required modules, the
 * share with at least one required module among the first three predicted.
 */
export interface GoldItem {
  id: string;
  relevant: boolean;
  areas: string[];
  areasAllowed?: string[];
  modules: string[];
  modulesAllowed?: string[];
  /** Where both annotators agreed, else null/absent (then not counted). */
  learningFormat?: string | null;
}

export interface PredictedItem {
  id: string;
  relevant: boolean;
  learningAreas: string[];
  /** In the classifier's order (confidence desc). */
  modules: string[];
  learningFormat?: string | null;
}

export interface PrfCounts {
  /** Predicted labels in required ∪ allowed. */
  correctPredicted: number;
  predicted: number;
  /** Required labels that were predicted. */
  requiredFound: number;
  required: number;
}

export interface Prf extends PrfCounts {
  precision: number;
  recall: number;
  f1: number;
}

export interface EvaluationReport {
  items: number;
  missingPredictions: string[];
  relevanceAccuracy: number;
  areas: Record<string, Prf>;
  areaMicro: Prf;
  moduleHitAt3: number;
  moduleHitAt3Items: number;
  moduleMicro: Prf;
  /** Share of offers with an agreed gold format that got exactly that format. */
  learningFormatAccuracy: number;
  learningFormatItems: number;
}

const emptyCounts = (): PrfCounts => ({ correctPredicted: 0, predicted: 0, requiredFound: 0, required: 0 });

/** Precision of nothing predicted is 1 (nothing wrong), recall of nothing required is 1. */
export const toPrf = (counts: PrfCounts): Prf => {
  const precision = counts.predicted === 0 ? 1 : counts.correctPredicted / counts.predicted;
  const recall = counts.required === 0 ? 1 : counts.requiredFound / counts.required;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
};

const addLabels = (
  counts: PrfCounts,
  predicted: readonly string[],
  required: readonly string[],
  allowed: readonly string[],
  only?: string,
): void => {
  const keep = (label: string): boolean => only === undefined || label === only;
  const acceptable = new Set([...required, ...allowed]);
  const predictedSet = new Set(predicted.filter(keep));
  for (const label of predictedSet) {
    counts.predicted += 1;
    if (acceptable.has(label)) counts.correctPredicted += 1;
  }
  for (const label of new Set(required.filter(keep))) {
    counts.required += 1;
    if (predictedSet.has(label)) counts.requiredFound += 1;
  }
};

export const AREA_LABELS = ["LB1", "LB2", "LB3", "LB4", "LB5"] as const;

export function evaluate(gold: readonly GoldItem[], predictions: readonly PredictedItem[]): EvaluationReport {
  const byId = new Map(predictions.map((p) => [p.id, p]));
  const missing: string[] = [];
  let relevanceCorrect = 0;
  const perArea = new Map<string, PrfCounts>(AREA_LABELS.map((a) => [a, emptyCounts()]));
  const areaMicro = emptyCounts();
  const moduleMicro = emptyCounts();
  let hitItems = 0;
  let hits = 0;
  let formatItems = 0;
  let formatRight = 0;
  for (const item of gold) {
    const found = byId.get(item.id);
    if (!found) missing.push(item.id);
    const predicted: PredictedItem = found ?? { id: item.id, relevant: false, learningAreas: [], modules: [] };
    if (predicted.relevant === item.relevant) relevanceCorrect += 1;
    const areasAllowed = item.areasAllowed ?? [];
    addLabels(areaMicro, predicted.learningAreas, item.areas, areasAllowed);
    for (const [area, counts] of perArea) addLabels(counts, predicted.learningAreas, item.areas, areasAllowed, area);
    addLabels(moduleMicro, predicted.modules, item.modules, item.modulesAllowed ?? []);
    if (item.learningFormat) {
      formatItems += 1;
      if (predicted.learningFormat === item.learningFormat) formatRight += 1;
    }
    if (item.relevant && item.modules.length > 0) {
      hitItems += 1;
      const top3 = predicted.modules.slice(0, 3);
      if (item.modules.some((m) => top3.includes(m))) hits += 1;
    }
  }
  return {
    items: gold.length,
    missingPredictions: missing,
    relevanceAccuracy: gold.length === 0 ? 1 : relevanceCorrect / gold.length,
    areas: Object.fromEntries([...perArea].map(([area, counts]) => [area, toPrf(counts)])),
    areaMicro: toPrf(areaMicro),
    moduleHitAt3: hitItems === 0 ? 1 : hits / hitItems,
    moduleHitAt3Items: hitItems,
    moduleMicro: toPrf(moduleMicro),
    learningFormatAccuracy: formatItems === 0 ? 1 : formatRight / formatItems,
    learningFormatItems: formatItems,
  };
}

const pct = (value: number): string => value.toFixed(3);

/** German-free plain table for the terminal (figures are language-neutral). */
export function formatReport(report: EvaluationReport): string {
  const lines = [
    `items: ${report.items}${report.missingPredictions.length ? ` (missing predictions: ${report.missingPredictions.join(", ")})` : ""}`,
    `relevance accuracy: ${pct(report.relevanceAccuracy)}`,
    "learning areas:        P      R      F1   (pred/req)",
  ];
  for (const [area, prf] of Object.entries(report.areas)) {
    lines.push(
      `  ${area}              ${pct(prf.precision)}  ${pct(prf.recall)}  ${pct(prf.f1)}  (${prf.predicted}/${prf.required})`,
    );
  }
  const a = report.areaMicro;
  lines.push(`  micro            ${pct(a.precision)}  ${pct(a.recall)}  ${pct(a.f1)}  (${a.predicted}/${a.required})`);
  lines.push(`module hit@3: ${pct(report.moduleHitAt3)} (over ${report.moduleHitAt3Items} offers)`);
  const m = report.moduleMicro;
  lines.push(
    `module micro: P ${pct(m.precision)}  R ${pct(m.recall)}  F1 ${pct(m.f1)}  (${m.predicted}/${m.required})`,
  );
  lines.push(
    `learning format accuracy: ${pct(report.learningFormatAccuracy)} (over ${report.learningFormatItems} offers with an agreed format)`,
  );
  return lines.join("\n");
}
