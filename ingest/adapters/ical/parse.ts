/**
 * iCalendar → OfferDrafts. One VEVENT (with its RRULE/RDATE, EXDATEs and RECURRENCE-ID
 * overrides) is one offer; its occurrences are the sessions.
 */
import ICAL from "ical.js";
import type { FeedInput, LocationDraft, OfferDraft, ParseResult, ParseWarning, SessionDraft } from "../types.ts";
import { stableKey } from "../csv/fields.ts";
import { factsFromDescription, htmlToLines } from "./labels.ts";
import { BERLIN, ianaZone, isoDate, isoWithOffset, registerBerlin } from "./timezone.ts";

/** A weekly series without end would expand forever; a course rarely has more meetings. */
export const MAX_SESSIONS = 200;

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type Event = InstanceType<typeof ICAL.Event>;

function text(component: Component, name: string): string | undefined {
  const value = component.getFirstPropertyValue(name);
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/**
 * The IANA zone of a date-time property: its TZID, UTC for `Z`, and for floating times the
 * calendar's X-WR-TIMEZONE or else Europe/Berlin (the providers are in Baden-Württemberg).
 */
function zoneOf(
  component: Component,
  property: string,
  time: Time,
  floating: string,
  warn: (m: string) => void,
): string {
  if (time.zone?.tzid === "UTC") return "UTC";
  const tzid = component.getFirstProperty(property)?.getParameter("tzid");
  if (typeof tzid !== "string" || tzid === "") return floating;
  const zone = ianaZone(tzid);
  if (zone === undefined) warn(`Unbekannte Zeitzone „${tzid}“, als Europe/Berlin gelesen`);
  return zone ?? BERLIN;
}

function session(start: Time, end: Time | undefined, startZone: string, endZone: string): SessionDraft {
  if (start.isDate) {
    // DTEND of an all-day event is exclusive: the 20th ends a course on the 19th.
    let last = start;
    if (end !== undefined && end.compare(start) > 0) {
      last = end.clone();
      last.adjust(-1, 0, 0, 0);
    }
    return { start: isoDate(start), end: isoDate(last), allDay: true };
  }
  return { start: isoWithOffset(start, startZone), end: end === undefined ? null : isoWithOffset(end, endZone) };
}

function hasEnd(component: Component): boolean {
  return component.hasProperty("dtend") || component.hasProperty("duration");
}

interface Expanded {
  sessions: SessionDraft[];
  capped: boolean;
}

function expand(event: Event, floating: string, warn: (m: string) => void): Expanded {
  const master = event.component;
  const startZone = zoneOf(master, "dtstart", event.startDate, floating, warn);
  const endZone = master.hasProperty("dtend") ? zoneOf(master, "dtend", event.endDate, floating, warn) : startZone;
  if (!event.isRecurring()) {
    const end = hasEnd(master) || event.startDate.isDate ? event.endDate : undefined;
    return { sessions: [session(event.startDate, end, startZone, endZone)], capped: false };
  }
  const sessions: SessionDraft[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next; next = iterator.next()) {
    if (sessions.length >= MAX_SESSIONS) return { sessions: sortSessions(sessions), capped: true };
    const details = event.getOccurrenceDetails(next);
    const item = details.item.component;
    if (text(item, "status")?.toUpperCase() === "CANCELLED") continue;
    const overridden = item !== master;
    const zone = overridden ? zoneOf(item, "dtstart", details.startDate, floating, warn) : startZone;
    const itemEndZone =
      overridden && item.hasProperty("dtend") ? zoneOf(item, "dtend", details.endDate, floating, warn) : endZone;
    const end = hasEnd(item) || details.startDate.isDate ? details.endDate : undefined;
    sessions.push(session(details.startDate, end, zone, itemEndZone));
  }
  return { sessions: sortSessions(sessions), capped: false };
}

/** A moved occurrence (RECURRENCE-ID) may land before or after its neighbours. */
function sortSessions(sessions: SessionDraft[]): SessionDraft[] {
  return [...sessions].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

function categories(component: Component): string[] {
  const values = component
    .getAllProperties("categories")
    .flatMap((p) => p.getValues())
    .filter((v): v is string => typeof v === "string")
    .map((v) => v.trim())
    .filter((v) => v !== "");
  return [...new Set(values)];
}

function organizer(component: Component): string | undefined {
  const property = component.getFirstProperty("organizer");
  if (!property) return undefined;
  const cn = property.getParameter("cn");
  if (typeof cn === "string" && cn.trim() !== "") return cn.trim();
  const value = property.getFirstValue();
  return typeof value === "string" ? value.replace(/^mailto:/i, "") : undefined;
}

function location(component: Component): LocationDraft | undefined {
  const geo = component.getFirstPropertyValue("geo");
  if (!Array.isArray(geo)) return undefined;
  const [latitude, longitude] = geo;
  return typeof latitude === "number" && typeof longitude === "number" ? { latitude, longitude } : undefined;
}

function altDescription(component: Component): string | undefined {
  const property = component.getFirstProperty("x-alt-desc");
  const fmt = property?.getParameter("fmttype");
  const value = property?.getFirstValue();
  return typeof value === "string" && (fmt === undefined || /html/i.test(String(fmt))) ? value : undefined;
}

/** One VEVENT (with its overrides) → a draft, or undefined with the reason in `warnings`. */
function toDraft(event: Event, floating: string, warnings: ParseWarning[]): OfferDraft | undefined {
  const component = event.component;
  const title = text(component, "summary");
  const uid = text(component, "uid");
  const dtstart = component.getFirstProperty("dtstart");
  const startValue: unknown = dtstart?.getFirstValue();
  const startText = startValue === undefined || startValue === null ? undefined : String(startValue);
  const sourceKey = uid ?? stableKey(title ?? "", startText);
  const warn = (message: string, field?: string) =>
    warnings.push({ sourceKey, ...(field === undefined ? {} : { field }), message });

  if (title === undefined) {
    warn("Titel (SUMMARY) fehlt, Termin übersprungen", "SUMMARY");
    return undefined;
  }
  if (text(component, "status")?.toUpperCase() === "CANCELLED") {
    warn(`„${title}“ ist abgesagt (STATUS:CANCELLED) und wurde übersprungen`, "STATUS");
    return undefined;
  }
  if (!dtstart) {
    warn(`„${title}“: Beginn (DTSTART) fehlt, Termin übersprungen`, "DTSTART");
    return undefined;
  }
  if (uid === undefined) warn(`„${title}“: UID fehlt, Kennung aus Titel und Beginn gebildet`, "UID");

  const { sessions, capped } = expand(event, floating, (m) => warn(m, "TZID"));
  if (capped) warn(`„${title}“: Serie nach ${MAX_SESSIONS} Terminen abgeschnitten`, "RRULE");
  if (sessions.length === 0) {
    warn(`„${title}“: alle Termine der Serie sind ausgenommen oder abgesagt`, "EXDATE");
    return undefined;
  }

  const draft: OfferDraft = { sourceKey, title, sessions };
  const plain = text(component, "description");
  const html = altDescription(component);
  const description = html ?? plain;
  if (description !== undefined) draft.description = description;
  const facts = factsFromDescription(plain ?? (html === undefined ? "" : htmlToLines(html)));
  Object.assign(draft, facts);

  const locationText = text(component, "location");
  if (locationText !== undefined) draft.locationText = locationText;
  const geo = location(component);
  if (geo) draft.location = geo;
  const url = text(component, "url");
  if (url !== undefined) draft.url = url;
  const keywords = categories(component);
  if (keywords.length > 0) draft.keywords = keywords;
  const org = organizer(component);
  if (org !== undefined) draft.organizer = org;
  if (text(component, "status")?.toUpperCase() === "TENTATIVE") draft.notes = ["Termin vorläufig (STATUS:TENTATIVE)"];
  return draft;
}

/** Groups overrides (RECURRENCE-ID) with their series; orphans stand alone. */
function events(calendar: Component): Event[] {
  const masters = new Map<string, Event>();
  const result: Event[] = [];
  const exceptions: Event[] = [];
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(vevent);
    if (vevent.hasProperty("recurrence-id")) exceptions.push(event);
    else {
      result.push(event);
      if (event.uid) masters.set(event.uid, event);
    }
  }
  for (const exception of exceptions) {
    const master = masters.get(exception.uid);
    if (master) master.relateException(exception);
    else result.push(exception);
  }
  return result;
}

function failed(message: string): ParseResult {
  // complete: false so that an unreadable calendar never withdraws a provider's offers.
  return { offers: [], warnings: [{ message }], complete: false };
}

/** The calendar component, or the parser's complaint. */
function readCalendar(source: string): Component | string {
  try {
    const jcal: unknown = ICAL.parse(source.replace(/^\uFEFF/, ""));
    // ICAL.parse returns a list when the text holds several VCALENDARs.
    const first = Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal[0] : jcal;
    return new ICAL.Component(first as ConstructorParameters<typeof ICAL.Component>[0]);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The text up to the last complete VEVENT, closed again; undefined when there is none. */
function salvage(source: string): string | undefined {
  const matches = [...source.matchAll(/^END:VEVENT\r?$/gim)];
  const last = matches.at(-1);
  if (last?.index === undefined) return undefined;
  return `${source.slice(0, last.index + last[0].length)}\r\nEND:VCALENDAR\r\n`;
}

export function parseIcal(input: FeedInput): ParseResult {
  registerBerlin();
  const source = input.text !== "" ? input.text : new TextDecoder().decode(input.bytes);
  if (source.trim() === "") return failed("Der Kalender ist leer.");
  if (!/BEGIN:VCALENDAR/i.test(source)) return failed("Kein iCalendar: BEGIN:VCALENDAR fehlt.");
  const warnings: ParseWarning[] = [];
  let calendar = readCalendar(source);
  if (typeof calendar === "string" && !/END:VCALENDAR/i.test(source)) {
    // A cut-off download: keep the events that arrived whole.
    const salvaged = salvage(source);
    if (salvaged !== undefined && typeof readCalendar(salvaged) !== "string") {
      calendar = readCalendar(salvaged);
      warnings.push({
        message: "Kalender endet ohne END:VCALENDAR (abgeschnitten?); nur vollständige Termine gelesen.",
      });
    }
  }
  if (typeof calendar === "string") return failed(`Kalender nicht lesbar: ${calendar}`);
  const calendarZone = text(calendar, "x-wr-timezone");
  const floating = (calendarZone === undefined ? undefined : ianaZone(calendarZone)) ?? BERLIN;
  const offers: OfferDraft[] = [];
  for (const event of events(calendar)) {
    try {
      const draft = toDraft(event, floating, warnings);
      if (draft) offers.push(draft);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const sourceKey = event.component.getFirstPropertyValue("uid");
      warnings.push({
        ...(typeof sourceKey === "string" ? { sourceKey } : {}),
        message: `Termin nicht lesbar, übersprungen: ${reason}`,
      });
    }
  }
  // A truncated calendar lacks offers: treating it as a snapshot would withdraw them.
  const truncated = !/END:VCALENDAR/i.test(source);
  return { offers, warnings, complete: !truncated };
}
