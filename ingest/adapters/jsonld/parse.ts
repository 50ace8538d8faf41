/**
 * schema.org JSON-LD → OfferDrafts. Reads every `application/ld+json` block of a page (or a bare
 * JSON document), flattens arrays, `@graph` and `ItemList`s, resolves `@id` references and turns
 * each Event (any subtype) and each Course run into a draft. Structured values stay structured;
 * the adapter interprets nothing the source did not state.
 */
import { load } from "cheerio/slim";
import type { FeedInput, LocationDraft, OfferDraft, ParseResult, ParseWarning, SessionDraft } from "../types.ts";
import { htmlToText, resolveUrl, stableHash } from "../html/text.ts";
import { extractProse } from "../rss/prose.ts";
import { parseLenientJson } from "./lenient-json.ts";
import { expandSchedule } from "./schedule.ts";
import {
  asArray,
  enumName,
  isObject,
  isTrue,
  isoDate,
  names,
  parseAmount,
  str,
  typeNames,
  type JsonObject,
} from "./values.ts";

/** Event subtypes of schema.org that are not spelled "…Event". */
const EVENT_TYPES = new Set(["Festival", "Hackathon", "CourseInstance", "EventSeries"]);
const isEventType = (type: string): boolean => type.endsWith("Event") || EVENT_TYPES.has(type);
const isEvent = (node: JsonObject): boolean => typeNames(node).some(isEventType);
const isCourse = (node: JsonObject): boolean => typeNames(node).includes("Course");

const ATTENDANCE: Record<string, OfferDraft["attendance"]> = {
  OnlineEventAttendanceMode: "ONLINE",
  OfflineEventAttendanceMode: "OFFLINE",
  MixedEventAttendanceMode: "MIXED",
};
/** CourseInstance.courseMode is free text; these are the values seen in the wild. */
const COURSE_MODE: Record<string, OfferDraft["attendance"]> = {
  online: "ONLINE",
  distance: "ONLINE",
  "distance learning": "ONLINE",
  virtual: "ONLINE",
  onsite: "OFFLINE",
  "on-site": "OFFLINE",
  "in-person": "OFFLINE",
  präsenz: "OFFLINE",
  blended: "MIXED",
  hybrid: "MIXED",
};
/** Non-standard property names under which providers state teaching units. */
const UNIT_PROPERTIES = ["teachingUnits", "unterrichtseinheiten", "UE"];

// ---------------------------------------------------------------------------------------------
// Blocks

export interface JsonLdBlock {
  /** "Block 2" or "Dokument", for warnings. */
  label: string;
  raw: string;
}

const LD_TYPE = /^application\/ld\+json\b/i;

