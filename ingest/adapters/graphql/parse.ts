/**
 * One page of a provider's GraphQL answer → OfferDrafts, mapped field by field through the
 * feed's config. Also builds the POST request for the fetcher and reads the next page's cursor;
 * the fetcher owns the loop (and its `maxPages` bound), this file stays pure.
 */
import type { FeedInput, LocationDraft, OfferDraft, ParseResult, ParseWarning, SessionDraft } from "../types.ts";
import { resolveUrl } from "../html/text.ts";
import { parseGraphqlConfig, type GraphqlConfig } from "./config.ts";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Reads a dot path. Lists met before the last segment are mapped over and flattened, so a path
 * through a Relay connection ("edges.node") yields every node; a numeric segment picks one element.
 */
export function getPath(root: unknown, path: string): unknown {
  let current: unknown = root;
  const segments = path.split(".").filter((s) => s.length > 0);
  for (const [i, segment] of segments.entries()) {
    if (current === undefined || current === null) return undefined;
    if (Array.isArray(current)) {
      if (/^\d+$/.test(segment)) {
        current = current[Number(segment)];
        continue;
      }
      const rest = segments.slice(i).join(".");
      return current.flatMap((element) => {
        const value = getPath(element, rest);
        return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
      });
    }
    if (!isObject(current)) return undefined;
    current = current[segment];
  }
  return current;
}

/** A scalar as trimmed text; lists and objects are not text. */
function text(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return String(value);
  return undefined;
}

const texts = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).map(text).filter((t): t is string => t !== undefined);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Mode words providers use for attendance, lower-cased. */
const ATTENDANCE_WORDS: Record<string, OfferDraft["attendance"]> = {
  true: "ONLINE",
  online: "ONLINE",
  virtual: "ONLINE",
  digital: "ONLINE",
  webinar: "ONLINE",
  false: "OFFLINE",
  offline: "OFFLINE",
  praesenz: "OFFLINE",
  präsenz: "OFFLINE",
  onsite: "OFFLINE",
  vor_ort: "OFFLINE",
  in_person: "OFFLINE",
  hybrid: "MIXED",
  mixed: "MIXED",
  blended: "MIXED",
};

function amountOf(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value : undefined;
  const t = text(value);
  if (!t) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  if (/^\d+,\d+$/.test(t)) return Number(t.replace(",", "."));
  return undefined;
}

interface ItemContext {
  config: GraphqlConfig;
  base: string;
  warn: (warning: ParseWarning) => void;
}

function dateOf(value: unknown, field: string, key: string, ctx: ItemContext, prose: string[]): string | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  if (ISO_DATE.test(raw)) return raw.replace(" ", "T");
  ctx.warn({ sourceKey: key, field, message: `Datum nicht im ISO-Format: "${raw}" – als Text übernommen` });
  prose.push(raw);
  return undefined;
}

function sessionOf(start: string | undefined, end: string | undefined): SessionDraft | undefined {
  if (!start) return undefined;
  const session: SessionDraft = { start, end: end ?? null };
  if (start.length === 10) session.allDay = true;
  return session;
}

function readSessions(item: unknown, key: string, ctx: ItemContext): { sessions: SessionDraft[]; prose: string[] } {
  const { fields } = ctx.config;
  const prose: string[] = [];
  const sessions: SessionDraft[] = [];
  if (fields.sessions) {
    const list = getPath(item, fields.sessions);
    for (const entry of Array.isArray(list) ? list : []) {
      const start = dateOf(getPath(entry, fields.sessionStart ?? "start"), "sessionStart", key, ctx, prose);
      const end = dateOf(getPath(entry, fields.sessionEnd ?? "end"), "sessionEnd", key, ctx, prose);
      const session = sessionOf(start, end);
      if (session) sessions.push(session);
    }
  }
  if (sessions.length === 0 && fields.start) {
    const start = dateOf(getPath(item, fields.start), "start", key, ctx, prose);
    const end = fields.end ? dateOf(getPath(item, fields.end), "end", key, ctx, prose) : undefined;
    const session = sessionOf(start, end);
    if (session) sessions.push(session);
  }
  return { sessions, prose };
}

