import type { IncomingMessage, ServerResponse } from "node:http";
import { dashboardAssets } from "../dashboard/assets.ts";
import { DASHBOARD_CSP, dashboardPage, forbiddenPage, loginPage } from "../dashboard/page.ts";
import type { Route, RouteContext } from "./index.ts";
import { LOGIN_OUTCOME } from "./login.ts";
import { LOGIN_FAILED } from "../auth/sessions.ts";

/**
 * The analyst dashboard:
 *   GET /dashboard                 login form (public) or the dashboard (analyst, admin)
 *   GET /dashboard/dashboard.js|css  its static module and styles (no secrets; public)
 *   GET /dashboard/decisions.json  the latest classification decisions (audit trail) for analysts
 * Data comes from /graphql (session cookie, JSON POST); the decisions list is here
 * because the GraphQL audit log is for admins and shows every kind of change.
 */

const MAX_DECISIONS = 50;

function sendPage(res: ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("content-security-policy", DASHBOARD_CSP);
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "same-origin");
  res.setHeader("cache-control", "no-store");
  res.end(html);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.end(JSON.stringify(body));
}

const isAnalyst = (ctx: RouteContext) => ctx.viewer.role === "ANALYST" || ctx.viewer.role === "ADMIN";

async function page(_req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> {
  const { version } = dashboardAssets();
  if (ctx.viewer.role === "PUBLIC") return sendPage(res, 200, loginPage(version, loginMessage(ctx.url)));
  if (ctx.viewer.role !== "ANALYST" && ctx.viewer.role !== "ADMIN") return sendPage(res, 403, forbiddenPage(version));
  sendPage(res, 200, dashboardPage(version, ctx.viewer, ctx.now()));
}

async function asset(
  req: IncomingMessage,
  res: ServerResponse,
  _ctx: RouteContext,
  match: RegExpExecArray | null,
): Promise<void> {
  const found = dashboardAssets().assets.get(match?.[1] ?? "");
  if (!found) return sendJson(res, 404, { error: "Nicht gefunden." });
  res.setHeader("etag", found.etag);
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("cache-control", "public, max-age=3600");
  if (req.headers["if-none-match"] === found.etag) {
    res.statusCode = 304;
    return void res.end();
  }
  res.statusCode = 200;
  res.setHeader("content-type", found.type);
  res.end(req.method === "HEAD" ? undefined : found.body);
}

/** Who decided what about which offer, and why: the audit rows of classification decisions. */
async function decisions(_req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> {
  if (ctx.viewer.role === "PUBLIC") return sendJson(res, 401, { error: "Anmeldung erforderlich." });
  if (!isAnalyst(ctx)) return sendJson(res, 403, { error: "Für diese Ansicht fehlt die Berechtigung." });
  const rows = await ctx.db.prisma.auditEvent.findMany({
    where: { action: "classification.decide", entityType: "Offer" },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: MAX_DECISIONS,
  });
  const ids = [...new Set(rows.map((r) => r.entityId).filter((id): id is string => Boolean(id)))];
  const offers = await ctx.db.prisma.offer.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } });
  const titles = new Map(offers.map((o) => [o.id, o.title]));
  const modulesOf = (state: unknown): string[] => {
    const codes = (state as { moduleCodes?: unknown } | null)?.moduleCodes;
    return Array.isArray(codes) ? codes.filter((c): c is string => typeof c === "string") : [];
  };
  sendJson(res, 200, {
    decisions: rows.map((r) => ({
      at: r.at.toISOString(),
      actor: r.actorName,
      offerId: r.entityId,
      offerTitle: (r.entityId && titles.get(r.entityId)) ?? null,
      before: modulesOf(r.before),
      after: modulesOf(r.after),
      reason: r.reason,
    })),
  });
}

export const DASHBOARD_ROUTES: Route[] = [
  { method: "GET", path: "/dashboard", handle: page },
  { method: "GET", path: /^\/dashboard\/(dashboard\.(?:js|css))$/, handle: asset },
  { method: "GET", path: "/dashboard/decisions.json", handle: decisions },
];

/** The message after a failed form login (POST /login redirects here); fixed texts, nothing reflected. */
function loginMessage(url: URL): string | undefined {
  const outcome = url.searchParams.get("anmeldung");
  if (outcome === LOGIN_OUTCOME.failed) return LOGIN_FAILED;
  if (outcome === LOGIN_OUTCOME.limited) return "Zu viele Anmeldeversuche. Bitte später erneut versuchen.";
  return undefined;
}
