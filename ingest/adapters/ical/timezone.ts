/**
 * Wall times → ISO strings with the offset of their zone. ical.js leaves `TZID=…` times
 * floating when a feed carries no VTIMEZONE block, so offsets are computed with luxon from
 * the wall-clock fields and the zone named on the property, never from ical.js' own zone.
 */
import ICAL from "ical.js";
import { DateTime } from "luxon";

export const BERLIN = "Europe/Berlin";

/** Windows and legacy zone names some calendar exports write instead of IANA ones. */
const ZONE_ALIASES: Readonly<Record<string, string>> = {
  "w. europe standard time": BERLIN,
  "westeuropäische normalzeit": BERLIN,
  "mitteleuropäische zeit": BERLIN,
  cet: BERLIN,
  "central europe standard time": BERLIN,
  "romance standard time": "Europe/Paris",
  utc: "UTC",
  gmt: "UTC",
};

/** The IANA zone for a TZID, or undefined when neither luxon nor the alias table knows it. */
export function ianaZone(tzid: string): string | undefined {
  // Some exporters prefix the TZID with a vendor path ("/mozilla.org/20050126_1/Europe/Berlin").
  const cleaned = tzid.replace(/^\/.*?\/(?=[A-Z][a-z]+\/)/, "").trim();
  const alias = ZONE_ALIASES[cleaned.toLowerCase()];
  if (alias !== undefined) return alias;
  return DateTime.local({ zone: cleaned }).isValid ? cleaned : undefined;
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** "2027-03-18T14:00:00+01:00": the wall time in `zone`, or a UTC instant shown in Berlin time. */
export function isoWithOffset(wall: WallTime, zone: string): string {
  const { year, month, day, hour, minute, second } = wall;
  const dt = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone });
  const shown = zone === "UTC" ? dt.setZone(BERLIN) : dt;
  return shown.toISO({ suppressMilliseconds: true }) ?? "";
}

export function isoDate(wall: Pick<WallTime, "year" | "month" | "day">): string {
  const { year, month, day } = wall;
  return DateTime.fromObject({ year, month, day }, { zone: "UTC" }).toISODate() ?? "";
}

/** Berlin's rules since 1996, so that EXDATE/RECURRENCE-ID in UTC match TZID occurrences. */
const BERLIN_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Berlin",
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
].join("\r\n");

/** Idempotent: registers the same definition every time, whatever a feed brought. */
export function registerBerlin(): void {
  if (ICAL.TimezoneService.has(BERLIN)) return;
  const component = new ICAL.Component(ICAL.parse(BERLIN_VTIMEZONE));
  ICAL.TimezoneService.register(component);
}
