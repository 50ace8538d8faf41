/** Excel workbooks → OfferDrafts, through the same row mapping as CSV. */
import ExcelJS from "exceljs";
import { z } from "zod";
import type { FeedInput, ParseResult, ParseWarning } from "../types.ts";
import { csvConfigSchema } from "../csv/config.ts";
import { findHeaderRow, resolveHeaderMap } from "../csv/headers.ts";
import { parseTable } from "../csv/table.ts";
import { cellText, type CellText } from "./cells.ts";
import { zipProblem } from "./zip-guard.ts";

export const xlsxConfigSchema = csvConfigSchema.pick({ headerMap: true }).extend({
  /** Worksheet name or 1-based position; the first worksheet by default. */
  sheet: z.union([z.string(), z.number().int().positive()]).optional(),
});
export type XlsxConfig = z.infer<typeof xlsxConfigSchema>;

export const MAX_ROWS = 50_000;
export const MAX_COLUMNS = 200;

function failed(message: string, warnings: ParseWarning[] = []): ParseResult {
  // complete: false so that an unreadable workbook never withdraws a provider's offers.
  return { offers: [], warnings: [...warnings, { message }], complete: false };
}

type Worksheet = ExcelJS.Worksheet;

function pickSheet(workbook: ExcelJS.Workbook, sheet: XlsxConfig["sheet"]): Worksheet | undefined {
  if (sheet === undefined) return workbook.worksheets[0];
  if (typeof sheet === "number") return workbook.worksheets[sheet - 1];
  return workbook.getWorksheet(sheet);
}

function readGrid(sheet: Worksheet): { grid: CellText[][]; capped: boolean } {
  const rowCount = Math.min(sheet.rowCount, MAX_ROWS);
  const columnCount = Math.min(sheet.columnCount, MAX_COLUMNS);
  const grid: CellText[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: CellText[] = [];
    for (let c = 1; c <= columnCount; c++) cells.push(cellText(row.getCell(c).value));
    grid.push(cells);
  }
  return { grid, capped: sheet.rowCount > MAX_ROWS || sheet.columnCount > MAX_COLUMNS };
}

/** Link columns take the hyperlink target rather than its label ("Hier anmelden"). */
function texts(grid: CellText[][], headerMap: XlsxConfig["headerMap"]): string[][] {
  const plain = grid.map((row) => row.map((cell) => cell.text));
  const headerIndex = findHeaderRow(plain, headerMap);
  if (headerIndex < 0) return plain;
  const headers = plain[headerIndex] ?? [];
  const map = resolveHeaderMap(headers, headerMap);
  const linkColumns = new Set(headers.flatMap((h, i) => (map[h] === "url" || map[h] === "registrationUrl" ? [i] : [])));
  return grid.map((row, r) =>
    row.map((cell, c) => (r > headerIndex && linkColumns.has(c) && cell.link !== undefined ? cell.link : cell.text)),
  );
}

export async function parseXlsx(input: FeedInput, rawConfig?: unknown): Promise<ParseResult> {
  const warnings: ParseWarning[] = [];
  const parsedConfig = xlsxConfigSchema.safeParse(rawConfig ?? {});
  const config: XlsxConfig = parsedConfig.success ? parsedConfig.data : {};
  if (!parsedConfig.success) {
    for (const issue of parsedConfig.error.issues) {
      warnings.push({
        field: issue.path.join("."),
        message: `Feed-Konfiguration ungültig und ignoriert: ${issue.message}`,
      });
    }
  }
  if (input.bytes.byteLength === 0) return failed("Die Datei ist leer.", warnings);
  const problem = zipProblem(input.bytes);
  if (problem !== undefined) return failed(`Arbeitsmappe nicht gelesen: ${problem}`, warnings);

  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer` (an ArrayBuffer); a copied, exactly sized ArrayBuffer fits it.
    const copy = input.bytes.slice().buffer;
    await workbook.xlsx.load(copy);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failed(`Arbeitsmappe nicht lesbar: ${reason}`, warnings);
  }
  const sheet = pickSheet(workbook, config.sheet);
  if (!sheet) {
    const name = config.sheet === undefined ? "" : ` „${config.sheet}“`;
    return failed(`Arbeitsblatt${name} nicht gefunden`, warnings);
  }
  const { grid, capped } = readGrid(sheet);
  if (capped) {
    warnings.push({
      message: `Arbeitsblatt „${sheet.name}“ ist größer als ${MAX_ROWS} Zeilen × ${MAX_COLUMNS} Spalten; nur dieser Ausschnitt gelesen.`,
    });
  }
  const result = parseTable(texts(grid, config.headerMap), { headerMap: config.headerMap, warnings });
  return capped ? { ...result, complete: false } : result;
}
