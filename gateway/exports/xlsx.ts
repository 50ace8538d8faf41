import ExcelJS from "exceljs";
import { allRows, formatDay, type Cell, type ExportDocument, type Section } from "./table.ts";

/**
 * XLSX through exceljs: one sheet per section, title and state above the table, a bold
 * header row frozen with everything above it, widths from the column definitions,
 * dates as real dates (Berlin wall time), links as hyperlinks. Text cells stay text:
 * exceljs writes strings as shared strings, never as formulas, so no apostrophe needed.
 */

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g;

/** Excel allows 31 characters without []:*?/\ and unique names (case-insensitive). */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(INVALID_SHEET_CHARS, " ").replace(/\s+/g, " ").trim().slice(0, 31) || "Tabelle";
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 27)} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

/** Excel has no time zones: a date cell shows the Berlin wall-clock time of the instant. */
function berlinWallClock(date: Date): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Berlin",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return new Date(
    Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute)),
  );
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };

function cellValue(cell: Cell, link: boolean): ExcelJS.CellValue {
  if (cell === null) return null;
  if (cell instanceof Date) return berlinWallClock(cell);
  if (link && typeof cell === "string" && /^https?:\/\//i.test(cell)) return { text: cell, hyperlink: cell };
  return cell;
}

function addSection(workbook: ExcelJS.Workbook, doc: ExportDocument, section: Section, taken: Set<string>): void {
  const sheet = workbook.addWorksheet(sheetName(section.title, taken));
  sheet.addRow([section.title]).font = { bold: true, size: 13 };
  sheet.addRow([`${doc.subtitle} – Stand: ${formatDay(doc.stateOf)}`]);
  const headerRow = sheet.addRow(section.columns.map((c) => c.header));
  headerRow.font = { bold: true };
  headerRow.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", wrapText: true };
  });
  const headerIndex = headerRow.number;
  section.columns.forEach((column, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = column.width;
    if (column.date) col.numFmt = column.date === "time" ? "dd.mm.yyyy hh:mm" : "dd.mm.yyyy";
    if (column.numeric) col.alignment = { horizontal: "right" };
  });
  for (const row of allRows(section)) {
    const added = sheet.addRow(row.map((cell, i) => cellValue(cell, Boolean(section.columns[i]?.link))));
    section.columns.forEach((column, i) => {
      if (column.link && typeof row[i] === "string") added.getCell(i + 1).font = { color: { argb: "FF0B57D0" } };
    });
  }
  sheet.views = [{ state: "frozen", ySplit: headerIndex, xSplit: 0 }];
  if (section.columns.length) {
    sheet.autoFilter = {
      from: { row: headerIndex, column: 1 },
      to: { row: headerIndex, column: section.columns.length },
    };
  }
  for (const note of doc.notes ?? []) sheet.addRow([note]).font = { italic: true };
}

export async function toXlsx(doc: ExportDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Quartier-Angebotsdrehscheibe";
  workbook.created = doc.stateOf;
  workbook.title = doc.title;
  const taken = new Set<string>();
  for (const section of doc.sections) addSection(workbook, doc, section, taken);
  if (!doc.sections.length) workbook.addWorksheet(sheetName(doc.title, taken)).addRow(["Keine Daten."]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
