import { createHash } from "node:crypto";
import { DateTime } from "luxon";

/**
 * iCalendar (RFC 5545) export of offers, one VEVENT per session. Times are written in
 * UTC ("Z"), so no VTIMEZONE is needed; all-day sessions carry Berlin dates. Output is
 * deterministic (DTSTAMP is the offer's last change), so the ETag is stable.
 */

export interface CalendarOffer {
  id: string;
  title: string;
  description: string;
  updatedAt: Date;
  locationName: string | null;
  street: string | null;
  postalCode: string | null;
  municipality: string | null;
  online: boolean;
  sessions: { start: Date; end: Date | null; allDay: boolean }[];
}

const MAX_LINE_OCTETS = 75;
const MAX_DESCRIPTION = 2000;

/** TEXT value escaping: backslash, semicolon, comma, newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line at 75 octets, never inside a UTF-8 sequence; continuations start with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    const limit = parts.length ? MAX_LINE_OCTETS - 1 : MAX_LINE_OCTETS;
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

const utcStamp = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
const berlinDate = (d: Date, plusDays = 0): string =>
  DateTime.fromJSDate(d, { zone: "Europe/Berlin" }).plus({ days: plusDays }).toFormat("yyyyLLdd");

function locationOf(o: CalendarOffer): string {
  const place = [o.locationName, o.street, [o.postalCode, o.municipality].filter(Boolean).join(" ")].filter(
    (p) => p && p.trim(),
  );
  if (place.length) return place.join(", ");
  return o.online ? "online" : "";
}

function eventLines(o: CalendarOffer, permalink: string): string[][] {
  const description =
    `${o.description.slice(0, MAX_DESCRIPTION)}${o.description.length > MAX_DESCRIPTION ? " …" : ""}\n\n${permalink}`.trim();
  const location = locationOf(o);
  return o.sessions.map((s) => {
    const when = s.allDay
      ? [`DTSTART;VALUE=DATE:${berlinDate(s.start)}`, `DTEND;VALUE=DATE:${berlinDate(s.end ?? s.start, 1)}`]
      : [`DTSTART:${utcStamp(s.start)}`, ...(s.end ? [`DTEND:${utcStamp(s.end)}`] : [])];
    return [
      "BEGIN:VEVENT",
      // Stable per offer and session: the session's start identifies it within the offer.
      `UID:${o.id}-${utcStamp(s.start)}@quartier-hub`,
      `DTSTAMP:${utcStamp(o.updatedAt)}`,
      ...when,
      `SUMMARY:${escapeText(o.title)}`,
      ...(location ? [`LOCATION:${escapeText(location)}`] : []),
      `URL:${permalink}`,
      `DESCRIPTION:${escapeText(description)}`,
      "END:VEVENT",
    ];
  });
}

/** The calendar text with CRLF line ends, folded. */
export function buildCalendar(
  name: string,
  offers: readonly CalendarOffer[],
  permalinkOf: (id: string) => string,
): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Quartier offer hub//Kalenderexport//DE",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
    ...offers.flatMap((o) => eventLines(o, permalinkOf(o.id)).flat()),
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

export const etagOf = (body: string): string =>
  `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
