/**
 * The local feed server of the demo: fictional providers' websites on loopback, so
 * `npm start` shows a full hub without internet and tests fetch real HTTP.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FeedKind } from "../adapters/types.ts";
import { DEMO_PROVIDER_PROFILES, FORMAT_KIND } from "./catalogue.ts";
import { GRAPHQL_FEED_CONFIG } from "./render/graphql-api.ts";
import { HTML_CONFIGS } from "./render/html.ts";
import { buildDemoSite, type DemoSite, type Resource } from "./site.ts";

export interface DemoFeed {
  url: string;
  kind: FeedKind;
  /** Per-kind adapter options: the HTML selector config or the GraphQL query and field map. */
  config?: object;
  /** Cron expression for the scheduler. */
  schedule?: string;
}

export interface DemoProvider {
  slug: string;
  name: string;
  website: string;
  contactEmail: string;
  description: string;
  feeds: DemoFeed[];
}

export interface DemoServer {
  url: string;
  port: number;
  /** The rendered site, with the catalogue it was built from (the ground truth). */
  site: DemoSite;
  close(): Promise<void>;
}

export interface DemoServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: "127.0.0.1";
  baseDate: Date;
}

/** The providers and their feeds as the seed registers them. */
export function demoProviders(baseUrl: string): DemoProvider[] {
  const root = baseUrl.replace(/\/+$/, "");
  return DEMO_PROVIDER_PROFILES.map((p) => {
    const config =
      p.format === "html" ? HTML_CONFIGS[p.variant] : p.format === "graphql" ? GRAPHQL_FEED_CONFIG : undefined;
    return {
      slug: p.slug,
      name: p.name,
      website: `${root}/${p.slug}/`,
      contactEmail: p.contactEmail,
      description: p.description,
      feeds: [
        {
          url: `${root}/${p.slug}/${p.feedPath}`,
          kind: FORMAT_KIND[p.format],
          ...(config ? { config } : {}),
          schedule: p.schedule,
        },
      ],
    };
  });
}

const MAX_BODY = 64 * 1024;

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** True when the client's cached copy is still current (If-None-Match wins over If-Modified-Since). */
function notModified(req: IncomingMessage, resource: Resource): boolean {
  const inm = req.headers["if-none-match"];
  if (inm !== undefined) {
    return inm
      .split(",")
      .map((t) => t.trim().replace(/^W\//, ""))
      .some((t) => t === resource.etag || t === "*");
  }
  const ims = req.headers["if-modified-since"];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Date.parse(resource.lastModified) <= since;
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
  res.end(text);
}

async function handle(site: DemoSite, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? "/", "http://demo.invalid").pathname;
  const endpoint = site.graphql.get(path);
  if (endpoint) {
    if (req.method !== "POST") return sendText(res, 405, "Nur POST erlaubt.\n", { Allow: "POST" });
    const body = await readBody(req);
    if (body === null) return sendText(res, 413, "Anfrage zu groß.\n");
    const answer = await endpoint.handle(body);
    res.writeHead(answer.status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
    res.end(JSON.stringify(answer.json));
    return;
  }
  const resource = site.resources.get(path) ?? site.resources.get(path.endsWith("/") ? path : `${path}/`);
  if (!resource) return sendText(res, 404, "Seite nicht gefunden.\n");
  if (req.method !== "GET" && req.method !== "HEAD")
    return sendText(res, 405, "Methode nicht erlaubt.\n", { Allow: "GET, HEAD" });
  const headers = {
    ETag: resource.etag,
    "Last-Modified": resource.lastModified,
    "Cache-Control": "public, max-age=300",
  };
  if (notModified(req, resource)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, {
    ...headers,
    "Content-Type": resource.contentType,
    "Content-Length": String(resource.body.length),
  });
  res.end(req.method === "HEAD" ? undefined : resource.body);
}

/** Starts the demo feed server on loopback. Content is rendered once, before listening. */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const host = options.host ?? "127.0.0.1";
  let site: DemoSite | null = null;
  const server = createServer((req, res) => {
    if (!site) return sendText(res, 503, "Demo-Server startet noch.\n");
    handle(site, req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, "Interner Fehler des Demo-Servers.\n");
      else res.destroy();
    });
  });
  // Listen first: the feeds' URLs contain the port, which is known only after binding.
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  try {
    site = await buildDemoSite(url, options.baseDate);
  } catch (error) {
    server.close();
    throw error;
  }
  const built = site;
  return {
    url,
    port,
    site: built,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
