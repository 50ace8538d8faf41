/**
 * One spreadsheet row → OfferDraft, shared by the CSV and XLSX adapters. Cells are kept as
 * the provider wrote them; only ISO dates (and a plain "09:00–16:00" time cell beside an
 * ISO date) become sessions, everything else goes to `dateText` for the normaliser.
 */
import { createHash } from "node:crypto";
import type { LocationDraft, OfferDraft, ParseWarning, SessionDraft } from "../types.ts";
import type { TargetField } from "./headers.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/;
const TIME_RANGE = /^(\d{1,2})[:.](\d{2})\s*(?:Uhr)?\s*(?:(?:-|–|—|bis)\s*(\d{1,2})[:.](\d{2})\s*(?:Uhr)?)?$/i;

/** Values of an attendance column, tried in order (hybrid first: "hybrid (online + Präsenz)"). */
const ATTENDANCE_VALUES: readonly [RegExp, NonNullable<OfferDraft["attendance"]>][] = [
  [/hybrid|blended/i, "MIXED"],
  [/online|digital|virtuell|webinar|zoom|live-?stream/i, "ONLINE"],
  [/pr(ä|ae)senz|vor ort/i, "OFFLINE"],
];
const YES_VALUES = new Set(["ja", "j", "x", "yes", "true", "wahr", "1", "online"]);
const NO_VALUES = new Set(["nein", "n", "no", "false", "falsch", "0", "-"]);

/** Fields that take every column mapped to them; the others take the first. */
const MULTI_VALUED: ReadonlySet<TargetField> = new Set([
  "description",
  "notes",
  "keywords",
  "audience",
  "attendance",
  "online",
]);

export interface MappedRecord {
  draft?: OfferDraft;
  warning?: ParseWarning;
}

/** Collects the cells per target field, in column order. */
function collect(record: Record<string, string>, headerMap: Record<string, TargetField>) {
  const byField = new Map<TargetField, { header: string; value: string }[]>();
  const extra: Record<string, string> = {};
  for (const [header, raw] of Object.entries(record)) {
    const value = raw.trim();
    if (value === "") continue;
    const field = headerMap[header];
    if (field === undefined) {
      extra[header] = value;
      continue;
    }
    const cells = byField.get(field) ?? [];
    cells.push({ header, value });
    byField.set(field, cells);
  }
  return { byField, extra };
}

function twoDigits(n: string): string {
  return n.padStart(2, "0");
}

function normaliseIsoDateTime(value: string): string | undefined {
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return undefined;
  return `${m[1]}T${m[2]}${m[3] ?? ""}`;
}

/** Sessions when the cells are unambiguous ISO; undefined means "leave it to dateText". */
export function sessionsFromCells(start?: string, end?: string, time?: string): SessionDraft[] | undefined {
  if (start === undefined) return undefined;
  const startDateTime = normaliseIsoDateTime(start);
  const endDateTime = end === undefined ? undefined : normaliseIsoDateTime(end);
  if (end !== undefined && endDateTime === undefined && !ISO_DATE.test(end)) return undefined;
  const times = time === undefined ? undefined : TIME_RANGE.exec(time);
  if (time !== undefined && !times) return undefined;
  const from = times ? `${twoDigits(times[1] ?? "")}:${times[2]}` : undefined;
  const to = times?.[3] !== undefined ? `${twoDigits(times[3])}:${times[4]}` : undefined;

  if (startDateTime !== undefined) {
    if (endDateTime !== undefined) return [{ start: startDateTime, end: endDateTime }];
    const endDay = end ?? start.slice(0, 10);
    return [{ start: startDateTime, end: to !== undefined ? `${endDay}T${to}` : null }];
  }
  if (!ISO_DATE.test(start)) return undefined;
  if (endDateTime !== undefined) {
    return [{ start: from !== undefined ? `${start}T${from}` : start, end: endDateTime }];
  }
  const sameDay = end === undefined || end === start;
  if (from !== undefined) {
    // "02.–03.06., 09:00–16:00" may mean two days of teaching or one span: not ours to decide.
    if (!sameDay) return undefined;
    return [{ start: `${start}T${from}`, end: to !== undefined ? `${start}T${to}` : null }];
  }
  // A start date alone says nothing about the last day: the end stays unknown.
  return [{ start, end: end ?? null, allDay: true }];
}

function dateProse(start?: string, end?: string, time?: string): string | undefined {
  const days = [start, end].filter((v): v is string => v !== undefined).join(" – ");
  const text = [days, time].filter((v) => v !== undefined && v !== "").join(", ");
  return text === "" ? undefined : text;
}

function attendanceOf(field: "attendance" | "online", value: string): OfferDraft["attendance"] {
  if (field === "online") {
    const key = value.toLowerCase();
    if (YES_VALUES.has(key)) return "ONLINE";
    if (NO_VALUES.has(key)) return "OFFLINE";
  }
  return ATTENDANCE_VALUES.find(([pattern]) => pattern.test(value))?.[1];
}

