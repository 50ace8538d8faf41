import type { SessionDraft } from "../adapters/types.ts";
import type { NormalisedSession } from "./types.ts";
import { berlinDay, dayFromNumber, dayNumber, isValidDay, parseIso, wallIso, ZONE, type Day } from "./berlin.ts";

export { ZONE };

/**
 * German dates and times → sessions in Europe/Berlin.
 *
 * Output: ISO 8601 with the offset of that day ("2027-03-18T14:00:00+01:00", summer
 * "+02:00"). All-day sessions start at 00:00 of the first day and END AT 23:59:00 OF THE
 * LAST DAY (inclusive), never null: a filter "runs on day X" then needs no special case
 * and an all-day range keeps its length. Timed sessions without a stated end ("ab 18 Uhr")
 * have `end: null`.
 *
 * Years: a date without a year takes the year of another date in the same text; failing
 * that, the next occurrence on or after (reference date − 30 days). The reference date is
 * an input; nothing here reads the clock.
 */

const PAST_TOLERANCE_DAYS = 30;
/** A date field longer than this is not a date field; the cap also bounds regex work. */
const MAX_DATE_TEXT = 2000;

export interface DateParseResult {
  sessions: NormalisedSession[];
  warnings: string[];
}

// Abbreviations and spellings seen in provider texts; keys are lower case without dot.
const MONTHS: Readonly<Record<string, number>> = {
  januar: 1,
  jan: 1,
  jänner: 1,
  jaenner: 1,
  februar: 2,
  feb: 2,
  febr: 2,
  märz: 3,
  maerz: 3,
  marz: 3,
  mär: 3,
  mrz: 3,
  april: 4,
  apr: 4,
  mai: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  dezember: 12,
  dez: 12,
};

const MONTH_ALTERNATION = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

// ---------------------------------------------------------------- structured drafts

const END_OF_DAY = 23 * 60 + 59;

function allDaySession(first: Day, last: Day): NormalisedSession {
  const lastDay = dayNumber(last) < dayNumber(first) ? first : last;
  return { start: wallIso(first, 0), end: wallIso(lastDay, END_OF_DAY), allDay: true };
}

/** One SessionDraft (ISO forms of the adapter contract) → a session, or null if unreadable. */
export function normaliseSessionDraft(draft: SessionDraft): NormalisedSession | null {
  const start = parseIso(draft.start);
  if (!start) return null;
  const endRaw = draft.end?.trim() ? draft.end.trim() : null;
  const end = endRaw ? parseIso(endRaw) : null;
  if (draft.allDay === true || start.dateOnly) return allDaySession(start.time.day, (end ?? start).time.day);
  if (!end || end.time.ms < start.time.ms) return { start: start.time.iso, end: null, allDay: false };
  return { start: start.time.iso, end: end.time.iso, allDay: false };
}

// ---------------------------------------------------------------- prose

interface TimeSpan {
  startMin: number;
  endMin: number | null;
}

interface DateAtom {
  day: number;
  month: number | null;
  year: number | null;
  index: number;
  length: number;
}

/** Dashes, "bis" and non-breaking spaces in one spelling, so the patterns stay short. */
function canonical(text: string): string {
  return text
    .replace(/[\u00a0\u2009\u202f]/g, " ")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/&ndash;|&mdash;/g, "-");
}

const RANGE_SEP = String.raw`\s*(?:-|bis(?:\s+zum)?|\/)\s*`;
const HM = String.raw`(\d{1,2})(?:[:.](\d{2}))?`;

// Times are read first and blanked out, so "14.00" is never mistaken for a date.
const TIME_PATTERNS: readonly RegExp[] = [
  // "14–17:30 Uhr", "9 bis 16 Uhr", "9:00 Uhr - 16:30 Uhr", "ab 18 Uhr"
  new RegExp(String.raw`(?<![\d.:])(ab\s+)?${HM}\s*(?:Uhr)?(?:${RANGE_SEP}${HM})?\s*Uhr`, "gi"),
  // "09:00-16:00", "9:00 - 16:30" (colons only: "18.03 - 20.03" is a date range)
  new RegExp(String.raw`(?<![\d.:])(\d{1,2}):(\d{2})${RANGE_SEP}(\d{1,2}):(\d{2})(?![\d])`, "g"),
  // a lone "18:30"
  new RegExp(String.raw`(?<![\d.:])(ab\s+)?(\d{1,2}):(\d{2})(?![\d.:])`, "gi"),
];

