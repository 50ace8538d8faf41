/** exceljs cell values → the text a person would read in the cell. */
import type { CellValue } from "exceljs";

export interface CellText {
  text: string;
  /** The link target of a hyperlink cell ("Zur Anmeldung" → https://…). */
  link?: string;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * Excel stores wall-clock serials; exceljs hands them over as Date objects whose UTC fields
 * are that wall time. Midnight means a date alone; the 1899-12-30 epoch day means a time alone.
 */
export function excelDateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const seconds = date.getUTCSeconds();
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}${seconds === 0 ? "" : `:${pad(seconds)}`}`;
  if (day === "1899-12-30") return time;
  return time === "00:00" ? day : `${day}T${time}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !(value instanceof Date);
}

function richText(value: unknown): string | undefined {
  if (!isRecord(value) || !Array.isArray(value.richText)) return undefined;
  return value.richText.map((run: unknown) => (isRecord(run) && typeof run.text === "string" ? run.text : "")).join("");
}

export function cellText(value: CellValue | unknown): CellText {
  if (value === null || value === undefined) return { text: "" };
  if (value instanceof Date) return { text: excelDateText(value) };
  if (typeof value === "string") return { text: value };
  if (typeof value === "number" || typeof value === "boolean") return { text: String(value) };
  if (!isRecord(value)) return { text: "" };
  const rich = richText(value);
  if (rich !== undefined) return { text: rich };
  if (typeof value.hyperlink === "string") {
    const label = typeof value.text === "string" ? value.text : (richText(value.text) ?? "");
    return { text: label, link: value.hyperlink.replace(/^mailto:/i, "") };
  }
  // Formulas (plain or shared): the cached result is what the provider saw.
  if ("formula" in value || "sharedFormula" in value) return cellText(value.result);
  return { text: "" }; // error values (#N/A …) say nothing about the offer
}
