import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { gzipSync } from "node:zlib";

/**
 * A tiny HTTP server on 127.0.0.1 for ingest tests: routes are plain handlers that a
 * test may replace between runs (a feed that changes, breaks or disappears), and every
 * request is logged so a test can see what the fetcher sent (e.g. If-None-Match).
 */

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface LoggedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
}

export interface FeedServer {
  /** "127.0.0.1:<port>", for the fetcher's allow list. */
  readonly host: string;
  readonly port: number;
  url(path: string): string;
  route(path: string, handler: RouteHandler): void;
  /** Serves fixed bytes; `etag` makes the route answer 304 to a matching If-None-Match. */
  serve(path: string, body: string | Uint8Array, options?: ServeOptions): void;
  readonly requests: LoggedRequest[];
  close(): Promise<void>;
}

export interface ServeOptions {
  contentType?: string;
  status?: number;
  etag?: string;
  headers?: Record<string, string>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, RouteHandler>();
  const requests: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    requests.push({ method: req.method ?? "GET", path, headers: req.headers });
    // No keep-alive: a pooled socket that the server closes while a test is busy elsewhere
    // (the classifier's first load takes seconds) would fail the next fetch at random.
    res.shouldKeepAlive = false;
    const handler = routes.get(path) ?? notFound;
    Promise.resolve(handler(req, res)).catch(() => res.destroy());
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    host: `127.0.0.1:${port}`,
    port,
    url: (path) => `${base}${path}`,
    route: (path, handler) => void routes.set(path, handler),
    serve: (path, body, options = {}) => void routes.set(path, fixedBody(body, options)),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging and dripping routes keep sockets open: end them so close() returns.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const notFound: RouteHandler = (_req, res) => {
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
  res.end("Nicht gefunden");
};

export function fixedBody(body: string | Uint8Array, options: ServeOptions = {}): RouteHandler {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body);
  return (req, res) => {
    if (options.etag && req.headers["if-none-match"] === options.etag) {
      res.writeHead(304, { etag: options.etag });
      res.end();
      return;
    }
    res.writeHead(options.status ?? 200, {
      "content-type": options.contentType ?? "application/octet-stream",
      "content-length": String(bytes.byteLength),
      ...(options.etag ? { etag: options.etag } : {}),
      ...options.headers,
    });
    res.end(bytes);
  };
}

/** Never answers: the fetcher's overall deadline must end the wait. */
export const hang: RouteHandler = () => undefined;

/** Sends headers, then one byte per `intervalMs` for ever: an idle timeout never fires. */
export function drip(intervalMs = 1000): RouteHandler {
  return (req, res) => {
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
    res.write("<");
    const timer = setInterval(() => res.write(" "), intervalMs);
    const stop = () => clearInterval(timer);
    req.socket.on("close", stop);
    res.on("close", stop);
  };
}

/** Redirects to itself for ever. */
export function redirectLoop(to: string): RouteHandler {
  return (_req, res) => {
    res.writeHead(302, { location: to });
    res.end();
  };
}

/** A small gzip body that expands to `expandedBytes` of spaces. */
export function gzipBomb(expandedBytes: number, contentType = "application/rss+xml; charset=utf-8"): RouteHandler {
  const compressed = gzipSync(Buffer.alloc(expandedBytes, 0x20), { level: 9 });
  return (_req, res) => {
    res.writeHead(200, {
      "content-type": contentType,
      "content-encoding": "gzip",
      "content-length": String(compressed.byteLength),
    });
    res.end(compressed);
  };
}