const toMinutes = (h: string | undefined, m: string | undefined): number | null => {
  if (h === undefined) return null;
  const hour = Number(h);
  const minute = m === undefined ? 0 : Number(m);
  if (hour > 24 || minute > 59) return null;
  return hour * 60 + minute;
};

function readTime(match: RegExpExecArray, patternIndex: number): TimeSpan | null {
  const g = match;
  const [s, e] =
    patternIndex === 0
      ? [toMinutes(g[2], g[3]), toMinutes(g[4], g[5])]
      : patternIndex === 1
        ? [toMinutes(g[1], g[2]), toMinutes(g[3], g[4])]
        : [toMinutes(g[2], g[3]), null];
  if (s === null) return null;
  return { startMin: s, endMin: e };
}

function extractTimes(text: string): { times: TimeSpan[]; rest: string } {
  let rest = text;
  const found: { index: number; span: TimeSpan }[] = [];
  TIME_PATTERNS.forEach((pattern, patternIndex) => {
    pattern.lastIndex = 0;
    rest = rest.replace(pattern, (...args: unknown[]) => {
      const matchText = String(args[0]);
      const groups = args.slice(0, -2).map((a) => (typeof a === "string" ? a : undefined));
      const index = Number(args[args.length - 2]);
      const exec = Object.assign(groups, { index, input: rest }) as unknown as RegExpExecArray;
      const span = readTime(exec, patternIndex);
      if (span) found.push({ index, span });
      return span ? " ".repeat(matchText.length) : matchText;
    });
  });
  found.sort((a, b) => a.index - b.index);
  return { times: found.map((f) => f.span), rest };
}

const DATE_PATTERN = new RegExp(
  [
    // 18.03.2027, 3.5.27, 18.03.
    String.raw`(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}|\d{2})(?![\d.:]))?`,
    // 18. März 2027, 3. Sept. 2027, 18 März
    String.raw`(?<![\d.])(\d{1,2})\.?\s*(${MONTH_ALTERNATION})\b\.?(?:\s*(\d{4})(?!\d))?`,
    // the "18." of "18.–19.03.2027" / "18. bis 20. März"
    String.raw`(?<![\d.])(\d{1,2})\.(?=${RANGE_SEP}\d{1,2}\.)`,
    // ISO dates inside prose
    String.raw`(\d{4})-(\d{2})-(\d{2})`,
  ].join("|"),
  "gi",
);

function extractDates(text: string): DateAtom[] {
  const atoms: DateAtom[] = [];
  DATE_PATTERN.lastIndex = 0;
  for (let m = DATE_PATTERN.exec(text); m; m = DATE_PATTERN.exec(text)) {
    const year = (y: string | undefined): number | null =>
      y === undefined ? null : y.length === 2 ? 2000 + Number(y) : Number(y);
    let atom: Omit<DateAtom, "index" | "length"> | null = null;
    if (m[1] !== undefined) atom = { day: Number(m[1]), month: Number(m[2]), year: year(m[3]) };
    else if (m[4] !== undefined)
      atom = { day: Number(m[4]), month: MONTHS[(m[5] ?? "").toLowerCase()] ?? null, year: year(m[6]) };
    else if (m[7] !== undefined) atom = { day: Number(m[7]), month: null, year: null };
    else if (m[8] !== undefined) atom = { day: Number(m[10]), month: Number(m[9]), year: Number(m[8]) };
    if (atom && atom.day >= 1 && atom.day <= 31 && (atom.month === null || (atom.month >= 1 && atom.month <= 12)))
      atoms.push({ ...atom, index: m.index, length: m[0].length });
  }
  return atoms;
}

interface DayGroup {
  first: DateAtom;
  last: DateAtom;
}

const RANGE_BETWEEN = /^[\s,]*(?:-|bis(?:\s+zum)?|\/)[\s,]*$/i;

/** Pairs atoms joined by "–"/"bis" into ranges; the right side lends month and year. */
function groupRanges(text: string, atoms: DateAtom[]): DayGroup[] {
  const groups: DayGroup[] = [];
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    const b = atoms[i + 1];
    const between = b ? text.slice(a.index + a.length, b.index) : "";
    if (b && RANGE_BETWEEN.test(between)) {
      const month = a.month ?? b.month;
      // "28.12. – 3.1.2028": a first day later in the year than the last belongs to the year before.
      const wraps = month !== null && b.month !== null && (month > b.month || (month === b.month && a.day > b.day));
      const year = a.year ?? (b.year !== null && wraps ? b.year - 1 : b.year);
      groups.push({ first: { ...a, month, year }, last: b });
      i++;
    } else {
      groups.push({ first: a, last: a });
    }
  }
  return groups;
}

