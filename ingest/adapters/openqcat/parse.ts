/**
 * open-Qcat XML (the KURSNET upload format) → OfferDrafts.
 *
 * OPENQCAT → HEADER (SUPPLIER) → NEW_CATALOG (a full snapshot) or UPDATE_CATALOG (a delta
 * whose services sit in NEW/UPDATE/DELETE sections or carry mode="new|update|delete")
 * → SERVICE (PRODUCT_ID, SERVICE_DETAILS, SERVICE_PRICE_DETAILS, …).
 */
import type { FeedInput, LocationDraft, OfferDraft, ParseResult, ParseWarning, SessionDraft } from "../types.ts";
import { allDescendants, child, childrenNamed, deepText, descendants, parseXml, textOf, type XmlNode } from "./tree.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** Instruction forms → attendance, tried in order ("Blended Learning" mixes online and Präsenz). */
const INSTRUCTION_FORMS: readonly [RegExp, NonNullable<OfferDraft["attendance"]>][] = [
  [/blended|hybrid/i, "MIXED"],
  [/online|fern|e-?learning|virtuell|webinar|digital/i, "ONLINE"],
  [/pr(ä|ae)senz|vor ort/i, "OFFLINE"],
];

/** Course facts kept as notes, with the label a reader understands. */
const NOTE_ELEMENTS: readonly [string, string][] = [
  ["INSTRUCTION_FORM", "Unterrichtsform"],
  ["EDUCATION_TYPE", "Bildungsart"],
  ["DEGREE", "Abschluss"],
  ["DEGREE_TITLE", "Abschluss"],
  ["TERM", "Unterrichtszeiten"],
  ["SUBSIDY", "Förderung"],
  ["CERTIFICATE", "Zertifikat"],
  ["REMARKS", "Hinweis"],
];

/** DURATION units as exporters write them → the German a reader (and the normaliser) knows. */
const DURATION_UNITS: Readonly<Record<string, string>> = {
  UE: "UE",
  UNTERRICHTSEINHEITEN: "UE",
  HOURS: "Stunden",
  HOUR: "Stunden",
  H: "Stunden",
  HUR: "Stunden",
  STUNDEN: "Stunden",
  DAYS: "Tage",
  DAY: "Tage",
  D: "Tage",
  TAGE: "Tage",
  WEEKS: "Wochen",
  WEE: "Wochen",
  WOCHEN: "Wochen",
  MONTHS: "Monate",
  MON: "Monate",
  MONATE: "Monate",
};

type Section = "new" | "update" | "delete";

const SECTION_NAMES: Readonly<Record<string, Section>> = { NEW: "new", UPDATE: "update", DELETE: "delete" };

interface CatalogItem {
  service: XmlNode;
  section: Section;
}

function sessionFrom(start: string | undefined, end: string | undefined): SessionDraft | "unreadable" | undefined {
  if (start === undefined) return undefined;
  const readable = (v: string) => ISO_DATE.test(v) || ISO_DATE_TIME.test(v);
  if (!readable(start) || (end !== undefined && !readable(end))) return "unreadable";
  const norm = (v: string) => v.replace(" ", "T");
  const allDay = ISO_DATE.test(start) && (end === undefined || ISO_DATE.test(end));
  return allDay
    ? { start, end: end ?? null, allDay: true }
    : { start: norm(start), end: end === undefined ? null : norm(end) };
}

/** SERVICE_DATE elements, or START_DATE/END_DATE directly under a MODULE_COURSE. */
function dateNodes(details: XmlNode): XmlNode[] {
  const modules = descendants(child(details, "SERVICE_MODULE"), "MODULE_COURSE");
  const fromModules = modules.flatMap((m) => {
    const dates = descendants(m, "SERVICE_DATE");
    return dates.length > 0 ? dates : child(m, "START_DATE") ? [m] : [];
  });
  return fromModules.length > 0 ? fromModules : childrenNamed(details, "SERVICE_DATE");
}