function readLocation(item: unknown, fields: GraphqlConfig["fields"]): LocationDraft | undefined {
  const map: Array<[keyof LocationDraft, string | undefined]> = [
    ["name", fields.locationName],
    ["street", fields.street],
    ["postalCode", fields.postalCode],
    ["locality", fields.locality],
  ];
  const location: LocationDraft = {};
  for (const [target, path] of map) {
    const value = path ? texts(getPath(item, path))[0] : undefined;
    if (value) Object.assign(location, { [target]: value });
  }
  return Object.keys(location).length ? location : undefined;
}

/** Optional text fields copied as they are: draft property ← config field. */
const TEXT_FIELDS: ReadonlyArray<
  ["description" | "priceText" | "organizer" | "registrationDeadline" | "locationText", keyof GraphqlConfig["fields"]]
> = [
  ["description", "description"],
  ["priceText", "priceText"],
  ["organizer", "organizer"],
  ["registrationDeadline", "registrationDeadline"],
  ["locationText", "locationText"],
];

function itemDraft(item: unknown, index: number, ctx: ItemContext): OfferDraft | null {
  const { fields } = ctx.config;
  const title = texts(getPath(item, fields.title))[0];
  const rawKey = texts(getPath(item, fields.sourceKey))[0];
  if (!title) {
    ctx.warn({ sourceKey: rawKey, field: fields.title, message: `Eintrag ${index + 1}: Titel fehlt – übersprungen` });
    return null;
  }
  // Without the configured key the item could not be tracked across runs: it is skipped, not hashed.
  if (!rawKey) {
    ctx.warn({ field: fields.sourceKey, message: `Eintrag ${index + 1} ("${title}"): Schlüssel fehlt – übersprungen` });
    return null;
  }
  const draft: OfferDraft = { sourceKey: rawKey, title, sessions: [] };
  const url = fields.url ? resolveUrl(texts(getPath(item, fields.url))[0], ctx.base) : undefined;
  if (url) draft.url = url;
  for (const [target, source] of TEXT_FIELDS) {
    const path = fields[source];
    const value = path ? texts(getPath(item, path))[0] : undefined;
    if (value) draft[target] = value;
  }
  const dates = readSessions(item, rawKey, ctx);
  draft.sessions = dates.sessions;
  const dateText = [...(fields.dateText ? texts(getPath(item, fields.dateText)) : []), ...dates.prose];
  if (dateText.length) draft.dateText = dateText.join("\n");

  const location = readLocation(item, fields);
  if (location) draft.location = location;
  if (fields.online) {
    const mode = texts(getPath(item, fields.online))[0];
    const attendance = mode ? ATTENDANCE_WORDS[mode.toLowerCase().replace(/[\s-]+/g, "_")] : undefined;
    if (attendance) draft.attendance = attendance;
    else if (mode)
      ctx.warn({ sourceKey: rawKey, field: fields.online, message: `Unbekannte Angabe zur Teilnahmeform: "${mode}"` });
  }
  if (fields.price) {
    const raw = getPath(item, fields.price);
    const amount = amountOf(raw);
    const currency =
      (fields.currency ? texts(getPath(item, fields.currency))[0] : undefined) ?? ctx.config.defaultCurrency;
    if (amount !== undefined) draft.price = { amount, currency };
    else if (text(raw) && !draft.priceText) draft.priceText = text(raw);
  }
  if (fields.teachingUnits) {
    const raw = getPath(item, fields.teachingUnits);
    const units = amountOf(raw);
    if (units !== undefined) draft.teachingUnits = units;
    else if (text(raw)) draft.teachingUnitsText = text(raw);
  }
  const audience = fields.audience ? texts(getPath(item, fields.audience)) : [];
  if (audience.length) draft.audienceText = [...new Set(audience)];
  const keywords = fields.keywords
    ? texts(getPath(item, fields.keywords))
        .flatMap((k) => k.split(/[,;]/).map((s) => s.trim()))
        .filter((k) => k.length > 0)
    : [];
  if (keywords.length) draft.keywords = [...new Set(keywords)];
  const registrationUrl = fields.registrationUrl
    ? resolveUrl(texts(getPath(item, fields.registrationUrl))[0], ctx.base)
    : undefined;
  if (registrationUrl) draft.registrationUrl = registrationUrl;
  return draft;
}

function errorWarnings(errors: unknown): ParseWarning[] {
  return (Array.isArray(errors) ? errors : []).map((error) => {
    const message = isObject(error) ? text(error["message"]) : undefined;
    const path = isObject(error) && Array.isArray(error["path"]) ? error["path"].map(String).join(".") : undefined;
    return { ...(path ? { field: path } : {}), message: `GraphQL-Fehler des Anbieters: ${message ?? "ohne Meldung"}` };
  });
}