function inferYear(month: number, day: number, reference: Day): number {
  const threshold = dayNumber(reference) - PAST_TOLERANCE_DAYS;
  const year = dayFromNumber(threshold).year;
  const candidate = { year, month, day };
  return isValidDay(candidate) && dayNumber(candidate) >= threshold ? year : year + 1;
}

function fillYears(groups: DayGroup[], reference: Day): DayGroup[] {
  const known = groups.flatMap((g) => [g.first.year, g.last.year]).filter((y): y is number => y !== null);
  // Another date of the same text is the best context; the reference date is the fallback.
  const contextYear = known.length > 0 ? known[known.length - 1]! : null;
  const fill = (atom: DateAtom): DateAtom => {
    if (atom.year !== null || atom.month === null) return atom;
    return { ...atom, year: contextYear ?? inferYear(atom.month, atom.day, reference) };
  };
  return groups.map((g) => {
    const last = fill(g.last);
    const wraps =
      g.first.month !== null &&
      last.month !== null &&
      (g.first.month > last.month || (g.first.month === last.month && g.first.day > last.day));
    const first =
      g.first.year === null && g.first.month !== null && last.year !== null
        ? { ...g.first, year: wraps ? last.year - 1 : last.year }
        : g.first;
    return { first, last };
  });
}

const toDay = (a: DateAtom): Day | null => {
  if (a.month === null || a.year === null) return null;
  const d = { year: a.year, month: a.month, day: a.day };
  return isValidDay(d) ? d : null;
};

function timedSession(day: Day, span: TimeSpan): NormalisedSession {
  const start = wallIso(day, span.startMin);
  if (span.endMin === null) return { start, end: null, allDay: false };
  // "22–2 Uhr" ends next morning.
  const endMin = span.endMin <= span.startMin ? span.endMin + 1440 : span.endMin;
  return { start, end: wallIso(day, endMin), allDay: false };
}

function eachDay(first: Day, last: Day): Day[] {
  const days: Day[] = [];
  // A range longer than a year is a typo, not a course: stop instead of emitting hundreds.
  for (let n = dayNumber(first); n <= dayNumber(last) && days.length < 366; n++) days.push(dayFromNumber(n));
  return days;
}

// ISO weekday (1 = Monday) of German weekday names and their abbreviations.
const WEEKDAYS: Readonly<Record<string, number>> = {
  mo: 1,
  montag: 1,
  di: 2,
  dienstag: 2,
  mi: 3,
  mittwoch: 3,
  do: 4,
  donnerstag: 4,
  fr: 5,
  freitag: 5,
  sa: 6,
  samstag: 6,
  sonnabend: 6,
  so: 7,
  sonntag: 7,
};
const WEEKDAY_BEFORE = /\b([a-zA-Z]{2,10})\.?,?\s*(?:den\s+)?$/;

/** A weekday written before a date that does not fit it is a typo in one of the two: say so, keep the date. */
function weekdayMismatches(text: string, groups: DayGroup[]): string[] {
  const out: string[] = [];
  for (const g of groups) {
    const stated = WEEKDAY_BEFORE.exec(text.slice(Math.max(0, g.first.index - 16), g.first.index))?.[1]?.toLowerCase();
    const expected = stated ? WEEKDAYS[stated] : undefined;
    const day = toDay(g.first);
    if (!expected || !day) continue;
    const actual = ((Math.floor(dayNumber(day)) + 3) % 7) + 1; // 1970-01-01 was a Thursday
    if (actual !== expected)
      out.push(
        `Wochentag passt nicht zum Datum: „${text.slice(Math.max(0, g.first.index - 16), g.first.index + g.first.length).trim()}“`,
      );
  }
  return out;
}

/**
 * Reads German date/time prose ("Do., 18. März 2027, 14–17:30 Uhr",
 * "18.–19.03.2027, jeweils 9–16 Uhr", "Termine: 12.04.2027, 26.04.2027 jeweils 18–20 Uhr").
 */
