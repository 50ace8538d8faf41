import type { IncomingMessage, ServerResponse } from "node:http";
import { GraphQLError } from "graphql";
import { buildCalendar, etagOf } from "../../schema/matching/ical.ts";
import { findOffers, type OfferRow } from "../../schema/offer/offer.service.ts";
import type { OfferFilter } from "../../schema/offer/offer.input.ts";
import { LEARNING_FORMAT_CODES, ROLE_CODES } from "../../schema/taxonomy/codes.ts";
import { calendarOfferOf, jsonLdFeed, openQcatFeed } from "../../schema/federation/publish-formats.ts";
import type { Route, RouteContext } from "./index.ts";

/**
 * Published feeds: what the hub aggregates, for anyone to pull.
 *   GET /feeds/offers.jsonld   schema.org Course + CourseInstance (JSON-LD)
 *   GET /feeds/offers.ics      iCalendar, one VEVENT per session
 *   GET /feeds/offers.xml      open-Qcat 1.1
 * The query string is the GraphQL OfferFilter, flat: district=08117, region, module=M04,M05,
 * learningArea=LB2, role, format, provider, online, free, from, to, text. Equal parameters
 * give a stable URL; ETag and Last-Modified let pullers poll with a conditional GET.
 */

/** One feed answers at most this many offers (the earliest first): a feed, not a dump. */
export const MAX_FEED_OFFERS = 1000;

interface FeedFormat {
  type: string;
  file: string;
  render(offers: readonly OfferRow[], permalinkOf: (id: string) => string, catalogId: string): string;
}

const FORMATS: Record<string, FeedFormat> = {
  jsonld: { type: "application/ld+json; charset=utf-8", file: "angebote.jsonld", render: (o, p) => jsonLdFeed(o, p) },
  ics: {
    type: "text/calendar; charset=utf-8",
    file: "angebote.ics",
    render: (o, p) => buildCalendar("Fortbildungen Quartiersentwicklung", o.map(calendarOfferOf), p),
  },
  xml: { type: "application/xml; charset=utf-8", file: "angebote.xml", render: openQcatFeed },
};

class FeedParameterError extends Error {}

const list = (value: string | null): string[] | null => {
  const items = (value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  return items.length ? items : null;
};

function flag(params: URLSearchParams, name: string): boolean | null {
  const value = params.get(name);
  if (value === null || value === "") return null;
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw new FeedParameterError(`${name} ist true oder false.`);
}

function date(params: URLSearchParams, name: string): Date | null {
  const value = params.get(name);
  if (!value) return null;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new FeedParameterError(`${name} ist kein gültiges Datum (ISO 8601).`);
  return parsed;
}

function oneOf<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T | null {
  const value = params.get(name)?.trim().toUpperCase();
  if (!value) return null;
  if (!(allowed as readonly string[]).includes(value))
    throw new FeedParameterError(`${name} ist eines von ${allowed.join(", ")}.`);
  return value as T;
}

/** Query parameters → OfferFilter; offerWhere() validates codes and keys as for GraphQL. */
export function feedFilterOf(params: URLSearchParams): OfferFilter {
  return {
    districtKey: params.get("district") || null,
    region: params.get("region") || null,
    modules: list(params.get("module") ?? params.get("modules")),
    learningAreas: list(params.get("learningArea") ?? params.get("learningAreas")),
    role: oneOf(params, "role", ROLE_CODES),
    learningFormat: oneOf(params, "format", LEARNING_FORMAT_CODES),
    providerId: params.get("provider") || null,
    online: flag(params, "online"),
    free: flag(params, "free"),
    from: date(params, "from"),
    to: date(params, "to"),
    text: params.get("text") || null,
  } as OfferFilter;
}

function baseUrl(req: IncomingMessage, publicUrl: string | undefined): string {
  const configured = publicUrl?.replace(/\/+$/, "");
  if (configured) return configured;
  const host = req.headers.host ?? "";
  return /^[A-Za-z0-9.[\]:-]{1,255}$/.test(host) ? `http://${host}` : "http://localhost";
}

function sendText(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader("content-type", "text/plain; charset=utf-8");
  res.end(`${message}\n`);
}

/** A conditional GET is answered 304 when the ETag matches, or (without one) when nothing changed since. */
function notModified(req: IncomingMessage, etag: string, lastModified: Date | null): boolean {
  const tags = req.headers["if-none-match"];
  if (tags) return tags.split(",").some((t) => t.trim() === etag || t.trim() === "*");
  const since = Date.parse(req.headers["if-modified-since"] ?? "");
  // HTTP dates have whole seconds: compare at that resolution.
  return lastModified !== null && !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

async function publish(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
  match: RegExpExecArray | null,
): Promise<void> {
  const format = FORMATS[match?.[1] ?? ""];
  if (!format) return sendText(res, 404, "Unbekanntes Format (jsonld, ics, xml).");
  let rows: OfferRow[];
  try {
    rows = (await findOffers(ctx.db, feedFilterOf(ctx.url.searchParams), 0, MAX_FEED_OFFERS)).rows;
  } catch (error) {
    if (error instanceof FeedParameterError) return sendText(res, 400, error.message);
    if (error instanceof GraphQLError && error.extensions.code === "BAD_USER_INPUT")
      return sendText(res, 400, error.message);
    throw error;
  }
  const base = baseUrl(req, ctx.publicUrl);
  const params = new URLSearchParams([...ctx.url.searchParams].sort(([a], [b]) => a.localeCompare(b)));
  const body = format.render(
    rows,
    (id) => `${base}/offers/${encodeURIComponent(id)}`,
    `hub-${params.toString() || "alle"}`,
  );
  const etag = etagOf(body);
  const lastModified = rows.reduce<Date | null>((max, o) => (max && max >= o.updatedAt ? max : o.updatedAt), null);
  res.setHeader("etag", etag);
  if (lastModified) res.setHeader("last-modified", lastModified.toUTCString());
  res.setHeader("cache-control", "public, max-age=300");
  res.setHeader("access-control-allow-origin", "*");
  res.setHeader("x-content-type-options", "nosniff");
  if (notModified(req, etag, lastModified)) {
    res.statusCode = 304;
    return void res.end();
  }
  res.statusCode = 200;
  res.setHeader("content-type", format.type);
  res.setHeader("content-disposition", `inline; filename="${format.file}"`);
  res.end(req.method === "HEAD" ? undefined : body);
}

export const PUBLISH_ROUTES: Route[] = [
  { method: "GET", path: /^\/feeds\/offers\.(jsonld|ics|xml)$/, handle: publish },
];
