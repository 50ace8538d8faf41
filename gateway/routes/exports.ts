import type { IncomingMessage, ServerResponse } from "node:http";
import { GraphQLError } from "graphql";
import { computeCoverage, type CoverageQuery } from "../../schema/coverage/coverage.service.ts";
import { LEARNING_FORMAT_CODES, ROLE_CODES, AUDIENCE_CODES } from "../../schema/taxonomy/codes.ts";
import { toCsv } from "../exports/csv.ts";
import { toXlsx } from "../exports/xlsx.ts";
import { toHtml } from "../exports/html.ts";
import { isoDay, type ExportDocument } from "../exports/table.ts";
import { offersOverview } from "../exports/offers.ts";
import { coverageMatrix, gapList, type CoverageFilters } from "../exports/coverage.ts";
import { loadCurrentOffers, MAX_OVERVIEW_OFFERS } from "../exports/load.ts";
import type { Route, RouteContext } from "./index.ts";

/**
 * Exports for the coordination office (analysts and admins only):
 *   GET /exports/offers.csv|xlsx|html        current offers by learning area and module
 *   GET /exports/coverage.csv|xlsx|html?level=DISTRICT|REGION&from=…&to=…(exclusive)&role=…&learningFormat=…&tier=…&online=counted
 *   GET /exports/gaps.csv|xlsx|html?…        the same filters
 * CSV and XLSX download with a German file name and the date; HTML opens for printing.
 */

type Kind = "csv" | "xlsx" | "html";

const CONTENT_TYPES: Record<Kind, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  html: "text/html; charset=utf-8",
};

/** No script may run in an export page; styles are inline in the document. */
const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'";

function sendText(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader("content-type", "text/plain; charset=utf-8");
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("cache-control", "no-store");
  res.end(`${message}\n`);
}

/** Analysts and admins; the public is asked to log in, others are refused. */
export function refuseUnlessAnalyst(res: ServerResponse, ctx: RouteContext): boolean {
  if (ctx.viewer.role === "PUBLIC") {
    res.setHeader("www-authenticate", 'Bearer realm="quartier-hub"');
    sendText(res, 401, "Anmeldung erforderlich: Exporte gibt es nur für die Koordinierungsstelle (Analyse).");
    return true;
  }
  if (ctx.viewer.role !== "ANALYST" && ctx.viewer.role !== "ADMIN") {
    sendText(res, 403, "Für Exporte fehlt die Berechtigung (Rolle Analyse erforderlich).");
    return true;
  }
  return false;
}

/** ASCII fallback for old clients, the German name (with umlauts) in filename*. */
export function contentDisposition(name: string): string {
  const ascii = name
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/Ä/g, "Ae")
    .replace(/Ö/g, "Oe")
    .replace(/Ü/g, "Ue")
    .replace(/ß/g, "ss")
    .replace(/[^A-Za-z0-9._-]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

async function send(
  req: IncomingMessage,
  res: ServerResponse,
  doc: ExportDocument,
  kind: Kind,
  fileBase: string,
  htmlOptions: Parameters<typeof toHtml>[1] = {},
): Promise<void> {
  const body = kind === "csv" ? toCsv(doc) : kind === "xlsx" ? await toXlsx(doc) : toHtml(doc, htmlOptions);
  res.statusCode = 200;
  res.setHeader("content-type", CONTENT_TYPES[kind]);
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("cache-control", "private, no-store");
  if (kind === "html") res.setHeader("content-security-policy", EXPORT_CSP);
  else res.setHeader("content-disposition", contentDisposition(`${fileBase}_${isoDay(doc.stateOf)}.${kind}`));
  res.end(req.method === "HEAD" ? undefined : body);
}

const upper = (v: string | null) => (v ? v.trim().toUpperCase() : null);

class ParamError extends Error {}

function oneOf<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
  const value = upper(params.get(name));
  if (!value) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new ParamError(`${name}: „${params.get(name)}“ ist nicht erlaubt (${allowed.join(", ")}).`);
  return value as T;
}

