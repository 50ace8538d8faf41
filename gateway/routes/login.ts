import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError, readBody } from "../http-body.ts";
import { sendRateLimited, type RateLimits } from "../rate-limit.ts";
import { LOGIN_FAILED, SESSION_COOKIE, login, logout, readCookie, sessionCookie } from "../auth/sessions.ts";
import { normaliseEmail } from "../auth/passwords.ts";
import type { Route } from "./index.ts";

/**
 * POST /login (form or JSON: email, password) and POST /logout for the dashboard.
 * The routes need the gateway's limiters and cookie policy, so the gateway builds them
 * per instance (createLoginRoutes) and dispatches them before the shared ROUTES table.
 */
export interface LoginRouteDeps {
  limits: RateLimits;
  sessionMs: number;
  /** Whether the cookie gets `Secure` (public URL is https, or the request came over TLS). */
  secure(req: IncomingMessage): boolean;
  clientIp(req: IncomingMessage): string;
  /** Origins allowed to post the login form besides the request's own host. */
  publicOrigin?: string;
}

const MAX_LOGIN_BODY = 8 * 1024;

/** Why a form login came back to the login page; the page maps these to fixed German texts. */
export const LOGIN_OUTCOME = { failed: "fehlgeschlagen", limited: "gesperrt" } as const;

export function createLoginRoutes(deps: LoginRouteDeps): Route[] {
  return [
    {
      method: "POST",
      path: "/login",
      async handle(req, res, ctx) {
        if (!sameOrigin(req, deps.publicOrigin))
          return refuse(res, 403, "FORBIDDEN", "Anmeldung nur von dieser Seite aus.");
        const form = await readCredentials(req);
        if (!form) return refuse(res, 400, "BAD_USER_INPUT", "E-Mail und Passwort als Formular oder JSON senden.");
        const ip = deps.limits.loginIp.take(deps.clientIp(req));
        const perEmail = ip.ok ? deps.limits.loginEmail.take(normaliseEmail(form.email)) : ip;
        if (!perEmail.ok) {
          // A browser form gets the login page back with the German message, not JSON.
          if (form.kind === "form") return redirect(res, `/dashboard?anmeldung=${LOGIN_OUTCOME.limited}`);
          return sendRateLimited(
            res,
            perEmail.retryAfterSeconds,
            "Zu viele Anmeldeversuche. Bitte später erneut versuchen.",
          );
        }
        const outcome = await login(ctx.db, form.email, form.password, ctx.now(), deps.sessionMs);
        if (!outcome.ok) {
          if (form.kind === "form") return redirect(res, `/dashboard?anmeldung=${LOGIN_OUTCOME.failed}`);
          return refuse(res, 401, "UNAUTHENTICATED", LOGIN_FAILED);
        }
        res.setHeader(
          "set-cookie",
          sessionCookie(outcome.sessionId, { secure: deps.secure(req), maxAge: Math.floor(deps.sessionMs / 1000) }),
        );
        res.setHeader("cache-control", "no-store");
        if (form.kind === "form") return redirect(res, "/");
        return sendJson(res, 200, { ok: true, expiresAt: outcome.expiresAt.toISOString() });
      },
    },
    {
      method: "POST",
      path: "/logout",
      async handle(req, res, ctx) {
        if (!sameOrigin(req, deps.publicOrigin))
          return refuse(res, 403, "FORBIDDEN", "Abmeldung nur von dieser Seite aus.");
        const sessionId = readCookie(req.headers.cookie, SESSION_COOKIE);
        if (sessionId) await logout(ctx.db, sessionId);
        res.setHeader("set-cookie", sessionCookie("", { secure: deps.secure(req), maxAge: 0 }));
        if ((req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded"))
          return redirect(res, "/");
        res.statusCode = 204;
        res.end();
      },
    },
  ];
}

type Credentials = { kind: "form" | "json"; email: string; password: string };

async function readCredentials(req: IncomingMessage): Promise<Credentials | null> {
  const type = req.headers["content-type"] ?? "";
  let text: string;
  try {
    text = await readBody(req, MAX_LOGIN_BODY);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return null;
    throw error;
  }
  if (type.includes("application/x-www-form-urlencoded")) {
    const params = new URLSearchParams(text);
    return credentials("form", params.get("email"), params.get("password"));
  }
  if (type.includes("application/json")) {
    try {
      const body: unknown = JSON.parse(text);
      if (typeof body !== "object" || body === null) return null;
      const record = body as Record<string, unknown>;
      return credentials("json", record.email, record.password);
    } catch {
      return null;
    }
  }
  return null;
}

const credentials = (kind: Credentials["kind"], email: unknown, password: unknown): Credentials | null =>
  typeof email === "string" && typeof password === "string" && email && password ? { kind, email, password } : null;

/**
 * Login CSRF guard: SameSite does not protect a login form, so a browser's cross-site
 * post (Origin or Sec-Fetch-Site tells) is refused. Clients that send neither header
 * (curl, scripts) are not browsers and pass.
 */
function sameOrigin(req: IncomingMessage, publicOrigin: string | undefined): boolean {
  if (req.headers["sec-fetch-site"] === "cross-site") return false;
  const origin = req.headers.origin;
  if (!origin) return true;
  if (publicOrigin && origin === publicOrigin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

function redirect(res: ServerResponse, location: string): void {
  res.statusCode = 303;
  res.setHeader("location", location);
  res.end();
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(body));
}
