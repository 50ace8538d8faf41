import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { ApolloServer, HeaderMap, type BaseContext } from "@apollo/server";
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from "@apollo/server/plugin/landingPage/default";
import type { GraphQLSchema } from "graphql";
import type { Database } from "../prisma/database.ts";
import type { HubContext, IngestPort, Viewer } from "../schema/common/context.ts";
import { findRoute } from "./routes/index.ts";
import { createFormatError } from "./errors.ts";
import { BodyTooLargeError, readBody } from "./http-body.ts";
import { authenticateToken } from "./auth/tokens.ts";
import type { Logger } from "./logger.ts";

/** Largest accepted request body: a GraphQL operation with variables, not an upload. */
export const MAX_BODY_BYTES = 1_000_000;

export interface GatewayDeps {
  db: Database;
  schema: GraphQLSchema;
  logger: Logger;
  env: "development" | "production" | "test";
  introspection: boolean;
  now?: () => Date;
  /** Ingest capabilities for provider mutations (preview, trigger); absent in read-only setups. */
  ingest?: IngestPort;
}

export interface Gateway {
  apollo: ApolloServer<HubContext>;
  /** The node:http request handler: /graphql, /healthz, and the start page. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Runs one operation in-process (tests, scripts), as a given viewer. */
  execute(query: string, variables?: Record<string, unknown>, viewer?: Viewer): ReturnType<ApolloServer<HubContext>["executeOperation"]>;
  stop(): Promise<void>;
}

/** Builds the gateway without listening: tests use it in-process, `hub serve` binds it. */
export async function createGateway(deps: GatewayDeps): Promise<Gateway> {
  const now = deps.now ?? (() => new Date());
  const apollo = new ApolloServer<HubContext>({
    schema: deps.schema,
    introspection: deps.introspection,
    includeStacktraceInErrorResponses: deps.env === "development",
    formatError: createFormatError((error) => deps.logger.error({ err: error }, "unexpected error in a resolver")),
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    plugins: [
      deps.introspection
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });
  await apollo.start();

  const contextFor = (viewer: Viewer): HubContext => ({ db: deps.db, viewer, now, ingest: deps.ingest });

  /** Bearer token → viewer; no header → public; a bad token is refused, never downgraded. */
  async function viewerOf(req: IncomingMessage): Promise<{ viewer: Viewer } | { refusal: string }> {
    const header = req.headers.authorization;
    if (!header) return { viewer: { role: "PUBLIC" } };
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) return { refusal: "Authorization-Header muss „Bearer <Token>“ sein." };
    const outcome = await authenticateToken(deps.db, match[1], now());
    return outcome.ok ? { viewer: outcome.viewer } : { refusal: outcome.reason };
  }

  async function handleGraphql(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const auth = await viewerOf(req);
    if ("refusal" in auth) {
      res.setHeader("www-authenticate", 'Bearer realm="quartier-hub"');
      return sendJson(res, 401, { errors: [{ message: auth.refusal, extensions: { code: "UNAUTHENTICATED" } }] });
    }
    let body: unknown = undefined;
    if (req.method === "POST") {
      const text = await readBody(req, MAX_BODY_BYTES);
      const type = req.headers["content-type"] ?? "";
      if (type.includes("application/json")) {
        try {
          body = text ? JSON.parse(text) : {};
        } catch {
          return sendJson(res, 400, { errors: [{ message: "Ungültiges JSON im Anfragekörper.", extensions: { code: "BAD_REQUEST" } }] });
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
      if (url.pathname === "/") return sendHtml(res, 200, START_PAGE);
      const found = findRoute(req.method ?? "GET", url.pathname);
      if (found) {
        const auth = await viewerOf(req);
        if ("refusal" in auth) return sendJson(res, 401, { error: auth.refusal });
        return await found.route.handle(req, res, { db: deps.db, url, now, viewer: auth.viewer }, found.match);
      }
      return sendJson(res, 404, { error: "Nicht gefunden." });
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return sendJson(res, 413, { errors: [{ message: `Anfrage größer als ${MAX_BODY_BYTES} Bytes.`, extensions: { code: "BAD_REQUEST" } }] });
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
    stop: () => apollo.stop(),
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

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(body));
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
<ul><li><a href="/graphql">GraphQL-Schnittstelle</a> (im Browser mit Abfrage-Editor)</li><li><a href="/healthz">Betriebszustand</a></li></ul>
</body></html>`;

export type { BaseContext };
