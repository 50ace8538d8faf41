import type { FeedAdapter, FeedInput } from "../types.ts";
import { type CsvConfig } from "./config.ts";
import { decodeBytes } from "./decode.ts";
import { countOutsideQuotes, detectDelimiter } from "./delimiter.ts";
import { knownHeader } from "./headers.ts";
import { parseCsv } from "./parse.ts";

export { csvConfigSchema, type CsvConfig } from "./config.ts";
export { mapRecord } from "./fields.ts";

const CSV_TYPES = /text\/(csv|tab-separated-values)|application\/(csv|vnd\.ms-excel)/i;

/** Sure when the first line splits into several cells, most of them known German headers. */
function detectCsv(input: FeedInput): number {
  const hint = CSV_TYPES.test(input.contentType ?? "") || /\.(csv|tsv|txt)(\?|$)/i.test(input.url) ? 0.3 : 0;
  const sample =
    input.bytes.byteLength > 0 ? decodeBytes(input.bytes.subarray(0, 4096)).text : input.text.slice(0, 4096);
  const trimmed = sample.trimStart().replace(/^sep=.\r?\n/i, "");
  if (trimmed.startsWith("<") || trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("BEGIN:")) {
    return 0;
  }
  const delimiter = detectDelimiter(trimmed);
  const firstLine = trimmed.split(/\r?\n/)[0] ?? "";
  if (countOutsideQuotes(firstLine, delimiter) === 0) return hint / 2;
  const cells = firstLine.split(delimiter).map((c) => c.replace(/^"|"$/g, ""));
  const known = cells.filter((c) => knownHeader(c) !== undefined).length;
  const score = 0.3 + Math.min(0.6, known * 0.15) + hint / 3;
  return Math.min(1, Math.round(score * 100) / 100);
}

export const csvAdapter: FeedAdapter<CsvConfig> = {
  kind: "CSV",
  version: "1.0.0",
  detect: detectCsv,
  parse: (input, config) => parseCsv(input, config),
};
