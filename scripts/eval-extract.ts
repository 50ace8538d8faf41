import { existsSync } from "node:fs";
import path from "node:path";
import { evaluateDevFeeds, formatExtractionReport } from "../test/support/dev-feeds.ts";

/**
 * `npm run eval:extract [-- <dev-feeds dir>]`: serves a folder of feeds with a gold.json
 * (shaped like ../shared/eval/dev-feeds) over loopback HTTP, runs them through the real
 * fetcher, adapters, normaliser and classifier, and prints per-field accuracy.
 */
const dir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, "..", "..", "shared", "eval", "dev-feeds"));
if (!existsSync(path.join(dir, "gold.json"))) {
  process.stderr.write(`Kein gold.json in ${dir}.\n`);
  process.exit(1);
}
const report = await evaluateDevFeeds(dir);
process.stdout.write(formatExtractionReport(report));
