/**
 * A grid of cell texts (from CSV or a worksheet) → ParseResult: find the header row, map
 * every row with `mapRecord`, never let one bad row stop the others.
 */
import type { OfferDraft, ParseResult, ParseWarning } from "../types.ts";
import { mapRecord } from "./fields.ts";
import { findHeaderRow, resolveHeaderMap, type TargetField } from "./headers.ts";

export interface TableOptions {
  headerMap?: Record<string, TargetField>;
  /** Set when the source ended mid-row (an unterminated quote): the last row is dropped. */
  truncated?: boolean;
  /** Human row number of grid row `index` (defaults to index + 1). */
  rowNumber?: (index: number) => number;
  /** Extra warnings from reading the grid. */
  warnings?: ParseWarning[];
}

function emptyResult(warnings: ParseWarning[]): ParseResult {
  // complete: false so that an unreadable export never withdraws a provider's offers.
  return { offers: [], warnings, complete: false };
}

/** Two columns both called "Ort" must not overwrite each other: the second is "Ort (2)". */
function uniqueHeaders(headers: readonly string[]): string[] {
  const counts = new Map<string, number>();
  return headers.map((header) => {
    const n = (counts.get(header) ?? 0) + 1;
    counts.set(header, n);
    return n === 1 ? header : `${header} (${n})`;
  });
}

export function parseTable(rows: readonly (readonly string[])[], options: TableOptions = {}): ParseResult {
  const warnings: ParseWarning[] = [...(options.warnings ?? [])];
  const rowNumber = options.rowNumber ?? ((i: number) => i + 1);
  if (rows.every((row) => row.every((cell) => cell.trim() === ""))) {
    warnings.push({ message: "Die Datei enthält keine Daten." });
    return emptyResult(warnings);
  }
  const headerIndex = findHeaderRow(rows, options.headerMap);
  if (headerIndex < 0) {
    warnings.push({
      field: "Kopfzeile",
      message:
        "Keine Kopfzeile erkannt: in den ersten 10 Zeilen hat keine Zeile mindestens zwei bekannte Spaltennamen (z. B. Titel, Beginn, Ort).",
    });
    return emptyResult(warnings);
  }
  const original = (rows[headerIndex] ?? []).map((h, i) => (h.trim() === "" ? `Spalte ${i + 1}` : h.trim()));
  const headers = uniqueHeaders(original);
  // Mapped by the name the provider wrote, keyed by the unique name the record uses.
  const byOriginal = resolveHeaderMap(original, options.headerMap);
  const headerMap: Record<string, TargetField> = {};
  headers.forEach((header, i) => {
    const field = byOriginal[original[i] ?? ""];
    if (field !== undefined) headerMap[header] = field;
  });
  if (!Object.values(headerMap).includes("title")) {
    warnings.push({ field: "Titel", message: "Keine Spalte für den Titel gefunden (z. B. „Titel“, „Veranstaltung“)." });
    return emptyResult(warnings);
  }

  const offers: OfferDraft[] = [];
  const seen = new Set<string>();
  const isBlank = (row: readonly string[] | undefined) => (row ?? []).every((c) => c.trim() === "");
  let lastIndex = rows.length - 1;
  while (lastIndex > headerIndex && isBlank(rows[lastIndex])) lastIndex--;
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    const n = rowNumber(i);
    if (options.truncated && i === lastIndex) {
      warnings.push({ message: `Zeile ${n}: Datei endet mitten im Datensatz (abgeschnitten?), Zeile übersprungen` });
      continue;
    }
    if (row.length > 0 && row.length < headers.length && row.some((c) => c.trim() !== "")) {
      warnings.push({ message: `Zeile ${n}: nur ${row.length} von ${headers.length} Spalten` });
    }
    const record: Record<string, string> = {};
    headers.forEach((header, col) => {
      record[header] = row[col] ?? "";
    });
    const { draft, warning } = mapRecord(record, headerMap, n);
    if (warning) warnings.push(warning);
    if (!draft) continue;
    if (seen.has(draft.sourceKey)) {
      warnings.push({
        sourceKey: draft.sourceKey,
        field: "Nr",
        message: `Zeile ${n}: Kennung „${draft.sourceKey}“ kommt mehrfach vor, Zeile übersprungen`,
      });
      continue;
    }
    seen.add(draft.sourceKey);
    offers.push(draft);
  }
  // A cut-off export lacks its last rows: treating it as a snapshot would withdraw them.
  return { offers, warnings, complete: !options.truncated };
}