function readResponse(input: FeedInput): { ok: true; body: Json } | { ok: false; warning: string } {
  try {
    const body: unknown = JSON.parse(input.text);
    return isObject(body) ? { ok: true, body } : { ok: false, warning: "GraphQL-Antwort ist kein JSON-Objekt" };
  } catch (err) {
    return {
      ok: false,
      warning: `GraphQL-Antwort ist kein gültiges JSON: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

/** Reads one response page. Bad config or content never throws: it comes back as warnings. */
export function parseGraphqlPage(input: FeedInput, rawConfig: unknown): ParseResult {
  const checked = parseGraphqlConfig(rawConfig);
  if (!checked.ok) {
    return {
      offers: [],
      warnings: checked.errors.map((e) => ({ field: "config", message: `GraphQL-Konfiguration ungültig: ${e}` })),
      complete: false,
    };
  }
  const config = checked.config;
  const response = readResponse(input);
  if (!response.ok) return { offers: [], warnings: [{ message: response.warning }], complete: false };
  const warnings = errorWarnings(response.body["errors"]);
  const data = response.body["data"];
  if (!isObject(data)) {
    warnings.push({ field: "data", message: "GraphQL-Antwort ohne Daten (data) – keine Angebote gelesen" });
    return { offers: [], warnings, complete: false };
  }
  const items = getPath(data, config.itemsPath);
  if (!Array.isArray(items)) {
    warnings.push({
      field: config.itemsPath,
      message: `Keine Liste unter "${config.itemsPath}" in der Antwort gefunden`,
    });
    return { offers: [], warnings, complete: false };
  }
  const ctx: ItemContext = { config, base: input.url, warn: (w) => warnings.push(w) };
  const offers: OfferDraft[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    try {
      const draft = itemDraft(item, index, ctx);
      if (!draft) return;
      if (seen.has(draft.sourceKey)) {
        warnings.push({
          sourceKey: draft.sourceKey,
          field: config.fields.sourceKey,
          message: "Schlüssel doppelt – zweiter Eintrag verworfen",
        });
        return;
      }
      seen.add(draft.sourceKey);
      if (draft.sessions.length === 0 && !draft.dateText) {
        warnings.push({
          sourceKey: draft.sourceKey,
          field: config.fields.sessions ?? config.fields.start ?? "start",
          message: "Kein Termin angegeben",
        });
      }
      offers.push(draft);
    } catch (err) {
      warnings.push({
        message: `Eintrag ${index + 1} nicht verarbeitbar: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  });
  // Partial data next to errors may lack offers: the store must not withdraw what it did not see.
  return {
    offers,
    warnings,
    complete: !Array.isArray(response.body["errors"]) || response.body["errors"].length === 0,
  };
}

/** The cursor of the next page, or null when the API says there is none (or the feed does not page). */
export function nextCursor(input: FeedInput, config: GraphqlConfig): string | null {
  if (!config.pagination) return null;
  const response = readResponse(input);
  if (!response.ok || !isObject(response.body["data"])) return null;
  const data = response.body["data"];
  if (getPath(data, config.pagination.hasNextPath) !== true) return null;
  return text(getPath(data, config.pagination.cursorPath)) ?? null;
}

export interface GraphqlRequest {
  method: "POST";
  headers: Record<string, string>;
  body: string;
}

/** The POST request for one page; the cursor goes into the configured variable. */
export function buildGraphqlRequest(config: GraphqlConfig, cursor?: string): GraphqlRequest {
  const variables: Record<string, unknown> = { ...(config.variables ?? {}) };
  if (cursor !== undefined && config.pagination) variables[config.pagination.variable] = cursor;
  return {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
    body: JSON.stringify({ query: config.query, variables }),
  };
}

/** High for JSON whose top level is a GraphQL response (`data` object, possibly `errors`). */
export function detectGraphql(input: FeedInput): number {
  if (!/^\s*\{/.test(input.text)) return 0;
  const response = readResponse(input);
  if (!response.ok) return 0;
  if (isObject(response.body["data"])) return 0.9;
  return Array.isArray(response.body["errors"]) && "data" in response.body ? 0.7 : 0;
}
