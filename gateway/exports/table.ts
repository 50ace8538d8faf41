/**
 * The one shape every export is written from: a document of titled sections, each a
 * table with German column headers. CSV, XLSX and HTML are three writers of it, so the
 * three formats of one export always carry the same columns and rows.
 */
export type Cell = string | number | Date | null;

export interface Column {
  header: string;
  /** Character width in the spreadsheet. */
  width: number;
  /** How a Date cell is shown: a calendar day or day and time. */
  date?: "day" | "time";
  /** The cell is an http(s) link. */
  link?: boolean;
  /** Right-aligned number. */
  numeric?: boolean;
}

export interface Section {
  /** Heading in HTML, sheet name (shortened) in XLSX. */
  title: string;
  /** Optional second heading level in HTML (e.g. the module inside a learning area). */
  groups?: { title: string; rows: Cell[][] }[];
  columns: Column[];
  rows: Cell[][];
}

export interface ExportDocument {
  title: string;
  /** One line under the title: the state of the data, the period, the filters. */
  subtitle: string;
  /** When the data was read ("Stand"). */
  stateOf: Date;
  sections: Section[];
  /** Lines under the tables (notes on counting). */
  notes?: string[];
}

const berlinDay = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
const berlinTime = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  hour: "2-digit",
  minute: "2-digit",
});

export const formatDay = (date: Date): string => berlinDay.format(date);
export const formatTime = (date: Date): string => berlinTime.format(date);

/** ISO calendar day in Berlin (for file names): 2026-11-22. */
export function isoDay(date: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Berlin",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(date);
  return parts;
}

const numberFormat = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2, useGrouping: false });

/** A cell as German text: dates as dd.mm.yyyy (with time where the column wants it), decimals with a comma. */
export function cellText(cell: Cell, column: Column | undefined): string {
  if (cell === null) return "";
  if (cell instanceof Date) {
    return column?.date === "time" ? `${formatDay(cell)} ${formatTime(cell)}` : formatDay(cell);
  }
  if (typeof cell === "number") return numberFormat.format(cell);
  return cell;
}

/** Every row of a section, grouped rows included, in order. */
export const allRows = (section: Section): Cell[][] =>
  section.groups ? section.groups.flatMap((g) => g.rows) : section.rows;
