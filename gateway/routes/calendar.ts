import type { IncomingMessage, ServerResponse } from "node:http";
import { GraphQLError } from "graphql";
import { buildCalendar, etagOf, type CalendarOffer } from "../../schema/matching/ical.ts";
import { learningPath, loadOffers } from "../../schema/matching/matching.service.ts";
import type { LearningPathInput } from "../../schema/matching/matching.input.ts";
import type { OfferRow } from "../../schema/offer/offer.service.ts";
import type { Route, RouteContext } from "./index.ts";

/**
 * Calendar files and offer permalinks:
 *   GET /calendar/offers.ics?ids=a,b,c      one VEVENT per session of the given offers (≤ 100)
 *   GET /calendar/path.ics?role=…&completed=…&postcode=…&radius=…   the learning path's offers
 *   GET /offers/<id>                          a small German HTML page for one offer
 */

const MAX_IDS = 100;
const ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  etag?: string,
): void {
  res.statusCode = status;
  res.setHeader("content-type", type);
  res.setHeader("x-content-type-options", "nosniff");
  if (etag) {
    res.setHeader("etag", etag);
    res.setHeader("cache-control", "public, max-age=300");
    if (req.headers["if-none-match"]?.split(",").some((t) => t.trim() === etag)) {
      res.statusCode = 304;
      res.end();
      return;
    }
  }
  res.end(req.method === "HEAD" ? undefined : body);
}

const sendError = (req: IncomingMessage, res: ServerResponse, status: number, message: string) =>
  send(req, res, status, "text/plain; charset=utf-8", `${message}\n`);

/** The public base for permalinks: the configured public URL, else the request's own host. */
function baseUrl(req: IncomingMessage, publicUrl: string | undefined): string {
  const configured = publicUrl?.replace(/\/+$/, "");
  if (configured) return configured;
  const host = req.headers.host ?? "";
  return /^[A-Za-z0-9.[\]:-]{1,255}$/.test(host) ? `http://${host}` : "http://localhost";
}

const calendarOffer = (o: OfferRow): CalendarOffer => ({
  id: o.id,
  title: o.title,
  description: o.description,
  updatedAt: o.updatedAt,
  locationName: o.locationName,
  street: o.street,
  postalCode: o.postalCode,
  municipality: o.municipality,
  online: o.online,
  sessions: o.sessions,
});

function sendCalendar(
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  offers: readonly OfferRow[],
  file: string,
  publicUrl: string | undefined,
): void {
  const base = baseUrl(req, publicUrl);
  const body = buildCalendar(name, offers.map(calendarOffer), (id) => `${base}/offers/${encodeURIComponent(id)}`);
  res.setHeader("content-disposition", `inline; filename="${file}"`);
  send(req, res, 200, "text/calendar; charset=utf-8", body, etagOf(body));
}