export function parseGermanDates(text: string, referenceDate: Date): DateParseResult {
  const reference = berlinDay(referenceDate);
  const clean = canonical(text.slice(0, MAX_DATE_TEXT));
  const { times, rest } = extractTimes(clean);
  const atoms = extractDates(rest);
  if (atoms.length === 0) {
    return { sessions: [], warnings: [`Datum nicht lesbar: „${text.trim()}“`] };
  }
  const groups = fillYears(groupRanges(rest, atoms), reference);
  const warnings: string[] = weekdayMismatches(rest, groups);
  const sessions: NormalisedSession[] = [];
  // Times pair with dates one to one when the counts match ("3.5. 9–12 Uhr und 5.5. 14–17 Uhr"),
  // otherwise the first stated time applies to every day ("jeweils 18–20 Uhr").
  const pairTimes = times.length === groups.length && times.length > 1;
  // "18.03.2027, 9 Uhr bis 19.03.2027, 13 Uhr": one stretch from the first time to the second.
  const only = groups.length === 1 ? groups[0] : undefined;
  const [t0, t1] = times;
  if (only && times.length === 2 && t0 && t1 && t0.endMin === null && t1.endMin === null) {
    const first = toDay(only.first);
    const last = toDay(only.last);
    if (first && last && dayNumber(last) > dayNumber(first))
      return {
        sessions: [{ start: wallIso(first, t0.startMin), end: wallIso(last, t1.startMin), allDay: false }],
        warnings,
      };
  }
  groups.forEach((g, i) => {
    const first = toDay(g.first);
    const last = toDay(g.last);
    if (!first || !last || dayNumber(last) < dayNumber(first)) {
      warnings.push(`Datum nicht lesbar: „${text.slice(0, 200).trim()}“`);
      return;
    }
    const span = pairTimes ? times[i] : times[0];
    if (!span) {
      sessions.push(allDaySession(first, last));
      return;
    }
    for (const day of eachDay(first, last)) sessions.push(timedSession(day, span));
  });
  sessions.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return { sessions: dedupe(sessions), warnings };
}

function dedupe(sessions: NormalisedSession[]): NormalisedSession[] {
  const seen = new Set<string>();
  return sessions.filter((s) => {
    const key = `${s.start}|${s.end ?? ""}|${s.allDay}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Only the times of a text ("09:00-16:00", "9 bis 16 Uhr"), for formats that give dates and times apart. */
export function parseGermanTimes(text: string): { startMin: number; endMin: number | null }[] {
  return extractTimes(canonical(text)).times;
}

/** Gives all-day sessions the time a separate text states ("jeweils 9–16 Uhr"). */
function applyTimes(sessions: NormalisedSession[], text: string): NormalisedSession[] {
  const span = parseGermanTimes(text)[0];
  if (!span || sessions.some((s) => !s.allDay)) return sessions;
  return sessions.flatMap((s) => {
    const first = parseIso(s.start)?.time.day;
    const last = (s.end ? parseIso(s.end)?.time.day : undefined) ?? first;
    return first && last ? eachDay(first, last).map((day) => timedSession(day, span)) : [s];
  });
}

export interface ResolvedSessions extends DateParseResult {
  /** Raw date text kept when nothing could be read. */
  rawDate: string | null;
}

/**
 * Structured sessions win over prose; prose is read only when the format gave no
 * readable dates. Unreadable input yields no session, a German warning and the raw text.
 */
export function resolveSessions(
  draft: { sessions: SessionDraft[]; dateText?: string },
  referenceDate: Date,
): ResolvedSessions {
  const warnings: string[] = [];
  const structured: NormalisedSession[] = [];
  const unreadable: string[] = [];
  for (const s of draft.sessions) {
    const n = normaliseSessionDraft(s);
    if (n) structured.push(n);
    else unreadable.push(s.start);
  }
  for (const u of unreadable) warnings.push(`Datum nicht lesbar: „${u}“`);
  if (structured.length > 0) {
    structured.sort((a, b) => (a.start < b.start ? -1 : 1));
    const dateText = draft.dateText?.trim();
    // A date text without dates of its own only adds times to all-day structured dates.
    const timed =
      dateText && extractDates(extractTimes(canonical(dateText)).rest).length === 0
        ? applyTimes(structured, dateText)
        : structured;
    return { sessions: dedupe(timed), warnings, rawDate: unreadable.length ? unreadable.join(" | ") : null };
  }
  const text = draft.dateText?.trim();
  if (!text) {
    if (unreadable.length) return { sessions: [], warnings, rawDate: unreadable.join(" | ") };
    return { sessions: [], warnings: [...warnings, "Kein Termin angegeben"], rawDate: null };
  }
  const prose = parseGermanDates(text, referenceDate);
  const rawParts = [...unreadable, ...(prose.sessions.length === 0 ? [text] : [])];
  return {
    sessions: prose.sessions,
    warnings: [...warnings, ...prose.warnings],
    rawDate: rawParts.length ? rawParts.join(" | ") : null,
  };
}
