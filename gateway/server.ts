import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { ApolloServer, HeaderMap, type BaseContext } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from "@apollo/server/plugin/landingPage/default";
import type { GraphQLSchema } from "graphql";
import type { Database } from "../prisma/database.ts";
import type { HubContext, IngestPort, Viewer } from "../schema/common/context.ts";
import { createDemandRecorder, type DemandRecorder } from "../schema/demand/demand.recorder.ts";
import { findRoute } from "./routes/index.ts";
import { createFormatError } from "./errors.ts";
import { BodyTooLargeError, readBody } from "./http-body.ts";
import { authenticateToken } from "../schema/access/tokens.ts";
import { DEFAULT_SESSION_MS, SESSION_COOKIE, authenticateSession, readCookie, sessionCookie } from "./auth/sessions.ts";
import type { Logger } from "./logger.ts";
import type { SecuritySettings } from "./config.ts";
import { hardening } from "./hardening.ts";
import { createRateLimits, sendRateLimited } from "./rate-limit.ts";
import { createLoginRoutes } from "./routes/login.ts";
import type { TLSSocket } from "node:tls";

/** Largest accepted request body: a GraphQL operation with variables, not an upload. */
export const MAX_BODY_BYTES = 1_000_000;
/**
 * Signed-in providers and analysts may send more: a spreadsheet uploaded through
 * registerFeed/previewFeed (5 MB, base64-encoded in the variables). The public never.
 */
export const MAX_AUTHENTICATED_BODY_BYTES = 8_000_000;
/** Public GET answers (persisted queries over GET) are reused this long, at most this many. */
const RESPONSE_CACHE_MS = 10_000;
const RESPONSE_CACHE_ENTRIES = 1000;

export interface GatewayDeps {
  db: Database;
  schema: GraphQLSchema;
  logger: Logger;
  env: "development" | "production" | "test";
  introspection: boolean;
  now?: () => Date;
  /** Ingest capabilities for provider mutations (preview, trigger); absent in read-only setups. */
  ingest?: IngestPort;
  /** Query limits, rate limits and session length; defaults are in hardening.ts and rate-limit.ts. */
  security?: Partial<SecuritySettings>;
  /** HUB_PUBLIC_URL: an https URL makes session cookies Secure and is an allowed login origin. */
  publicUrl?: string;
  /** Demand counters; by default one recorder per gateway, flushed every few seconds and on stop(). */
  demand?: DemandRecorder;
}

export interface Gateway {
  apollo: ApolloServer<HubContext>;
  /** The node:http request handler: /graphql, /healthz, and the start page. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Runs one operation in-process (tests, scripts), as a given viewer. */
  execute(
    query: string,
    variables?: Record<string, unknown>,
    viewer?: Viewer,
  ): ReturnType<ApolloServer<HubContext>["executeOperation"]>;
  stop(): Promise<void>;
}