export function looksLikeJson(text: string): boolean {
  return /^\s*(?:\uFEFF)?[[{]/.test(text);
}

/** The JSON-LD texts of a page; a document that is JSON itself is one block. */
export function extractBlocks(text: string): JsonLdBlock[] {
  if (looksLikeJson(text)) return [{ label: "Dokument", raw: text }];
  const $ = load(text);
  return $("script")
    .toArray()
    .filter((el) => LD_TYPE.test(($(el).attr("type") ?? "").trim()))
    .map((el, i) => ({ label: `Block ${i + 1}`, raw: $(el).text() }));
}

// ---------------------------------------------------------------------------------------------
// Graph

interface Graph {
  /** Top-level nodes in document order. */
  roots: JsonObject[];
  byId: Map<string, JsonObject>;
}

/** Where pages nest their events inside other nodes (WebPage.mainEntity, Organization.event). */
const NESTED_ROOTS = ["mainEntity", "event", "events"];

/** Arrays, `@graph`, ItemList elements and the nesting properties above all hold more top-level nodes. */
function flattenRoots(value: unknown, out: JsonObject[], depth = 0): void {
  if (depth > 8) return;
  for (const item of asArray(value)) {
    if (!isObject(item)) continue;
    if (!isEvent(item) && !isCourse(item)) for (const key of NESTED_ROOTS) flattenRoots(item[key], out, depth + 1);
    if (item["@graph"] !== undefined) flattenRoots(item["@graph"], out, depth + 1);
    const types = typeNames(item);
    if (types.includes("ItemList")) {
      for (const element of asArray(item["itemListElement"])) {
        if (isObject(element) && typeNames(element).includes("ListItem") && element["item"] !== undefined)
          flattenRoots(element["item"], out, depth + 1);
        else flattenRoots(element, out, depth + 1);
      }
    } else if (types.length > 0) out.push(item);
  }
}

function indexIds(value: unknown, byId: Map<string, JsonObject>, depth = 0): void {
  if (depth > 20) return;
  if (Array.isArray(value)) {
    for (const item of value) indexIds(item, byId, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  const id = str(value["@id"]);
  // A bare reference ({"@id": …}) must not shadow the full node it points to.
  if (id && Object.keys(value).some((k) => k !== "@id" && k !== "@type") && !byId.has(id)) byId.set(id, value);
  for (const child of Object.values(value)) indexIds(child, byId, depth + 1);
}

function buildGraph(values: unknown[]): Graph {
  const roots: JsonObject[] = [];
  const byId = new Map<string, JsonObject>();
  for (const value of values) {
    flattenRoots(value, roots);
    indexIds(value, byId);
  }
  return { roots, byId };
}

function derefWith(graph: Graph): (value: unknown) => unknown {
  return (value) => {
    if (!isObject(value)) return value;
    const id = str(value["@id"]);
    return id && Object.keys(value).every((k) => k === "@id" || k === "@type") ? (graph.byId.get(id) ?? value) : value;
  };
}

// ---------------------------------------------------------------------------------------------
// Field readers

interface Context {
  base: string;
  deref: (value: unknown) => unknown;
  warn: (warning: ParseWarning) => void;
}

interface DatePart {
  sessions: SessionDraft[];
  dateText?: string;
}

function sessionOf(node: JsonObject, ctx: Context, key: string): DatePart {
  const rawStart = str(node["startDate"]);
  const rawEnd = str(node["endDate"]);
  if (!rawStart) return { sessions: [] };
  const start = isoDate(rawStart);
  if (!start) {
    ctx.warn({
      sourceKey: key,
      field: "startDate",
      message: `Beginn nicht lesbar: "${rawStart}" – als Text übernommen`,
    });
    return { sessions: [], dateText: rawEnd ? `${rawStart} – ${rawEnd}` : rawStart };
  }
  const end = rawEnd ? isoDate(rawEnd) : undefined;
  if (rawEnd && !end) ctx.warn({ sourceKey: key, field: "endDate", message: `Ende nicht lesbar: "${rawEnd}"` });
  const session: SessionDraft = { start, end: end ?? null };
  if (start.length === 10) session.allDay = true;
  return { sessions: [session], ...(rawEnd && !end ? { dateText: `Ende: ${rawEnd}` } : {}) };
}

/**
 * Sessions of an event: its sub-events (a series), else its schedule, else its own dates. With a
 * schedule, schema.org's startDate/endDate span the whole period, so they are no meeting of their own.
 */
function readDates(node: JsonObject, ctx: Context, key: string): DatePart {
  const parts: DatePart[] = [];
  const subEvents = asArray(node["subEvent"]).map(ctx.deref).filter(isObject);
  const fromSubs = subEvents.map((sub) => sessionOf(sub, ctx, key));
  const schedules = [...asArray(node["eventSchedule"]), ...asArray(node["courseSchedule"])].map((schedule) => {
    const result = expandSchedule(ctx.deref(schedule));
    if (result.dateText)
      ctx.warn({ sourceKey: key, field: "eventSchedule", message: "Terminplan nicht auflösbar – als Text übernommen" });
    return result;
  });
  const scheduled = schedules.some((p) => p.sessions.length > 0);
  if (fromSubs.some((p) => p.sessions.length > 0 || p.dateText)) parts.push(...fromSubs);
  else if (!scheduled) parts.push(sessionOf(node, ctx, key));
  parts.push(...schedules);
  const sessions = parts.flatMap((p) => p.sessions);
  // Sub-events may repeat a date, written with or without offset: one meeting per local minute.
  const unique = sessions.filter(
    (s, i) => sessions.findIndex((o) => o.start.slice(0, 16) === s.start.slice(0, 16)) === i,
  );
  const texts = parts.map((p) => p.dateText).filter((t): t is string => !!t);
  return { sessions: unique, ...(texts.length ? { dateText: texts.join("\n") } : {}) };
}

interface PlacePart {
  location?: LocationDraft;
  locationText?: string;
  virtual: boolean;
  physical: boolean;
  virtualUrl?: string;
}

function coordinate(value: unknown): number | undefined {
  const n = typeof value === "number" ? value : Number(str(value)?.replace(",", "."));
  return Number.isFinite(n) ? n : undefined;
}

function placeOf(node: JsonObject, ctx: Context): { location: LocationDraft; text?: string } {
  const location: LocationDraft = {};
  const texts: string[] = [];
  const name = str(node["name"]);
  if (name) location.name = name;
  for (const rawAddress of asArray(node["address"])) {
    const address = ctx.deref(rawAddress);
    if (isObject(address)) {
      const fields: Array<[keyof LocationDraft, unknown]> = [
        ["street", address["streetAddress"]],
        ["postalCode", address["postalCode"]],
        ["locality", address["addressLocality"]],
        ["region", address["addressRegion"]],
        [
          "country",
          isObject(address["addressCountry"]) ? address["addressCountry"]["name"] : address["addressCountry"],
        ],
      ];
      for (const [field, value] of fields) {
        const text = str(value);
        if (text && location[field] === undefined) Object.assign(location, { [field]: text });
      }
    } else {
      const text = str(address);
      if (text) texts.push(name ? `${name}, ${text}` : text);
    }
  }
  const geo = ctx.deref(node["geo"]);
  if (isObject(geo)) {
    const latitude = coordinate(geo["latitude"]);
    const longitude = coordinate(geo["longitude"]);
    if (latitude !== undefined && longitude !== undefined) Object.assign(location, { latitude, longitude });
  }
  return texts.length ? { location, text: texts.join("\n") } : { location };
}

function readPlaces(value: unknown, ctx: Context): PlacePart {
  const part: PlacePart = { virtual: false, physical: false };
  const texts: string[] = [];
  for (const raw of asArray(value)) {
    const node = ctx.deref(raw);
    if (!isObject(node)) {
      const text = str(node);
      if (text) texts.push(text);
      continue;
    }
    if (typeNames(node).includes("VirtualLocation")) {
      part.virtual = true;
      const url = resolveUrl(str(node["url"]), ctx.base);
      if (url && !part.virtualUrl) part.virtualUrl = url;
      continue;
    }
    part.physical = true;
    const place = placeOf(node, ctx);
    if (place.text) texts.push(place.text);
    if (!part.location) part.location = place.location;
    else
      texts.push(
        Object.values(place.location)
          .filter((v) => typeof v === "string")
          .join(", "),
      );
  }
  if (texts.length) part.locationText = texts.join("\n");
  return part;
}

interface PricePart {
  price?: { amount: number; currency: string };
  priceText?: string;
  registrationUrl?: string;
  registrationDeadline?: string;
}

/** AggregateOffers carry their single offers in `offers`; both levels count. */
function flattenOffers(value: unknown, ctx: Context, depth = 0): JsonObject[] {
  return asArray(value)
    .map(ctx.deref)
    .filter(isObject)
    .flatMap((offer) =>
      depth < 3 && offer["offers"] !== undefined ? [offer, ...flattenOffers(offer["offers"], ctx, depth + 1)] : [offer],
    );
}

function readOffers(node: JsonObject, ctx: Context): PricePart {
  const part: PricePart = {};
  const lines: string[] = [];
  // Prose is only worth passing on when the single structured price does not say it all.
  let needsProse = false;
  for (const offer of flattenOffers(node["offers"], ctx)) {
    const spec = ctx.deref(asArray(offer["priceSpecification"])[0]);
    const specObj = isObject(spec) ? spec : {};
    const low = str(offer["lowPrice"]);
    const high = str(offer["highPrice"]);
    // A range ("60–90") is no single price: it stays prose.
    const range = low && high && low !== high && offer["price"] === undefined ? `${low}–${high}` : undefined;
    const rawPrice = offer["price"] ?? specObj["price"] ?? (range ? undefined : offer["lowPrice"]);
    const amount = parseAmount(rawPrice);
    const currency = str(offer["priceCurrency"]) ?? str(specObj["priceCurrency"]);
    const label = str(offer["name"]);
    if (amount !== undefined && currency && !part.price) part.price = { amount, currency };
    else if (str(rawPrice) !== undefined) needsProse = true;
    if (range || label) needsProse = true;
    const shown = range ?? str(rawPrice);
    if (shown) lines.push(`${label ? `${label}: ` : ""}${shown}${currency ? ` ${currency}` : ""}`);
    if (isTrue(offer["isAccessibleForFree"])) lines.push("kostenfrei");
    const url = resolveUrl(str(offer["url"]), ctx.base);
    if (url && !part.registrationUrl) part.registrationUrl = url;
    const deadline = str(offer["validThrough"]) ?? str(offer["availabilityEnds"]);
    if (deadline && !part.registrationDeadline) part.registrationDeadline = deadline;
  }
  if (isTrue(node["isAccessibleForFree"]) && !lines.includes("kostenfrei")) lines.push("kostenfrei");
  const unique = [...new Set(lines)];
  if (unique.length && (needsProse || unique.length > 1 || !part.price)) part.priceText = unique.join("\n");
  return part;
}

function readAudience(value: unknown, ctx: Context): string[] {
  const out: string[] = [];
  for (const raw of asArray(value)) {
    const node = ctx.deref(raw);
    const values = isObject(node)
      ? [
          ...asArray(node["audienceType"]),
          ...asArray(node["educationalRole"]),
          ...(node["audienceType"] === undefined ? [node["name"]] : []),
        ]
      : [node];
    for (const v of values) {
      const text = str(v);
      if (text && !out.includes(text)) out.push(text);
    }
  }
  return out;
}

function readKeywords(node: JsonObject, ctx: Context): string[] {
  const out: string[] = [];
  for (const raw of asArray(node["keywords"])) {
    const item = ctx.deref(raw);
    const parts = typeof item === "string" ? item.split(/[,;]/) : [isObject(item) ? item["name"] : item];
    for (const part of parts) {
      const text = str(part);
      if (text && !out.includes(text)) out.push(text);
    }
  }
  for (const about of names(node["about"], ctx.deref)) if (!out.includes(about)) out.push(about);
  return out;
}

/** Teaching units when the source states them as a number (custom property or credits in UE). */
function readUnits(node: JsonObject, ctx: Context): number | undefined {
  for (const property of UNIT_PROPERTIES) {
    const amount = parseAmount(node[property]);
    if (amount !== undefined) return amount;
  }
  const credits = ctx.deref(node["numberOfCredits"]);
  if (isObject(credits)) {
    const unit = `${str(credits["unitText"]) ?? ""} ${str(credits["unitCode"]) ?? ""}`;
    if (/\b(UE|Unterrichtseinheit)/i.test(unit)) return parseAmount(credits["value"]);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Drafts

/**
 * A node's own identifier as a stable key: blank nodes ("_:b0") are renumbered on every render,
 * and relative ids ("#event") only mean something against the page they sit on.
 */
function idKey(node: JsonObject, ctx: Context): string | undefined {
  const id = str(node["@id"]);
  if (!id || id.startsWith("_:")) return undefined;
  return /^[#/?]/.test(id)
    ? (resolveUrl(id.startsWith("#") ? `${ctx.base.replace(/#.*$/, "")}${id}` : id, ctx.base) ?? id)
    : id;
}

function sourceKeyOf(node: JsonObject, title: string, firstStart: string | undefined, ctx: Context): string {
  const id = idKey(node, ctx);
  if (id) return id;
  const url = resolveUrl(str(node["url"]), ctx.base);
  return url ?? `jsonld:${stableHash(`${title}|${firstStart ?? ""}`)}`;
}

/** Description-level facts every draft shares, whether it comes from an Event or a Course. */
function baseDraft(node: JsonObject, key: string, title: string, ctx: Context): OfferDraft {
  const draft: OfferDraft = { sourceKey: key, title, sessions: [] };
  const url = resolveUrl(str(node["url"]), ctx.base);
  if (url) draft.url = url;
  const description = str(node["description"]);
  if (description) draft.description = description;
  const organizer = names(node["organizer"] ?? node["provider"], ctx.deref);
  if (organizer.length) draft.organizer = organizer.join(", ");
  const audience = readAudience(node["audience"], ctx);
  if (audience.length) draft.audienceText = audience;
  const keywords = readKeywords(node, ctx);
  if (keywords.length) draft.keywords = keywords;
  const units = readUnits(node, ctx);
  if (units !== undefined) draft.teachingUnits = units;

  const notes: string[] = [];
  const extra: Record<string, string> = {};
  const credential = names(node["educationalCredentialAwarded"], ctx.deref);
  if (credential.length) notes.push(`Abschluss: ${credential.join(", ")}`);
  const teaches = names(node["teaches"], ctx.deref);
  if (teaches.length) notes.push(`Lerninhalte: ${teaches.join(", ")}`);
  const prerequisites = names(node["coursePrerequisites"], ctx.deref);
  if (prerequisites.length) notes.push(`Voraussetzungen: ${prerequisites.join(", ")}`);
  const status = enumName(node["eventStatus"]);
  if (status && status !== "EventScheduled") {
    notes.push(`Status: ${status}`);
    ctx.warn({ sourceKey: key, field: "eventStatus", message: `Veranstaltungsstatus "${status}" (nicht planmäßig)` });
  }
  for (const property of ["timeRequired", "inLanguage", "numberOfCredits", "educationalLevel", "eventStatus"]) {
    const value = node[property];
    const text = str(value) ?? (isObject(value) ? str(value["value"]) : undefined);
    if (text) extra[property] = text;
  }
  if (extra["timeRequired"]) notes.push(`Zeitaufwand laut Anbieter: ${extra["timeRequired"]}`);
  if (notes.length) draft.notes = notes;
  if (Object.keys(extra).length) draft.extra = extra;
  return draft;
}

/** Facts that may differ per date (an Event, or one CourseInstance): dates, place, price. */
function applyOccurrence(draft: OfferDraft, node: JsonObject, fallback: JsonObject | undefined, ctx: Context): void {
  const dates = readDates(node, ctx, draft.sourceKey);
  draft.sessions = dates.sessions;
  if (dates.dateText) draft.dateText = dates.dateText;

  const places = readPlaces(node["location"] ?? fallback?.["location"], ctx);
  if (places.location && Object.keys(places.location).length) draft.location = places.location;
  if (places.locationText) draft.locationText = places.locationText;
  if (places.virtualUrl) draft.extra = { ...draft.extra, virtualLocationUrl: places.virtualUrl };
  const mode =
    ATTENDANCE[enumName(node["eventAttendanceMode"]) ?? ""] ??
    COURSE_MODE[str(node["courseMode"])?.toLowerCase() ?? ""] ??
    ATTENDANCE[enumName(fallback?.["eventAttendanceMode"]) ?? ""];
  // Without a stated mode only a virtual location is explicit; a place alone says nothing about streaming.
  const fromPlaces = places.virtual ? (places.physical ? "MIXED" : "ONLINE") : undefined;
  const attendance = mode ?? fromPlaces;
  if (attendance) draft.attendance = attendance;

  const ownOffers = readOffers(node, ctx);
  const offers = ownOffers.price || ownOffers.priceText || !fallback ? ownOffers : readOffers(fallback, ctx);
  if (offers.price) draft.price = offers.price;
  if (offers.priceText) draft.priceText = offers.priceText;
  if (offers.registrationUrl) draft.registrationUrl = offers.registrationUrl;
  if (offers.registrationDeadline) draft.registrationDeadline = offers.registrationDeadline;
  const organizer = names(node["organizer"] ?? node["instructor"], ctx.deref);
  if (organizer.length && !draft.organizer) draft.organizer = organizer.join(", ");
}

/** What only the description says: hours always, place/price/date when nothing structured did. */
function applyProse(draft: OfferDraft): void {
  if (!draft.description) return;
  // Reading the prose is the costly part of this adapter: skip it when every field it
  // could fill is already set from the structured data.
  const wanted =
    draft.teachingUnits === undefined ||
    (!draft.price && !draft.priceText) ||
    (!draft.location && !draft.locationText && !draft.attendance) ||
    draft.sessions.length === 0 ||
    !draft.audienceText;
  if (!wanted) return;
  const prose = extractProse(htmlToText(draft.description));
  if (draft.teachingUnits === undefined && prose.teachingUnitsText) draft.teachingUnitsText = prose.teachingUnitsText;
  if (!draft.price && !draft.priceText && prose.priceText) draft.priceText = prose.priceText;
  if (!draft.location && !draft.locationText && !draft.attendance && prose.locationText)
    draft.locationText = prose.locationText;
  // Undated items keep every date hint, the structured one that failed and the description's.
  if (draft.sessions.length === 0 && prose.dateText)
    draft.dateText = draft.dateText ? `${draft.dateText}\n${prose.dateText}` : prose.dateText;
  if (!draft.audienceText && prose.audienceText) draft.audienceText = prose.audienceText;
}

function titleOf(node: JsonObject): string | undefined {
  return str(node["name"]) ?? str(node["headline"]);
}

function eventDrafts(node: JsonObject, ctx: Context): OfferDraft[] {
  const title = titleOf(node);
  if (!title) {
    ctx.warn({
      sourceKey: str(node["@id"]) ?? str(node["url"]),
      field: "name",
      message: "Titel (name) fehlt – Veranstaltung übersprungen",
    });
    return [];
  }
  const provisional = readDates(node, { ...ctx, warn: () => undefined }, "");
  const key = sourceKeyOf(node, title, provisional.sessions[0]?.start, ctx);
  const draft = baseDraft(node, key, title, ctx);
  applyOccurrence(draft, node, undefined, ctx);
  applyProse(draft);
  if (draft.sessions.length === 0 && !draft.dateText)
    ctx.warn({ sourceKey: key, field: "startDate", message: "Kein Termin (startDate) angegeben" });
  return [draft];
}

/** A Course is one offer per CourseInstance (a run with its own dates and place). */
function courseDrafts(node: JsonObject, ctx: Context): OfferDraft[] {
  const title = titleOf(node);
  if (!title) {
    ctx.warn({
      sourceKey: str(node["@id"]) ?? str(node["url"]),
      field: "name",
      message: "Kurstitel (name) fehlt – Kurs übersprungen",
    });
    return [];
  }
  const instances = asArray(node["hasCourseInstance"]).map(ctx.deref).filter(isObject);
  const courseKey = sourceKeyOf(node, title, undefined, ctx);
  if (instances.length === 0) {
    const draft = baseDraft(node, courseKey, title, ctx);
    applyOccurrence(draft, node, undefined, ctx);
    applyProse(draft);
    ctx.warn({
      sourceKey: courseKey,
      field: "hasCourseInstance",
      message: "Kurs ohne Durchführung (hasCourseInstance) – kein Termin",
    });
    return [draft];
  }
  return instances.map((instance, i) => {
    // A single run keeps the course's key, so the key stays stable while the course has one date.
    const start = str(instance["startDate"]);
    const key = instances.length === 1 ? courseKey : (idKey(instance, ctx) ?? `${courseKey}#${start ?? i + 1}`);
    const draft = baseDraft(node, key, str(instance["name"]) ?? title, ctx);
    const instanceDescription = str(instance["description"]);
    if (instanceDescription && !draft.description) draft.description = instanceDescription;
    applyOccurrence(draft, instance, node, ctx);
    applyProse(draft);
    if (draft.sessions.length === 0 && !draft.dateText)
      ctx.warn({ sourceKey: key, field: "startDate", message: "Kursdurchführung ohne Termin (startDate)" });
    return draft;
  });
}

/** Nodes that belong to another node (sub-events of a series, runs of a course) are no offers of their own. */
function childIds(roots: JsonObject[]): Set<string> {
  const ids = new Set<string>();
  for (const root of roots) {
    for (const child of [...asArray(root["subEvent"]), ...asArray(root["hasCourseInstance"])]) {
      const id = isObject(child) ? str(child["@id"]) : str(child);
      if (id) ids.add(id);
    }
  }
  return ids;
}

const sameSession = (a: SessionDraft, b: SessionDraft): boolean =>
  a.start === b.start && (a.end ?? null) === (b.end ?? null);

/**
 * The same offer listed twice on a page (list and teaser) adds its dates once. A key shared by
 * different offers (a template writing "#event" into every block) is a provider error: the second
 * offer falls back to its URL or hash key instead of being lost.
 */
function addDraft(byKey: Map<string, OfferDraft>, draft: OfferDraft, warnings: ParseWarning[]): void {
  const existing = byKey.get(draft.sourceKey);
  if (!existing) {
    byKey.set(draft.sourceKey, draft);
    return;
  }
  if (existing.title === draft.title) {
    for (const session of draft.sessions) {
      if (!existing.sessions.some((s) => sameSession(s, session))) existing.sessions.push(session);
    }
    return;
  }
  const fallback = [draft.url, `jsonld:${stableHash(`${draft.title}|${draft.sessions[0]?.start ?? ""}`)}`].find(
    (key): key is string => key !== undefined && !byKey.has(key),
  );
  if (!fallback) {
    warnings.push({
      sourceKey: draft.sourceKey,
      field: "@id",
      message: `Schlüssel doppelt vergeben ("${draft.title}") – Eintrag verworfen`,
    });
    return;
  }
  warnings.push({
    sourceKey: draft.sourceKey,
    field: "@id",
    message: `Schlüssel doppelt vergeben für verschiedene Angebote – "${draft.title}" unter ${fallback} übernommen`,
  });
  byKey.set(fallback, { ...draft, sourceKey: fallback });
}

export function parseJsonLd(input: FeedInput): ParseResult {
  const warnings: ParseWarning[] = [];
  const blocks = extractBlocks(input.text);
  if (blocks.length === 0) {
    return {
      offers: [],
      warnings: [{ message: "Keine JSON-LD-Daten (application/ld+json) auf der Seite gefunden" }],
      complete: true,
    };
  }
  const values: unknown[] = [];
  let unreadableBlocks = 0;
  for (const block of blocks) {
    const parsed = parseLenientJson(block.raw);
    if (!parsed.ok) {
      unreadableBlocks++;
      warnings.push({
        field: "application/ld+json",
        message: `JSON-LD ${block.label} nicht lesbar und übersprungen: ${parsed.error}`,
      });
      continue;
    }
    if (parsed.repaired)
      warnings.push({
        field: "application/ld+json",
        message: `JSON-LD ${block.label} fehlerhaft, aber repariert gelesen (z. B. Komma am Ende, Steuerzeichen, CDATA)`,
      });
    values.push(parsed.value);
  }
  const graph = buildGraph(values);
  const ctx: Context = { base: input.url, deref: derefWith(graph), warn: (w) => warnings.push(w) };
  const children = childIds(graph.roots);
  const byKey = new Map<string, OfferDraft>();
  for (const node of graph.roots) {
    const id = str(node["@id"]);
    if (id && children.has(id)) continue;
    const reader = isCourse(node) ? courseDrafts : isEvent(node) ? eventDrafts : undefined;
    if (!reader) continue;
    try {
      for (const draft of reader(node, ctx)) addDraft(byKey, draft, warnings);
    } catch (err) {
      // A defect here must cost one item, never the page.
      warnings.push({
        sourceKey: id,
        message: `Eintrag nicht verarbeitbar: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  }
  if (byKey.size === 0 && values.length > 0)
    warnings.push({ message: "Keine schema.org-Veranstaltungen (Event/Course) in den JSON-LD-Daten gefunden" });
  // A page with an unreadable block may have lost offers: keep what was read, withdraw nothing.
  return { offers: [...byKey.values()], warnings, complete: unreadableBlocks === 0 };
}

const EVENT_TYPE_IN_TEXT =
  /"@type"\s*:\s*(?:\[[^\]]*?)?"(?:https?:\/\/schema\.org\/|schema:)?(?:\w*Event|Course|CourseInstance|EventSeries|Festival|Hackathon)"/;

/** High for pages/documents carrying schema.org events or courses; low for JSON-LD without them. */
export function detectJsonLd(input: FeedInput): number {
  const head = input.text.slice(0, 2_000_000);
  const hasEvent = EVENT_TYPE_IN_TEXT.test(head);
  if (looksLikeJson(head)) return hasEvent && /schema\.org/i.test(head) ? 0.9 : 0;
  if (!/application\/ld\+json/i.test(head)) return 0;
  return hasEvent ? 0.95 : 0.1;
}
