/**
 * An iCalendar programme as calendar plugins export it: TZID=Europe/Berlin with its
 * VTIMEZONE, a weekly series as RRULE with EXDATE for a cancelled week, whole-day ranges as
 * VALUE=DATE (DTEND exclusive), long lines folded at 75 octets, CRLF line ends.
 */
import { DateTime } from "luxon";
import type { DemoOffer } from "../catalogue.ts";
import { registrationUrl, siteUrl, urlOf, type RenderContext } from "./context.ts";
import { berlin, placeProse, priceProse, unitsProse } from "./german.ts";

const VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Berlin",
  "X-LIC-LOCATION:Europe/Berlin",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

/** RFC 5545 text escaping. */
export const icsText = (text: string): string =>
  text.replaceAll("\\", "\\\\").replaceAll(";", "\\;").replaceAll(",", "\\,").replaceAll("\n", "\\n");

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const local = (isoText: string): string => berlin(isoText).toFormat("yyyyMMdd'T'HHmmss");
const dateOnly = (isoDate: string): string => isoDate.replaceAll("-", "");
const utcStamp = (isoText: string): string =>
  DateTime.fromISO(isoText, { zone: "utc" }).toFormat("yyyyMMdd'T'HHmmss'Z'");

function timing(offer: DemoOffer): string[] {
  const first = offer.sessions[0];
  const last = offer.sessions[offer.sessions.length - 1];
  if (!first || !last) return [];
  if (first.allDay) {
    const after =
      DateTime.fromISO(first.end ?? first.start)
        .plus({ days: 1 })
        .toISODate() ?? "";
    return [`DTSTART;VALUE=DATE:${dateOnly(first.start)}`, `DTEND;VALUE=DATE:${dateOnly(after)}`];
  }
  const lines = [`DTSTART;TZID=Europe/Berlin:${local(first.start)}`];
  if (offer.shape === "WEEKLY") {
    lines.push(`DTEND;TZID=Europe/Berlin:${local(first.end ?? first.start)}`);
    lines.push(`RRULE:FREQ=WEEKLY;COUNT=${offer.sessions.length + offer.skippedStarts.length}`);
    if (offer.skippedStarts.length > 0)
      lines.push(`EXDATE;TZID=Europe/Berlin:${offer.skippedStarts.map(local).join(",")}`);
  } else {
    // Two-day seminars are one event from the first start to the last end, as most
    // calendar plugins export them.
    lines.push(`DTEND;TZID=Europe/Berlin:${local(last.end ?? last.start)}`);
  }
  return lines;
}

function description(ctx: RenderContext, offer: DemoOffer): string {
  const units = unitsProse(offer, ctx.provider.unitsStyle);
  const priceLabel = ctx.provider.variant === 2 ? "Teilnahmegebühr" : "Kosten";
  return [
    offer.description,
    "",
    `${priceLabel}: ${priceProse(offer, ctx.provider.variant)}`,
    units ? `Umfang: ${units}` : null,
    `Zielgruppe: ${offer.audienceText.join(", ")}`,
    offer.registrationDeadline ? `Anmeldeschluss: ${berlin(offer.registrationDeadline).toFormat("dd.MM.yyyy")}` : null,
    `Anmeldung: ${registrationUrl(ctx, offer)}`,
  ]
    .filter((l): l is string => l !== null)
    .join("\n");
}

function vevent(ctx: RenderContext, offer: DemoOffer): string[] {
  return [
    "BEGIN:VEVENT",
    // No host or port in the UID: it must stay the same when the demo runs on another port.
    `UID:${offer.id}@${ctx.provider.slug}.demo`,
    `DTSTAMP:${utcStamp(offer.publishedAt)}`,
    `CREATED:${utcStamp(offer.publishedAt)}`,
    `SUMMARY:${icsText(offer.title)}`,
    `DESCRIPTION:${icsText(description(ctx, offer))}`,
    ...timing(offer),
    `LOCATION:${icsText(offer.online ? "Online-Veranstaltung (Zoom)" : placeProse(offer))}`,
    `CATEGORIES:${offer.keywords.map(icsText).join(",")}`,
    `ORGANIZER;CN="${ctx.provider.name}":mailto:${ctx.provider.contactEmail}`,
    `URL:${urlOf(ctx, offer)}`,
    "STATUS:CONFIRMED",
    "END:VEVENT",
  ];
}

export function renderIcal(ctx: RenderContext): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//${ctx.provider.name}//Veranstaltungskalender 3.2//DE`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icsText(ctx.provider.name)}`,
    "X-WR-TIMEZONE:Europe/Berlin",
    `X-ORIGINAL-URL:${siteUrl(ctx)}/`,
    ...VTIMEZONE,
    ...ctx.offers.flatMap((o) => vevent(ctx, o)),
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}