const list = (value: string | null): string[] =>
  (value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

async function offersIcs(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> {
  const ids = [...new Set(list(ctx.url.searchParams.get("ids")))];
  if (!ids.length) return sendError(req, res, 400, "Parameter ids fehlt (kommagetrennte Angebots-IDs).");
  if (ids.length > MAX_IDS) return sendError(req, res, 400, `Höchstens ${MAX_IDS} Angebote je Kalender.`);
  if (ids.some((id) => !ID_PATTERN.test(id))) return sendError(req, res, 400, "Ungültige Angebots-ID in ids.");
  const offers = (await loadOffers(ctx.db, ids)).filter((o) => o.status === "ACTIVE" && o.duplicateOfId === null);
  if (!offers.length) return sendError(req, res, 404, "Keines der Angebote wurde gefunden.");
  sendCalendar(req, res, "Fortbildungen Quartiersentwicklung", offers, "angebote.ics", ctx.publicUrl);
}

/** Query parameters → learningPath input; the same validation as the GraphQL query applies. */
export function pathInputOf(params: URLSearchParams): LearningPathInput {
  const number = (name: string): number | null => {
    const v = params.get(name);
    return v === null || v === "" ? null : Number(v);
  };
  const flag = params.get("online");
  const from = params.get("from");
  return {
    roles: list(params.get("role") ?? params.get("roles")) as LearningPathInput["roles"],
    completedModules: list(params.get("completed")),
    place:
      params.get("postcode") || params.get("municipality") || params.get("municipalityKey") || params.get("district")
        ? {
            postcode: params.get("postcode"),
            municipality: params.get("municipality"),
            municipalityKey: params.get("municipalityKey"),
            districtKey: params.get("district"),
          }
        : null,
    radiusKm: number("radius"),
    onlineAcceptable: flag === null ? null : flag === "true" || flag === "1",
    from: from ? new Date(from) : null,
    months: number("months"),
    maxBudget: number("maxBudget"),
  };
}

async function pathIcs(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> {
  const input = pathInputOf(ctx.url.searchParams);
  if (input.from && Number.isNaN(input.from.getTime()))
    return sendError(req, res, 400, "from ist kein gültiges Datum (ISO 8601).");
  try {
    const path = await learningPath(ctx.db, input, ctx.now());
    sendCalendar(
      req,
      res,
      "Mein Qualifizierungsweg Quartiersentwicklung",
      path.offers,
      "qualifizierungsweg.ics",
      ctx.publicUrl,
    );
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === "BAD_USER_INPUT") {
      return sendError(req, res, 400, `${String(error.extensions.field ?? "")}: ${error.message}`);
    }
    throw error;
  }
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

const dateFormat = new Intl.DateTimeFormat("de-DE", {
  dateStyle: "full",
  timeStyle: "short",
  timeZone: "Europe/Berlin",
});
const dayFormat = new Intl.DateTimeFormat("de-DE", { dateStyle: "full", timeZone: "Europe/Berlin" });

/** Only http(s) links are rendered as links; anything else (javascript:) stays text. */
const safeHref = (url: string | null): string | null => (url && /^https?:\/\//i.test(url) ? url : null);

export function offerPage(o: OfferRow): string {
  const sessions = o.sessions
    .map((s) => `<li>${escapeHtml(s.allDay ? dayFormat.format(s.start) : dateFormat.format(s.start))}</li>`)
    .join("");
  const place = [o.locationName, o.street, [o.postalCode, o.municipality].filter(Boolean).join(" ")]
    .filter((p) => p && p.trim())
    .join(", ");
  const price = o.free
    ? "kostenfrei"
    : o.priceAmount !== null
      ? `${Number(o.priceAmount).toFixed(2).replace(".", ",")} €`
      : (o.priceText ?? "keine Angabe");
  const href = safeHref(o.url ?? o.sourceUrl);
  const rows: [string, string][] = [
    ["Anbieter", escapeHtml(o.provider.name)],
    ["Ort", escapeHtml(place || (o.online ? "online" : "keine Angabe"))],
    ["Preis", escapeHtml(price)],
    ["Module", escapeHtml(o.moduleCodes.join(", ") || "–")],
  ];
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)} – Qualifiziert ins Quartier</title></head>
<body><main>
<h1>${escapeHtml(o.title)}</h1>
<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>
<h2>Termine</h2><ul>${sessions || "<li>keine Termine bekannt</li>"}</ul>
<h2>Beschreibung</h2><p>${escapeHtml(o.description).replace(/\n/g, "<br>")}</p>
${href ? `<p><a href="${escapeHtml(href)}" rel="noopener nofollow">Zur Anmeldung beim Anbieter</a></p>` : ""}
<p><a href="/calendar/offers.ics?ids=${encodeURIComponent(o.id)}">Termine in den Kalender übernehmen (.ics)</a></p>
</main></body></html>
`;
}

async function permalink(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
  match: RegExpExecArray | null,
): Promise<void> {
  const id = match?.[1] ?? "";
  const [offer] = await loadOffers(ctx.db, [id]);
  if (!offer) return sendError(req, res, 404, "Angebot nicht gefunden.");
  res.setHeader("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");
  send(req, res, 200, "text/html; charset=utf-8", offerPage(offer));
}

export const CALENDAR_ROUTES: Route[] = [
  { method: "GET", path: "/calendar/offers.ics", handle: (req, res, ctx) => offersIcs(req, res, ctx) },
  { method: "GET", path: "/calendar/path.ics", handle: (req, res, ctx) => pathIcs(req, res, ctx) },
  { method: "GET", path: /^\/offers\/([A-Za-z0-9-]{1,64})$/, handle: permalink },
];
