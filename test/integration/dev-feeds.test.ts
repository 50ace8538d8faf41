import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateDevFeeds, FIELDS, formatExtractionReport } from "../support/dev-feeds.ts";
import { REPO } from "../support/cli.ts";

/**
 * The five development feeds of ../shared/eval, served over loopback HTTP and run
 * through the real fetcher, adapters, normaliser and classifier against gold.json.
 */
const DIR = path.resolve(REPO, "..", "shared", "eval", "dev-feeds");
const present = existsSync(path.join(DIR, "gold.json"));
if (!present) console.warn(`[dev-feeds] ${DIR} fehlt: Vergleich mit gold.json übersprungen.`);

describe.skipIf(!present)("development feeds against gold.json", () => {
  it("finds every offer and reads dates, places, prices, units and modules", async () => {
    const report = await evaluateDevFeeds(DIR);
    console.info(formatExtractionReport(report));
    expect(report.correct.found).toBe(report.offers);
    for (const field of FIELDS) expect(report.correct[field] / report.offers, field).toBeGreaterThanOrEqual(0.9);
  });
});
