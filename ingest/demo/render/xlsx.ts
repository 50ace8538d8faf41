/**
 * An Excel workbook as an association's office keeps its programme: German headers that
 * differ from the CSV export's, date cells holding Berlin wall-clock time (Excel has no
 * time zone), prices as numbers, an empty cell where nothing is known.
 */
import ExcelJS from "exceljs";
import type { DemoOffer } from "../catalogue.ts";
import { urlOf, type RenderContext } from "./context.ts";
import { berlin, scheduleProse, span } from "./german.ts";

export const XLSX_HEADERS = [
  "Veranstaltung",
  "Beginn",
  "Ende",
  "Veranstaltungsort",
  "Straße",
  "PLZ",
  "Ort",
  "Teilnahmegebühr (€)",
  "Unterrichtseinheiten",
  "Zielgruppe",
  "Kursbeschreibung",
  "Weitere Informationen",
] as const;

/** Excel stores wall-clock time: encode the Berlin local time as if it were UTC. */
function wallClock(isoText: string): Date {
  const d = berlin(isoText);
  return new Date(Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute));
}

function row(ctx: RenderContext, offer: DemoOffer): (string | number | Date | null)[] {
  const { start, end } = span(offer);
  const schedule = offer.sessions.length > 1 ? ` Termine: ${scheduleProse(offer, "short")}.` : "";
  return [
    offer.title,
    wallClock(start),
    wallClock(end),
    offer.online ? "Online-Seminar" : (offer.venue?.name ?? null),
    offer.venue?.street ?? null,
    offer.venue?.postalCode ?? null,
    offer.venue ? `${offer.venue.municipality}${offer.hybrid ? " / online" : ""}` : null,
    offer.price,
    offer.teachingUnits,
    offer.audienceText.join(", "),
    `${offer.description}${schedule}`,
    urlOf(ctx, offer),
  ];
}

export async function renderXlsx(ctx: RenderContext): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const stamp = new Date(`${ctx.baseDate}T06:00:00Z`);
  workbook.creator = ctx.provider.name;
  workbook.created = stamp;
  workbook.modified = stamp;
  const sheet = workbook.addWorksheet("Veranstaltungen");
  sheet.addRow([...XLSX_HEADERS]);
  sheet.getRow(1).font = { bold: true };
  for (const offer of ctx.offers) sheet.addRow(row(ctx, offer));
  for (const col of [2, 3]) sheet.getColumn(col).numFmt = "dd.mm.yyyy hh:mm";
  sheet.getColumn(8).numFmt = '#,##0.00 "€"';
  sheet.columns.forEach((c, i) => {
    c.width = [48, 17, 17, 32, 24, 8, 22, 12, 10, 40, 80, 50][i] ?? 20;
  });
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}

/** Re-exported for tests that decode the wall-clock cells back. */
export const wallClockOf = wallClock;
