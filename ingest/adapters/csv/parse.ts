/** CSV/TSV exports → OfferDrafts. */
import Papa from "papaparse";
import type { FeedInput, ParseResult, ParseWarning } from "../types.ts";
import { csvConfigSchema, type CsvConfig } from "./config.ts";
import { decodeBytes } from "./decode.ts";
import { detectDelimiter, type Delimiter } from "./delimiter.ts";
import { parseTable } from "./table.ts";

/** The config as given, or a warning saying what is wrong with it. */
export function readConfig(config: unknown): { config: CsvConfig; warnings: ParseWarning[] } {
  const parsed = csvConfigSchema.safeParse(config ?? {});
  if (parsed.success) return { config: parsed.data, warnings: [] };
  const warnings: ParseWarning[] = parsed.error.issues.map((issue) => ({
    field: issue.path.join("."),
    message: `Feed-Konfiguration ungültig und ignoriert: ${issue.message}`,
  }));
  return { config: {}, warnings };
}

function inputText(input: FeedInput, encoding: Parameters<typeof decodeBytes>[1]) {
  if (input.bytes.byteLength > 0) return decodeBytes(input.bytes, encoding).text;
  return input.text.replace(/^\uFEFF/, "");
}

export function parseCsv(input: FeedInput, rawConfig?: unknown): ParseResult {
  const { config, warnings } = readConfig(rawConfig);
  const text = inputText(input, config.encoding);
  if (text.trim() === "") {
    return { offers: [], warnings: [...warnings, { message: "Die Datei ist leer." }], complete: false };
  }
  // Excel writes "sep=;" as a first line when asked to; it names the delimiter and is no row.
  const sepLine = /^sep=([;,\t|])\r?\n/i.exec(text);
  const body = sepLine ? text.slice(sepLine[0].length) : text;
  const delimiter = config.delimiter ?? (sepLine?.[1] as Delimiter | undefined) ?? detectDelimiter(body);
  // Empty lines stay in, so that row numbers in warnings match the lines a provider sees.
  const result = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
  let truncated = false;
  for (const error of result.errors) {
    if (error.code === "MissingQuotes") truncated = true;
    else {
      const row = error.row === undefined ? "" : `Zeile ${error.row + 1}: `;
      warnings.push({ message: `${row}CSV-Fehler: ${error.message}` });
    }
  }
  // Row numbers count the "sep=" line, as the provider's editor does.
  const offset = sepLine ? 2 : 1;
  return parseTable(result.data, { headerMap: config.headerMap, truncated, warnings, rowNumber: (i) => i + offset });
}