function splitList(value: string, separators = /[;,|\n]/): string[] {
  return value
    .split(separators)
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

/** Stable key for rows without an ID column: the same title and start give the same key. */
export function stableKey(title: string, start: string | undefined): string {
  const digest = createHash("sha256")
    .update(`${title.trim().toLowerCase()}\u0000${(start ?? "").trim()}`)
    .digest("hex");
  return `row-${digest.slice(0, 16)}`;
}

function teachingUnitsOf(value: string): number | undefined {
  const m = /^(\d+(?:[.,]\d+)?)(?:\s*UE)?$/i.exec(value);
  return m?.[1] === undefined ? undefined : Number(m[1].replace(",", "."));
}

/**
 * Maps one row. `record` is header → cell text; `headerMap` says which header feeds which
 * field (unmapped headers land in `extra`); `rowNumber` is the 1-based line for warnings.
 */
export function mapRecord(
  record: Record<string, string>,
  headerMap: Record<string, TargetField>,
  rowNumber: number,
): MappedRecord {
  const { byField, extra } = collect(record, headerMap);
  const first = (field: TargetField): string | undefined => byField.get(field)?.[0]?.value;
  const all = (field: TargetField) => byField.get(field) ?? [];

  const title = first("title");
  if (title === undefined) {
    if (byField.size === 0 && Object.keys(extra).length === 0) return {};
    return { warning: { field: "Titel", message: `Zeile ${rowNumber}: Titel fehlt, Zeile übersprungen` } };
  }

  const start = first("start");
  const end = first("end");
  const time = first("time");
  const draft: OfferDraft = {
    sourceKey: first("sourceKey") ?? stableKey(title, start),
    title,
    sessions: [],
  };

  const sessions = sessionsFromCells(start, end, time);
  if (sessions) draft.sessions = sessions;
  else {
    const prose = dateProse(start, end, time);
    if (prose !== undefined) draft.dateText = prose;
  }

  const location: LocationDraft = {};
  const name = first("locationName");
  const street = first("street");
  const postalCode = first("postalCode");
  const locality = first("locality");
  if (name !== undefined) location.name = name;
  if (street !== undefined) location.street = street;
  if (postalCode !== undefined) location.postalCode = postalCode;
  if (locality !== undefined) location.locality = locality;
  if (Object.keys(location).length > 0) draft.location = location;
  const place = [name, street, [postalCode, locality].filter(Boolean).join(" ")].filter(
    (v): v is string => v !== undefined && v !== "",
  );
  const locationText = first("locationText") ?? (place.length > 0 ? place.join(", ") : undefined);
  if (locationText !== undefined) draft.locationText = locationText;

  const description = all("description").map((c) => c.value);
  if (description.length > 0) draft.description = description.join("\n\n");
  const url = first("url");
  if (url !== undefined) draft.url = url;
  const registrationUrl = first("registrationUrl");
  if (registrationUrl !== undefined) draft.registrationUrl = registrationUrl;
  const deadline = first("registrationDeadline");
  if (deadline !== undefined) draft.registrationDeadline = deadline;
  const organizer = first("organizer");
  if (organizer !== undefined) draft.organizer = organizer;
  const priceText = first("priceText");
  if (priceText !== undefined) draft.priceText = priceText;

  const units = first("teachingUnits");
  const unitsProse = byField.get("teachingUnitsText")?.[0];
  if (units !== undefined) {
    draft.teachingUnitsText = /^\d+(?:[.,]\d+)?$/.test(units) ? `${units} UE` : units;
    const n = teachingUnitsOf(units);
    if (n !== undefined) draft.teachingUnits = n;
  } else if (unitsProse !== undefined) {
    // A bare "8" under "Stunden" only means something with its column name beside it.
    draft.teachingUnitsText = /^\d+(?:[.,]\d+)?$/.test(unitsProse.value)
      ? `${unitsProse.value} ${unitsProse.header}`
      : unitsProse.value;
  }

  // Commas stay: "Fachkräfte, die im Quartier arbeiten" is one audience, not two.
  const audience = all("audience").flatMap((c) => splitList(c.value, /[;|\n]/));
  if (audience.length > 0) draft.audienceText = audience;
  const keywords = [...new Set(all("keywords").flatMap((c) => splitList(c.value)))];
  if (keywords.length > 0) draft.keywords = keywords;

  const notes: string[] = all("notes").map((c) => `${c.header}: ${c.value}`);
  for (const field of ["attendance", "online"] as const) {
    for (const cell of all(field)) {
      notes.push(`${cell.header}: ${cell.value}`);
      draft.attendance ??= attendanceOf(field, cell.value);
    }
  }
  if (draft.attendance === undefined) delete draft.attendance;
  if (notes.length > 0) draft.notes = notes;
  // A second column feeding a single-valued field is kept for review, not dropped.
  for (const [field, cells] of byField) {
    if (MULTI_VALUED.has(field)) continue;
    for (const cell of cells.slice(1)) extra[cell.header] = cell.value;
  }
  if (Object.keys(extra).length > 0) draft.extra = extra;
  return { draft };
}
