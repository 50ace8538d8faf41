/**
 * A semicolon CSV export from a course administration system, encoded in Windows-1252
 * with CRLF line ends, German headers and German number/date formats.
 */
import iconv from "iconv-lite";
import type { DemoOffer } from "../catalogue.ts";
import { urlOf, type RenderContext } from "./context.ts";
import { berlin, scheduleProse, span } from "./german.ts";

export const CSV_HEADERS = [
  "Titel",
  "Beginn",
  "Ende",
  "Ort",
  "PLZ",
  "Gebühr",
  "UE",
  "Zielgruppe",
  "Beschreibung",
  "Link",
] as const;

/** Quotes a field when it holds the delimiter, a quote or a line break. */
export function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const stamp = (isoText: string): string => {
  const d = berlin(isoText);
  return isoText.length === 10 ? d.toFormat("dd.MM.yyyy") : d.toFormat("dd.MM.yyyy HH:mm");
};

function row(ctx: RenderContext, offer: DemoOffer): string[] {
  const { start, end } = span(offer);
  // "Ort" beside "PLZ" is the municipality; the venue goes into the description, as the
  // export's users type it there.
  const place = offer.online || !offer.venue ? "online" : offer.venue.municipality;
  const venue = offer.venue
    ? ` Veranstaltungsort: ${offer.venue.name}, ${offer.venue.street}.${offer.hybrid ? " Teilnahme auch online möglich." : ""}`
    : "";
  // Series and courses carry their dates in the description, as the export's users do.
  const schedule =
    offer.sessions.length > 1 || offer.skippedStarts.length > 0 ? ` Termine: ${scheduleProse(offer, "short")}.` : "";
  // Topics come as a semicolon list in quotes: the export does that for multi-value fields.
  const topics = offer.keywords.length > 1 ? ` Schwerpunkte: ${offer.keywords.join("; ")}.` : "";
  return [
    offer.title,
    stamp(start),
    stamp(end),
    place,
    offer.venue?.postalCode ?? "",
    offer.free ? "kostenfrei" : offer.price.toFixed(2).replace(".", ","),
    offer.teachingUnits !== null && ctx.provider.unitsStyle !== null ? String(offer.teachingUnits) : "",
    offer.audienceText.join(", "),
    `${offer.description}${venue}${schedule}${topics}`,
    urlOf(ctx, offer),
  ];
}

export function renderCsvText(ctx: RenderContext): string {
  const lines = [CSV_HEADERS.join(";"), ...ctx.offers.map((o) => row(ctx, o).map(csvField).join(";"))];
  return lines.join("\r\n") + "\r\n";
}

export function renderCsv(ctx: RenderContext): Buffer {
  return iconv.encode(renderCsvText(ctx), "win1252");
}
