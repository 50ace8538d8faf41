import { allRows, cellText, type ExportDocument } from "./table.ts";

/**
 * CSV for German Excel: UTF-8 with a byte-order mark (else Excel reads ANSI and breaks
 * the umlauts), `;` as separator (German Excel's list separator, so `,` can stay the
 * decimal mark) and CRLF. Sections with the same columns (the learning areas of the
 * overview) become one flat table, so a spreadsheet can filter and sort it; sections
 * with other columns follow after an empty line and their title.
 */
export const CSV_BOM = "\uFEFF";
const SEPARATOR = ";";

/**
 * Formula injection: a spreadsheet evaluates a text cell starting with = + - @ (and tab
 * or carriage return, which Excel strips before looking) as a formula. A leading
 * apostrophe makes it text; offer titles come from providers' feeds and are untrusted.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvField(text: string): string {
  const safe = neutraliseFormula(text);
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(doc: ExportDocument): string {
  const blocks: { title: string; header: string; lines: string[] }[] = [];
  for (const section of doc.sections) {
    const header = section.columns.map((c) => csvField(c.header)).join(SEPARATOR);
    let block = blocks.find((b) => b.header === header);
    if (!block) {
      block = { title: section.title, header, lines: [] };
      blocks.push(block);
    }
    const lines = block.lines;
    for (const row of allRows(section)) {
      lines.push(
        row
          .map((cell, i) => {
            const column = section.columns[i];
            // Numbers are data, never formulas: a negative number keeps its minus sign.
            if (typeof cell === "number") return cellText(cell, column);
            return csvField(cellText(cell, column));
          })
          .join(SEPARATOR),
      );
    }
  }
  if (!blocks.length) return CSV_BOM;
  const body =
    blocks.length === 1
      ? [blocks[0]!.header, ...blocks[0]!.lines]
      : blocks.flatMap((b, i) => [...(i ? [""] : []), csvField(b.title), b.header, ...b.lines]);
  return CSV_BOM + body.join("\r\n") + "\r\n";
}
