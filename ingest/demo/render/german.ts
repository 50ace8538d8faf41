/**
 * German wording shared by the renderers: dates, times, prices, places and teaching units
 * the way provider websites write them ("Do., 18. März 2027, 14–17:30 Uhr").
 */
import { DateTime } from "luxon";
import { ZONE, type DemoOffer, type DemoSession, type UnitsStyle } from "../catalogue.ts";

const WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"] as const;
const MONTHS = [
  "Januar",
  "Februar",
  "März",
  "April",
  "Mai",
  "Juni",
  "Juli",
  "August",
  "September",
  "Oktober",
  "November",
  "Dezember",
] as const;

export const berlin = (isoText: string): DateTime => DateTime.fromISO(isoText, { zone: ZONE });

export const weekdayLong = (d: DateTime): string => WEEKDAYS[d.weekday - 1] ?? "";
export const weekdayShort = (d: DateTime): string => `${weekdayLong(d).slice(0, 2)}.`;
export const monthName = (d: DateTime): string => MONTHS[d.month - 1] ?? "";

/** "18. März 2027" */
export const dayMonthYear = (d: DateTime): string => `${d.day}. ${monthName(d)} ${d.year}`;
/** "Do., 18. März 2027" */
export const shortDate = (d: DateTime): string => `${weekdayShort(d)}, ${dayMonthYear(d)}`;
/** "Donnerstag, 18. März 2027" */
export const longDate = (d: DateTime): string => `${weekdayLong(d)}, ${dayMonthYear(d)}`;
/** "18.03.2027" */
export const numericDate = (d: DateTime): string => d.toFormat("dd.MM.yyyy");
/** "14:00" */
export const clock = (d: DateTime): string => d.toFormat("HH:mm");
/** "14" for full hours, "17:30" otherwise: how many sites shorten times. */
export const shortClock = (d: DateTime): string => (d.minute === 0 ? String(d.hour) : `${d.hour}:${d.toFormat("mm")}`);

/** "14–17:30 Uhr" */
export function timeRange(session: DemoSession): string {
  const start = berlin(session.start);
  const end = session.end ? berlin(session.end) : null;
  return end ? `${shortClock(start)}–${shortClock(end)} Uhr` : `${shortClock(start)} Uhr`;
}

/** "14:00 bis 17:30 Uhr" */
export function timeRangeLong(session: DemoSession): string {
  const start = berlin(session.start);
  const end = session.end ? berlin(session.end) : null;
  return end ? `${clock(start)} bis ${clock(end)} Uhr` : `${clock(start)} Uhr`;
}

const firstSession = (offer: DemoOffer): DemoSession => {
  const s = offer.sessions[0];
  if (!s) throw new Error(`Angebot ohne Termin: ${offer.id}`);
  return s;
};
const lastSession = (offer: DemoOffer): DemoSession => offer.sessions[offer.sessions.length - 1] ?? firstSession(offer);

/** The first start and the last end of an offer. */
export function span(offer: DemoOffer): { start: string; end: string } {
  const last = lastSession(offer);
  return { start: firstSession(offer).start, end: last.end ?? last.start };
}

/**
 * The whole schedule of an offer as one line of prose, in the "long" style of event pages
 * ("Donnerstag, 18. März 2027, 14:00 bis 17:30 Uhr") or the "short" style of lists
 * ("Do., 18. März 2027, 14–17:30 Uhr").
 */
export function scheduleProse(offer: DemoOffer, style: "long" | "short"): string {
  const first = firstSession(offer);
  const last = lastSession(offer);
  const day = style === "long" ? longDate : shortDate;
  const times = style === "long" ? timeRangeLong : timeRange;
  const d1 = berlin(first.start);
  switch (offer.shape) {
    case "ALL_DAY_RANGE": {
      const d2 = berlin(first.end ?? first.start);
      return `${weekdayShort(d1)}, ${d1.day}. ${monthName(d1)} bis ${day(d2)} (ganztägig)`;
    }
    case "TWO_DAY": {
      const d2 = berlin(last.start);
      return `${day(d1)}, ${times(first)}, und ${day(d2)}, ${times(last)}`;
    }
    case "WEEKLY": {
      const dLast = berlin(last.start);
      const skipped = offer.skippedStarts.map((s) => `${berlin(s).day}. ${monthName(berlin(s))}`);
      const not = skipped.length > 0 ? ` (nicht am ${skipped.join(", ")})` : "";
      return `${offer.sessions.length} Termine, ${weekdayLong(d1).toLowerCase()}s ${times(first)}, vom ${d1.day}. ${monthName(d1)} bis ${dayMonthYear(dLast)}${not}`;
    }
    case "CERTIFICATE": {
      const blocks: string[] = [];
      for (let i = 0; i < offer.sessions.length; i += 2) {
        const a = offer.sessions[i];
        const b = offer.sessions[i + 1];
        if (!a) continue;
        const da = berlin(a.start);
        blocks.push(b ? `${da.toFormat("dd.MM.")}–${berlin(b.start).toFormat("dd.MM.yyyy")}` : numericDate(da));
      }
      return `${blocks.length} Blöcke: ${blocks.join(", ")}, jeweils ${timeRange(first)} (2. Tag ${timeRange(offer.sessions[1] ?? first)})`;
    }
    default:
      return `${day(d1)}, ${times(first)}`;
  }
}

/** Each meeting on its own line, for detail pages. */
export function sessionLines(offer: DemoOffer): string[] {
  return offer.sessions.map((s) =>
    s.allDay
      ? `${shortDate(berlin(s.start))} bis ${shortDate(berlin(s.end ?? s.start))}, ganztägig`
      : `${shortDate(berlin(s.start))}, ${timeRange(s)}`,
  );
}

/** "120,00 €" */
export const euro = (amount: number): string => `${amount.toFixed(2).replace(".", ",")} €`;

/** Price prose in a few house styles. */
export function priceProse(offer: DemoOffer, variant: number): string {
  if (offer.free)
    return ["kostenfrei", "Die Teilnahme ist kostenlos.", "kostenlos", "entgeltfrei"][variant % 4] ?? "kostenfrei";
  const base = variant % 2 === 0 ? euro(offer.price) : `${offer.price} Euro`;
  const reduced = offer.reducedPrice !== null ? ` (ermäßigt ${euro(offer.reducedPrice)})` : "";
  const extra = offer.shape === "DAY" || offer.shape === "TWO_DAY" ? " inkl. Verpflegung" : "";
  return `${base}${reduced}${extra}`;
}

/** "Tagungshaus am Kurpark, Akademieweg 11, 73087 Bad Boll" / "online (Zoom)" / "… und online" */
export function placeProse(offer: DemoOffer): string {
  if (offer.online || !offer.venue) return "online (Zoom)";
  const v = offer.venue;
  const text = `${v.name}, ${v.street}, ${v.postalCode} ${v.municipality}`;
  return offer.hybrid ? `${text} und online (hybrid)` : text;
}

const UNIT_WORDS: Readonly<Record<Exclude<UnitsStyle, null>, (n: number) => string>> = {
  UE: (n) => `${n} UE`,
  WSt: (n) => `${n} WSt. à 45 Min.`,
  Unterrichtsstunden: (n) => `${n} Unterrichtsstunden`,
};

/** "16 UE", "12 WSt. à 45 Min.", or null where the provider does not say. */
export function unitsProse(offer: DemoOffer, style: UnitsStyle): string | null {
  if (offer.teachingUnits === null || style === null) return null;
  return UNIT_WORDS[style](offer.teachingUnits);
}

export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

export const escapeXml = escapeHtml;
