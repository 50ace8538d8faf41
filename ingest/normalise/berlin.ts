import { DateTime } from "luxon";

/**
 * Calendar days and wall-clock times in Europe/Berlin, formatted as ISO with the offset
 * of that moment. luxon knows the zone's rules, but asks Intl for every offset, which
 * cost most of the normaliser's time; offsets are therefore cached per calendar day, and
 * only days on which the offset changes (the two DST switches a year) go through luxon
 * for every time.
 */

export const ZONE = "Europe/Berlin";

export interface Day {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 (a plain counter; no zone involved). */
export const dayNumber = (d: Day): number => Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY;

export function dayFromNumber(n: number): Day {
  const t = new Date(n * MS_PER_DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function isValidDay(d: Day): boolean {
  if (d.year < 1000 || d.year > 9999) return false;
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return t.getUTCMonth() === d.month - 1 && t.getUTCDate() === d.day;
}

// day number → offset in minutes valid for the whole day, or NaN on a DST switch day.
const offsets = new Map<number, number>();

function offsetOfDay(n: number): number | null {
  let offset = offsets.get(n);
  if (offset === undefined) {
    const d = dayFromNumber(n);
    const morning = DateTime.fromObject({ ...d, hour: 0 }, { zone: ZONE }).offset;
    const night = DateTime.fromObject({ ...d, hour: 23, minute: 59 }, { zone: ZONE }).offset;
    offset = morning === night ? morning : Number.NaN;
    offsets.set(n, offset);
  }
  return Number.isNaN(offset) ? null : offset;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

const formatOffset = (minutes: number): string => {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
};

const luxonIso = (dt: DateTime): string => dt.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? "";

/** ISO of a wall-clock time on a Berlin day; minutes ≥ 1440 fall on the following days. */
export function wallIso(day: Day, minutes: number): string {
  const n = dayNumber(day) + Math.floor(minutes / 1440);
  const m = ((minutes % 1440) + 1440) % 1440;
  const d = dayFromNumber(n);
  const offset = offsetOfDay(n);
  if (offset === null) {
    return luxonIso(DateTime.fromObject({ ...d, hour: Math.floor(m / 60), minute: m % 60 }, { zone: ZONE }));
  }
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}T${pad(Math.floor(m / 60))}:${pad(m % 60)}:00${formatOffset(offset)}`;
}

export interface BerlinTime {
  day: Day;
  minutes: number;
  iso: string;
  /** Epoch milliseconds, for ordering. */
  ms: number;
}

function fromWall(day: Day, minutes: number): BerlinTime {
  const iso = wallIso(day, minutes);
  return { day, minutes, iso, ms: Date.parse(iso) };
}

/** The Berlin wall time of an instant. */
export function fromInstant(ms: number): BerlinTime {
  // The offset of the UTC day is right except in the hours around a switch; those go through luxon.
  const guess = offsetOfDay(Math.floor(ms / MS_PER_DAY));
  const guessNext = offsetOfDay(Math.floor((ms + 2 * 3_600_000) / MS_PER_DAY));
  if (guess !== null && guess === guessNext) {
    const local = new Date(ms + guess * 60_000);
    const day = { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
    const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
    return { day, minutes, iso: wallIso(day, minutes), ms };
  }
  const dt = DateTime.fromMillis(ms, { zone: ZONE });
  return {
    day: { year: dt.year, month: dt.month, day: dt.day },
    minutes: dt.hour * 60 + dt.minute,
    iso: luxonIso(dt),
    ms,
  };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

export interface ParsedIso {
  time: BerlinTime;
  /** true when the value was a date without a time. */
  dateOnly: boolean;
}

/**
 * An ISO 8601 value in Berlin: with offset or Z it is an instant; a local date-time is
 * Berlin wall time; a date alone is that day. Other ISO forms go through luxon.
 */
export function parseIso(value: string): ParsedIso | null {
  const v = value.trim();
  const m = ISO.exec(v);
  if (!m) {
    const dt = DateTime.fromISO(v, { zone: ZONE });
    return dt.isValid ? { time: fromInstant(dt.toMillis()), dateOnly: false } : null;
  }
  const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!isValidDay(day)) return null;
  if (m[4] === undefined) return { time: fromWall(day, 0), dateOnly: true };
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  if (hour > 24 || minute > 59) return null;
  const zone = m[7];
  if (!zone) return { time: fromWall(day, hour * 60 + minute), dateOnly: false };
  const seconds = Number(m[6] ?? "0");
  let offsetMin = 0;
  if (zone.toUpperCase() !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    offsetMin = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0")) * (zone.startsWith("-") ? -1 : 1);
  }
  const ms = Date.UTC(day.year, day.month - 1, day.day, hour, minute, seconds) - offsetMin * 60_000;
  return { time: fromInstant(ms), dateOnly: false };
}

/** Today's Berlin day of an instant. */
export const berlinDay = (date: Date): Day => fromInstant(date.getTime()).day;

export { fromWall };