/** Builds the gateway without listening: tests use it in-process, `hub serve` binds it. */
export async function createGateway(deps: GatewayDeps): Promise<Gateway> {
  const now = deps.now ?? (() => new Date());
  const security = deps.security ?? {};
  const limits = createRateLimits(() => now().getTime(), {
    ...(security.ratePublic ? { public: security.ratePublic } : {}),
    ...(security.rateToken ? { viewer: security.rateToken } : {}),
  });
  const sessionMs = security.sessionHours ? security.sessionHours * 3_600_000 : DEFAULT_SESSION_MS;
  const publicHttps = deps.publicUrl?.startsWith("https:") ?? false;
  const secureCookie = (req: IncomingMessage) => publicHttps || Boolean((req.socket as TLSSocket).encrypted);
  const loginRoutes = createLoginRoutes({
    limits,
    sessionMs,
    secure: secureCookie,
    clientIp,
    publicOrigin: deps.publicUrl ? new URL(deps.publicUrl).origin : undefined,
  });
  const hardened = hardening(security, { hideSuggestions: !deps.introspection });
  const apollo = new ApolloServer<HubContext>({
    schema: deps.schema,
    introspection: deps.introspection,
    includeStacktraceInErrorResponses: deps.env === "development",
    formatError: createFormatError((error) => deps.logger.error({ err: error }, "unexpected error in a resolver")),
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: hardened.validationRules,
    parseOptions: hardened.parseOptions,
    plugins: [
      // No per-field cache-control hook: the hub sends no cache hints, and the hook was a
      // large share of a list's cost (toolchain notes). Repeated reads use the cache below.
      ApolloServerPluginCacheControlDisabled(),
      ...hardened.plugins,
      deps.introspection
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });
  await apollo.start();

  const demand =
    deps.demand ??
    createDemandRecorder(deps.db, { now, onError: (err) => deps.logger.warn({ err }, "demand counters not stored") });
  const contextFor = (viewer: Viewer): HubContext => ({ db: deps.db, viewer, now, ingest: deps.ingest, demand });

  /**
   * Bearer token → viewer, else the dashboard session cookie; neither → public. A bad
   * credential is refused, never downgraded; Bearer wins when both are sent.
   */
  async function viewerOf(
    req: IncomingMessage,
  ): Promise<{ viewer: Viewer } | { refusal: string; staleCookie?: boolean }> {
    const header = req.headers.authorization;
    if (!header) {
      const session = readCookie(req.headers.cookie, SESSION_COOKIE);
      if (!session) return { viewer: { role: "PUBLIC" } };
      const outcome = await authenticateSession(deps.db, session, now());
      return outcome.ok ? { viewer: outcome.viewer } : { refusal: outcome.reason, staleCookie: true };
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) return { refusal: "Authorization-Header muss „Bearer <Token>“ sein." };
    const outcome = await authenticateToken(deps.db, match[1], now());
    return outcome.ok ? { viewer: outcome.viewer } : { refusal: outcome.reason };
  }

  type Admission = { viewer: Viewer } | { refusal: string; staleCookie?: boolean } | { retryAfterSeconds: number };

  /**
   * Authentication plus rate limits: the public per IP, signed-in viewers per token or
   * session. Failed credentials count against the IP in a bucket of their own, checked
   * before verifying, so a guesser cannot make the server spend scrypt without limit.
   */
  async function admit(req: IncomingMessage): Promise<Admission> {
    const ip = clientIp(req);
    const hasCredential =
      Boolean(req.headers.authorization) || readCookie(req.headers.cookie, SESSION_COOKIE) !== undefined;
    if (!hasCredential) {
      const taken = limits.public.take(ip);
      return taken.ok ? { viewer: { role: "PUBLIC" } } : { retryAfterSeconds: taken.retryAfterSeconds };
    }
    const gate = limits.authFailure.peek(ip);
    if (!gate.ok) return { retryAfterSeconds: gate.retryAfterSeconds };
    const auth = await viewerOf(req);
    if ("refusal" in auth) {
      limits.authFailure.take(ip);
      return auth;
    }
    const key = auth.viewer.role === "PUBLIC" ? `ip:${ip}` : auth.viewer.id;
    const taken = limits.viewer.take(key);
    return taken.ok ? auth : { retryAfterSeconds: taken.retryAfterSeconds };
  }

  /** Answers a refused admission (429 or 401); returns the viewer otherwise. */
  function refuseOrViewer(
    res: ServerResponse,
    admission: Admission,
    shape: "graphql" | "route" = "graphql",
  ): Viewer | null {
    if ("retryAfterSeconds" in admission) {
      sendRateLimited(res, admission.retryAfterSeconds);
      return null;
    }
    if ("refusal" in admission) {
      res.setHeader("www-authenticate", 'Bearer realm="quartier-hub"');
      // A browser keeps sending a dead session cookie: clear it so the portal works again.
      if (admission.staleCookie) res.setHeader("set-cookie", sessionCookie("", { secure: publicHttps, maxAge: 0 }));
      sendJson(
        res,
        401,
        shape === "graphql"
          ? { errors: [{ message: admission.refusal, extensions: { code: "UNAUTHENTICATED" } }] }
          : { error: admission.refusal },
      );
      return null;
    }
    return admission.viewer;
  }

  /**
   * Identical anonymous GET requests (a portal's persisted queries) within 10 s get the
   * same bytes without running Apollo again; only after rate limits, only with the header
   * Apollo's CSRF prevention asks of a GET, only complete 200 answers without errors.
   */
  const responseCache = new Map<string, { at: number; headers: [string, string][]; body: string }>();
  const cacheKeyOf = (req: IncomingMessage, viewer: Viewer, url: URL): string | null =>
    req.method === "GET" &&
    viewer.role === "PUBLIC" &&
    (req.headers["apollo-require-preflight"] !== undefined || req.headers["x-apollo-operation-name"] !== undefined)
      ? url.search
      : null;

  async function handleGraphql(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const viewer = refuseOrViewer(res, await admit(req));
    if (!viewer) return;
    const cacheKey = cacheKeyOf(req, viewer, url);
    const hit = cacheKey === null ? undefined : responseCache.get(cacheKey);
    if (hit && performance.now() - hit.at < RESPONSE_CACHE_MS) {
      for (const [key, value] of hit.headers) res.setHeader(key, value);
      res.end(hit.body);
      return;
    }
    const auth = { viewer };
    let body: unknown = undefined;
    if (req.method === "POST") {
      const text = await readBody(req, viewer.role === "PUBLIC" ? MAX_BODY_BYTES : MAX_AUTHENTICATED_BODY_BYTES);
      const type = req.headers["content-type"] ?? "";
      if (type.includes("application/json")) {
        try {
          body = text ? JSON.parse(text) : {};
        } catch {
          return sendJson(res, 400, {
            errors: [{ message: "Ungültiges JSON im Anfragekörper.", extensions: { code: "BAD_REQUEST" } }],
          });
        }
      } else {
        body = text;
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
      context: async () => contextFor(auth.viewer),
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === "complete") {
      if (cacheKey !== null && res.statusCode === 200 && !result.body.string.includes('"errors":')) {
        if (responseCache.size >= RESPONSE_CACHE_ENTRIES)
          responseCache.delete(responseCache.keys().next().value as string);
        responseCache.set(cacheKey, { at: performance.now(), headers: [...result.headers], body: result.body.string });
      }
      res.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://hub.invalid");
    try {
      if (url.pathname === "/graphql") return await handleGraphql(req, res, url);
      if (url.pathname === "/healthz") {
        await deps.db.sql("select 1");
        return sendJson(res, 200, { status: "ok", database: deps.db.kind });
      }
      if (url.pathname === "/") {
        // Someone signed in (the login form's redirect lands here) goes on to the dashboard.
        if (readCookie(req.headers.cookie, SESSION_COOKIE)) return redirect(res, "/dashboard");
        return sendHtml(res, 200, START_PAGE);
      }
      const login = loginRoutes.find((route) => route.method === req.method && route.path === url.pathname);
      if (login) return await login.handle(req, res, { db: deps.db, url, now, viewer: { role: "PUBLIC" } }, null);
      const found = findRoute(req.method ?? "GET", url.pathname);
      if (found) {
        const admission = await admit(req);
        // A page for people: a dead session cookie is cleared and the login form shown, not a JSON 401.
        if (url.pathname === "/dashboard" && "refusal" in admission && admission.staleCookie) {
          res.setHeader("set-cookie", sessionCookie("", { secure: publicHttps, maxAge: 0 }));
          return redirect(res, "/dashboard");
        }
        const viewer = refuseOrViewer(res, admission, "route");
        if (!viewer) return;
        return await found.route.handle(
          req,
          res,
          { db: deps.db, url, now, viewer, publicUrl: deps.publicUrl },
          found.match,
        );
      }
      return sendJson(res, 404, { error: "Nicht gefunden." });
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return sendJson(res, 413, {
          errors: [{ message: "Anfrage zu groß.", extensions: { code: "BAD_REQUEST" } }],
        });
      }
      deps.logger.error({ err: error, path: url.pathname }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { error: "Interner Fehler." });
      else res.end();
    }
  }

  return {
    apollo,
    handle,
    execute: (query, variables, viewer = { role: "PUBLIC" }) =>
      apollo.executeOperation({ query, variables }, { contextValue: contextFor(viewer) }),
    stop: async () => {
      await apollo.stop();
      await demand.close();
    },
  };
}

/** Binds the gateway to a port; resolves once listening. */
export function listen(gateway: Gateway, port: number, host: string): Promise<Server> {
  const server = createHttpServer((req, res) => void gateway.handle(req, res));
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}

/**
 * The peer address. X-Forwarded-For is not trusted: behind a reverse proxy every client
 * would share the proxy's bucket, so such a setup needs the proxy to limit as well.
 */
const clientIp = (req: IncomingMessage): string => req.socket.remoteAddress ?? "unknown";

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(body));
}

function redirect(res: ServerResponse, location: string): void {
  res.statusCode = 303;
  res.setHeader("location", location);
  res.setHeader("cache-control", "no-store");
  res.end();
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");
  res.end(html);
}

const START_PAGE = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Quartier-Angebotsdrehscheibe</title>
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:3rem auto;line-height:1.5;color:#1a1a1a}a{color:#0b57d0}</style></head>
<body><h1>Quartier-Angebotsdrehscheibe</h1>
<p>Fortbildungsangebote zur Quartiersentwicklung in Baden-Württemberg, zugeordnet zum Curriculum „Qualifiziert ins Quartier!“.</p>
<ul><li><a href="/dashboard">Dashboard der Koordinierungsstelle</a> (Anmeldung)</li><li><a href="/graphql">GraphQL-Schnittstelle</a> (im Browser mit Abfrage-Editor)</li><li><a href="/healthz">Betriebszustand</a></li></ul>
</body></html>`;

export type { BaseContext };