function dateParam(params: URLSearchParams, name: string): Date | undefined {
  const value = params.get(name)?.trim();
  if (!value) return undefined;
  // A bare day is the start of that (UTC) day; `to` is exclusive, as in the coverage query and the dashboard.
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) throw new ParamError(`${name}: „${value}“ ist kein Datum (z. B. 2027-01-31).`);
  return date;
}

/** Query parameters → coverage query; the service validates the period further. */
export function coverageQueryOf(params: URLSearchParams): { query: CoverageQuery; filters: CoverageFilters } {
  const online = params.get("online")?.trim().toLowerCase();
  const countOnlineInRegions = online === "counted" || online === "true" || online === "1" || online === "mitzaehlen";
  const query: CoverageQuery = {
    level: oneOf(params, "level", ["DISTRICT", "REGION"] as const),
    role: oneOf(params, "role", ROLE_CODES),
    learningFormat: oneOf(params, "learningFormat", LEARNING_FORMAT_CODES),
    audience: oneOf(params, "audience", AUDIENCE_CODES),
    tier: oneOf(params, "tier", ["BASIS", "VERTIEFUNG"] as const),
    from: dateParam(params, "from"),
    to: dateParam(params, "to"),
    countOnlineInRegions,
  };
  for (const k of Object.keys(query) as (keyof CoverageQuery)[]) if (query[k] === undefined) delete query[k];
  return {
    query,
    filters: {
      role: query.role ?? null,
      learningFormat: query.learningFormat ?? null,
      audience: query.audience ?? null,
      tier: query.tier ?? null,
      countOnlineInRegions,
    },
  };
}

async function offersExport(req: IncomingMessage, res: ServerResponse, ctx: RouteContext, kind: Kind) {
  const now = ctx.now();
  const { offers, truncated } = await loadCurrentOffers(ctx.db, now);
  const doc = offersOverview(offers, now);
  if (truncated) doc.notes = [...(doc.notes ?? []), `Gekürzt auf die ersten ${MAX_OVERVIEW_OFFERS} Angebote.`];
  // Learning area and module are the headings of the printed page, not columns.
  await send(req, res, doc, kind, "Fortbildungsangebote", { hiddenColumns: [0, 1] });
}

async function coverageExport(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
  kind: Kind,
  which: "coverage" | "gaps",
) {
  let parsed: ReturnType<typeof coverageQueryOf>;
  try {
    parsed = coverageQueryOf(ctx.url.searchParams);
  } catch (error) {
    if (error instanceof ParamError) return sendText(res, 400, error.message);
    throw error;
  }
  const now = ctx.now();
  try {
    const data = await computeCoverage(ctx.db, parsed.query, now);
    const level = data.level === "REGION" ? "Regierungsbezirke" : "Kreise";
    if (which === "coverage")
      await send(req, res, coverageMatrix(data, parsed.filters, now), kind, `Abdeckung_${level}`);
    else await send(req, res, gapList(data, parsed.filters, now), kind, `Lücken_${level}`);
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === "BAD_USER_INPUT") {
      const field = typeof error.extensions.field === "string" ? `${error.extensions.field}: ` : "";
      return sendText(res, 400, `${field}${error.message}`);
    }
    throw error;
  }
}

const EXPORT_PATH = /^\/exports\/(offers|coverage|gaps)\.(csv|xlsx|html)$/;

export const EXPORT_ROUTES: Route[] = [
  {
    method: "GET",
    path: EXPORT_PATH,
    async handle(req, res, ctx, match) {
      if (refuseUnlessAnalyst(res, ctx)) return;
      const which = match?.[1] as "offers" | "coverage" | "gaps";
      const kind = match?.[2] as Kind;
      if (which === "offers") return offersExport(req, res, ctx, kind);
      return coverageExport(req, res, ctx, kind, which);
    },
  },
];
