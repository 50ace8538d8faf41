/**
 * schema.org `Schedule` (eventSchedule, courseSchedule). Daily and weekly rules with a clear end
 * (endDate or repeatCount) are expanded into sessions: that is arithmetic on the stated dates,
 * not a guess. Anything else (monthly rules, foreign time zones, open ends) is handed on as prose.
 */
import type { SessionDraft } from "../types.ts";
import { asArray, enumName, isObject, str, type JsonObject } from "./values.ts";

const DAY_INDEX: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};
const GERMAN_DAY = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"];
const MAX_OCCURRENCES = 366;
const DAY_MS = 86_400_000;

function dateOnly(value: unknown): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(str(value) ?? "");
  if (!match) return undefined;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** "P1W"/"P7D"/"weekly" → interval in days; undefined for anything not daily/weekly. */
function intervalDays(value: unknown): number | undefined {
  const text = str(value)?.toUpperCase();
  if (!text) return undefined;
  const words: Record<string, number> = { DAILY: 1, WEEKLY: 7, TÄGLICH: 1, WÖCHENTLICH: 7 };
  if (words[text] !== undefined) return words[text];
  const match = /^P(\d+)([DW])$/.exec(text);
  if (!match) return undefined;
  const n = Number(match[1]);
  return n > 0 ? n * (match[2] === "W" ? 7 : 1) : undefined;
}

const timeOf = (value: unknown): string | undefined => {
  const text = str(value);
  return text && /^\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?$/.test(text) ? text : undefined;
};

export interface ScheduleResult {
  sessions: SessionDraft[];
  /** Set when the schedule could not be expanded: its content as German prose. */
  dateText?: string;
}

/** German rendering of a schedule for the normaliser (and people) to read. */
export function describeSchedule(schedule: JsonObject): string {
  const parts: string[] = [];
  const from = str(schedule["startDate"]);
  const to = str(schedule["endDate"]);
  if (from) parts.push(`ab ${from}`);
  if (to) parts.push(`bis ${to}`);
  const days = asArray(schedule["byDay"])
    .map((d) => DAY_INDEX[enumName(d)?.toLowerCase() ?? ""])
    .filter((d): d is number => d !== undefined)
    .map((d) => GERMAN_DAY[d]);
  if (days.length) parts.push(`jeweils ${days.join(", ")}`);
  const start = str(schedule["startTime"]);
  const end = str(schedule["endTime"]);
  if (start) parts.push(end ? `${start}–${end} Uhr` : `ab ${start} Uhr`);
  const freq = str(schedule["repeatFrequency"]);
  if (freq) parts.push(`Wiederholung ${freq}`);
  const count = str(schedule["repeatCount"]);
  if (count) parts.push(`${count} Termine`);
  const zone = str(schedule["scheduleTimezone"]);
  if (zone) parts.push(`Zeitzone ${zone}`);
  return `Terminplan: ${parts.join(", ")}`;
}

export function expandSchedule(value: unknown): ScheduleResult {
  const schedule = isObject(value) ? value : undefined;
  if (!schedule) return { sessions: [] };
  const zone = str(schedule["scheduleTimezone"]);
  const first = dateOnly(schedule["startDate"]);
  const last = dateOnly(schedule["endDate"]);
  const count = Number(str(schedule["repeatCount"]) ?? NaN);
  const step = intervalDays(schedule["repeatFrequency"]);
  const byDay = asArray(schedule["byDay"])
    .map((d) => DAY_INDEX[enumName(d)?.toLowerCase() ?? ""])
    .filter((d): d is number => d !== undefined);
  const hasEnd = last !== undefined || Number.isInteger(count);
  const expandable =
    first !== undefined && step !== undefined && hasEnd && (zone === undefined || zone === "Europe/Berlin");
  if (!expandable) return { sessions: [], dateText: describeSchedule(schedule) };

  const except = new Set(asArray(schedule["exceptDate"]).map((d) => str(d)?.slice(0, 10)));
  const startTime = timeOf(schedule["startTime"]);
  const endTime = timeOf(schedule["endTime"]);
  const sessions: SessionDraft[] = [];
  const limit = Number.isInteger(count) ? Math.min(count, MAX_OCCURRENCES) : MAX_OCCURRENCES;
  // Weekly rules with byDay walk day by day and keep matching weekdays in every n-th week;
  // rules without byDay simply step by their interval from the first date.
  const walkDays = byDay.length > 0 && step % 7 === 0;
  const weekStep = step / 7;
  for (let day = first; sessions.length < limit; day += walkDays ? DAY_MS : step * DAY_MS) {
    if (last !== undefined && day > last) break;
    if (day - first > 5 * 366 * DAY_MS) break;
    if (walkDays) {
      const week = Math.floor((day - first) / (7 * DAY_MS));
      if (week % weekStep !== 0 || !byDay.includes(new Date(day).getUTCDay())) continue;
    }
    const date = isoDay(day);
    if (except.has(date)) continue;
    sessions.push(
      startTime
        ? { start: `${date}T${startTime}`, end: endTime ? `${date}T${endTime}` : null }
        : { start: date, end: date, allDay: true },
    );
  }
  return { sessions };
}