function sessionsOf(details: XmlNode, warn: (field: string, message: string) => void) {
  const sessions: SessionDraft[] = [];
  const prose: string[] = [];
  const seen = new Set<string>();
  for (const node of dateNodes(details)) {
    const start = textOf(node, "START_DATE");
    const end = textOf(node, "END_DATE");
    const session = sessionFrom(start, end);
    if (session === undefined) continue;
    if (session === "unreadable") {
      warn("START_DATE", `Datum nicht im ISO-Format, als Text übernommen: ${[start, end].filter(Boolean).join(" – ")}`);
      prose.push([start, end].filter(Boolean).join(" – "));
      continue;
    }
    const key = `${session.start}|${session.end ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sessions.push(session);
  }
  // Schedule remarks ("jeweils dienstags und donnerstags") are date prose for the normaliser.
  prose.push(
    ...descendants(details, "DATE_REMARKS", "DATE_REMARK")
      .map(deepText)
      .filter((t) => t !== ""),
  );
  return { sessions, dateText: prose.length > 0 ? prose.join("; ") : undefined };
}

function addressOf(address: XmlNode, place: XmlNode): LocationDraft {
  const location: LocationDraft = {};
  const entries: [keyof LocationDraft, string | undefined][] = [
    ["name", textOf(address, "NAME", "NAME2") ?? textOf(place, "NAME", "LOCATION_NAME")],
    ["street", textOf(address, "STREET")],
    ["postalCode", textOf(address, "ZIP", "ZIPCODE", "POSTAL_CODE")],
    ["locality", textOf(address, "CITY")],
    ["region", textOf(address, "STATE")],
    ["country", textOf(address, "COUNTRY")],
  ];
  for (const [key, value] of entries) if (value !== undefined) Object.assign(location, { [key]: value });
  return location;
}

/** Course places only: addresses under LOCATION/ANNOUNCEMENT/MODULE_COURSE, never CONTACT. */
function locationsOf(details: XmlNode): LocationDraft[] {
  const places = allDescendants(details, "LOCATION", "ANNOUNCEMENT", "MODULE_COURSE");
  const found = places.flatMap((place) => childrenNamed(place, "ADDRESS").map((a) => addressOf(a, place)));
  const unique = new Map(found.map((l) => [JSON.stringify(l), l] as const));
  return [...unique.values()].filter((l) => Object.keys(l).length > 0);
}

function locationLine(l: LocationDraft): string {
  return [l.name, l.street, [l.postalCode, l.locality].filter(Boolean).join(" ")]
    .filter((v) => v !== undefined && v !== "")
    .join(", ");
}

interface PriceFacts {
  price?: { amount: number; currency: string };
  priceText?: string;
  notes?: string[];
}

function priceOf(service: XmlNode, details: XmlNode, currency: string): PriceFacts {
  const holders = [
    child(service, "SERVICE_PRICE_DETAILS", "PRICE_DETAILS"),
    child(details, "SERVICE_PRICE_DETAILS", "PRICE_DETAILS"),
  ];
  const prices = holders.flatMap((h) => childrenNamed(h, "SERVICE_PRICE"));
  const first = prices[0];
  if (!first) return {};
  const amountText = textOf(first, "PRICE_AMOUNT");
  const amount = amountText === undefined ? NaN : Number(amountText.replace(/\s/g, "").replace(",", "."));
  const notes = prices
    .slice(1)
    .map(
      (p) => `Weiterer Preis: ${[textOf(p, "PRICE_AMOUNT"), textOf(p, "PRICE_CURRENCY")].filter(Boolean).join(" ")}`,
    );
  const remark = textOf(first, "PRICE_REMARK", "PRICE_REMARKS", "REMARKS");
  const text = [Number.isFinite(amount) ? undefined : amountText, remark].filter(Boolean).join(" – ");
  return {
    ...(Number.isFinite(amount) ? { price: { amount, currency: textOf(first, "PRICE_CURRENCY") ?? currency } } : {}),
    ...(text === "" ? {} : { priceText: text }),
    notes,
  };
}

function notesOf(details: XmlNode): string[] {
  const notes: string[] = [];
  for (const [element, label] of NOTE_ELEMENTS) {
    for (const node of descendants(details, element)) {
      const text = deepText(node);
      if (text !== "") notes.push(`${label}: ${text}`);
    }
  }
  const flexible = descendants(details, "FLEXIBLE_START_DATE").some((n) => /^(true|1|ja)$/i.test(deepText(n)));
  if (flexible) notes.push("Einstieg jederzeit möglich");
  return [...new Set(notes)];
}

function attendanceOf(details: XmlNode): OfferDraft["attendance"] {
  const forms = descendants(details, "INSTRUCTION_FORM").map(deepText).join(" ");
  return INSTRUCTION_FORMS.find(([pattern]) => pattern.test(forms))?.[1];
}

function urlOf(service: XmlNode, details: XmlNode): string | undefined {
  const direct = textOf(details, "URL", "SERVICE_URL") ?? textOf(service, "URL");
  if (direct !== undefined) return direct;
  return descendants(service, "MIME_SOURCE")
    .map(deepText)
    .find((s) => /^https?:\/\//i.test(s));
}

function durationOf(duration: XmlNode | undefined): Pick<OfferDraft, "teachingUnits" | "teachingUnitsText"> {
  const text = deepText(duration);
  if (!duration || text === "") return {};
  const unitCode = duration.attrs.TYPE ?? duration.attrs.UNIT;
  const unit = unitCode === undefined ? undefined : (DURATION_UNITS[unitCode.toUpperCase()] ?? unitCode);
  const numeric = /^\d+(?:[.,]\d+)?$/.test(text);
  const result: Pick<OfferDraft, "teachingUnits" | "teachingUnitsText"> = {
    teachingUnitsText: unit === undefined || !numeric ? text : `${text} ${unit}`,
  };
  // Only a number the format itself declares as UE is a structured count.
  if (numeric && unit === "UE") result.teachingUnits = Number(text.replace(",", "."));
  return result;
}

interface Context {
  currency: string;
  organizer: string | undefined;
}

function toDraft(service: XmlNode, sourceKey: string, ctx: Context, warnings: ParseWarning[]): OfferDraft | undefined {
  const warn = (field: string, message: string) => warnings.push({ sourceKey, field, message });
  const details = child(service, "SERVICE_DETAILS") ?? service;
  const title = textOf(details, "TITLE", "SERVICE_TITLE");
  if (title === undefined) {
    warn("TITLE", `Angebot ${sourceKey}: Titel (TITLE) fehlt, übersprungen`);
    return undefined;
  }
  const draft: OfferDraft = { sourceKey, title, sessions: [] };
  const { sessions, dateText } = sessionsOf(details, warn);
  draft.sessions = sessions;
  if (dateText !== undefined) draft.dateText = dateText;

  const description = textOf(details, "DESCRIPTION_LONG") ?? textOf(details, "DESCRIPTION_SHORT");
  if (description !== undefined) draft.description = description;
  const keywords = [
    ...new Set(
      descendants(details, "KEYWORD")
        .map(deepText)
        .filter((k) => k !== ""),
    ),
  ];
  if (keywords.length > 0) draft.keywords = keywords;

  const groups = descendants(details, "TARGET_GROUP");
  const audience = groups.flatMap((g) => {
    const texts = descendants(g, "TARGET_GROUP_TEXT").map(deepText);
    return texts.length > 0 ? texts : [deepText(g)];
  });
  const audienceText = audience.filter((a) => a !== "");
  if (audienceText.length > 0) draft.audienceText = audienceText;

  Object.assign(draft, durationOf(child(details, "DURATION")));

  const locations = locationsOf(details);
  if (locations[0]) draft.location = locations[0];
  if (locations.length > 0) draft.locationText = locations.map(locationLine).join("; ");

  const attendance = attendanceOf(details);
  if (attendance !== undefined) draft.attendance = attendance;

  const { price, priceText, notes: priceNotes = [] } = priceOf(service, details, ctx.currency);
  if (price) draft.price = price;
  if (priceText !== undefined) draft.priceText = priceText;

  const url = urlOf(service, details);
  if (url !== undefined) draft.url = url;
  if (ctx.organizer !== undefined) draft.organizer = ctx.organizer;
  const notes = [...notesOf(details), ...priceNotes];
  if (notes.length > 0) draft.notes = notes;
  return draft;
}

/** The SERVICEs of a catalog body with the section they stand in. */
function catalogItems(body: XmlNode, defaultSection: Section): CatalogItem[] {
  return body.children.flatMap((node): CatalogItem[] => {
    const section = SECTION_NAMES[node.name];
    if (section !== undefined) return childrenNamed(node, "SERVICE").map((service) => ({ service, section }));
    if (node.name !== "SERVICE") return [];
    const mode = SECTION_NAMES[(node.attrs.MODE ?? "").toUpperCase()];
    return [{ service: node, section: mode ?? defaultSection }];
  });
}

function failed(message: string): ParseResult {
  // complete: false so that an unreadable catalog never withdraws a provider's offers.
  return { offers: [], warnings: [{ message }], complete: false };
}

function buildResult(items: CatalogItem[], ctx: Context, complete: boolean, warnings: ParseWarning[]): ParseResult {
  const offers: OfferDraft[] = [];
  const deletedKeys: string[] = [];
  const seen = new Set<string>();
  items.forEach(({ service, section }, index) => {
    const sourceKey = textOf(service, "PRODUCT_ID");
    if (sourceKey === undefined) {
      warnings.push({ field: "PRODUCT_ID", message: `Angebot Nr. ${index + 1}: PRODUCT_ID fehlt, übersprungen` });
      return;
    }
    if (section === "delete") {
      deletedKeys.push(sourceKey);
      return;
    }
    if (seen.has(sourceKey)) {
      warnings.push({
        sourceKey,
        field: "PRODUCT_ID",
        message: `PRODUCT_ID ${sourceKey} kommt mehrfach vor, Wiederholung übersprungen`,
      });
      return;
    }
    seen.add(sourceKey);
    try {
      const draft = toDraft(service, sourceKey, ctx, warnings);
      if (draft) offers.push(draft);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      warnings.push({ sourceKey, message: `Angebot ${sourceKey} nicht lesbar, übersprungen: ${reason}` });
    }
  });
  return { offers, warnings, complete, ...(deletedKeys.length > 0 || !complete ? { deletedKeys } : {}) };
}

function contextOf(root: XmlNode): Context {
  const header = child(root, "HEADER");
  return {
    // KURSNET prices are in euros; a catalog may still name its currency in the header.
    currency: textOf(child(header, "CATALOG"), "CURRENCY") ?? "EUR",
    organizer: textOf(child(header, "SUPPLIER"), "SUPPLIER_NAME"),
  };
}

/** Whole SERVICE elements of a cut-off document, each with the section it opened in. */
function salvage(xml: string, warnings: ParseWarning[]): ParseResult {
  const items: CatalogItem[] = [];
  for (const match of xml.matchAll(/<(?:[\w-]+:)?SERVICE[\s>][\s\S]*?<\/(?:[\w-]+:)?SERVICE\s*>/gi)) {
    const before = xml.slice(0, match.index);
    const sections = [...before.matchAll(/<(?:[\w-]+:)?(NEW|UPDATE|DELETE)[\s>]/gi)];
    const section = SECTION_NAMES[(sections.at(-1)?.[1] ?? "NEW").toUpperCase()] ?? "new";
    const parsed = parseXml(match[0]);
    const service = parsed.ok ? parsed.roots.find((n) => n.name === "SERVICE") : undefined;
    if (service) items.push({ service, section: service.attrs.MODE === "delete" ? "delete" : section });
  }
  const headerMatch = /<(?:[\w-]+:)?HEADER[\s>][\s\S]*?<\/(?:[\w-]+:)?HEADER\s*>/i.exec(xml);
  const header = headerMatch ? parseXml(headerMatch[0]) : undefined;
  const root: XmlNode = { name: "OPENQCAT", attrs: {}, text: "", children: header?.ok ? header.roots : [] };
  return buildResult(items, contextOf(root), false, warnings);
}

export function parseOpenQcat(input: FeedInput): ParseResult {
  const xml = (input.text !== "" ? input.text : new TextDecoder().decode(input.bytes)).replace(/^\uFEFF/, "");
  if (xml.trim() === "") return failed("Der Katalog ist leer.");
  const parsed = parseXml(xml);
  if (!parsed.ok) {
    if (/<!ENTITY/i.test(xml) || !/<(?:[\w-]+:)?OPENQCAT[\s>]/i.test(xml))
      return failed(`Katalog nicht gelesen: ${parsed.reason}`);
    const warnings: ParseWarning[] = [
      { message: `Katalog unvollständig oder fehlerhaft (${parsed.reason}); nur vollständige Angebote gelesen.` },
    ];
    const salvaged = salvage(xml, warnings);
    return salvaged.offers.length > 0 || (salvaged.deletedKeys ?? []).length > 0
      ? salvaged
      : failed(warnings[0]?.message ?? "");
  }
  const root = parsed.roots.find((n) => n.name === "OPENQCAT");
  if (!root) return failed("Kein open-Qcat-Katalog: Wurzelelement OPENQCAT fehlt.");
  const ctx = contextOf(root);
  const full = child(root, "NEW_CATALOG");
  const update = child(root, "UPDATE_CATALOG");
  if (full) {
    // NEW_CATALOG is a complete catalog unless the provider says otherwise.
    const complete = (full.attrs.FULLCATALOG ?? "true").toLowerCase() !== "false";
    return buildResult(catalogItems(full, "new"), ctx, complete, []);
  }
  if (update) return buildResult(catalogItems(update, "update"), ctx, false, []);
  return failed("Katalog enthält weder NEW_CATALOG noch UPDATE_CATALOG.");
}
