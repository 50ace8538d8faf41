/**
 * A loopback HTTP server for a synthetic site. Validators (ETag, Last-Modified, 304) can
 * be switched off at run time, to measure re-ingest of servers that send none.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { SynthResource, SynthSite } from "./site.ts";

export interface SynthServer {
  url: string;
  port: number;
  /** Set once the site is rendered (its URLs need the port). */
  site: SynthSite | null;
  /** When false: no ETag/Last-Modified, conditional headers ignored. */
  validators: boolean;
  /** Responses by status, for sanity checks (200, 304, 404 …). */
  counts: Map<number, number>;
  close(): Promise<void>;
}

function isCurrent(req: IncomingMessage, r: SynthResource): boolean {
  const inm = req.headers["if-none-match"];
  if (inm !== undefined) return inm.split(",").some((t) => t.trim().replace(/^W\//, "") === r.etag);
  const ims = req.headers["if-modified-since"];
  return ims !== undefined && !Number.isNaN(Date.parse(ims)) && Date.parse(r.lastModified) <= Date.parse(ims);
}

export async function startSynthServer(): Promise<SynthServer> {
  const state = { site: null as SynthSite | null, validators: true, counts: new Map<number, number>() };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://synth.invalid").pathname;
    const resource = state.site?.resources.get(path);
    const send = (status: number, headers: Record<string, string>, body?: Uint8Array): void => {
      state.counts.set(status, (state.counts.get(status) ?? 0) + 1);
      res.writeHead(status, headers);
      res.end(body);
    };
    if (!resource)
      return send(404, { "Content-Type": "text/plain; charset=utf-8" }, Buffer.from("Seite nicht gefunden.\n"));
    const validators: Record<string, string> = state.validators
      ? { ETag: resource.etag, "Last-Modified": resource.lastModified }
      : {};
    if (state.validators && isCurrent(req, resource)) return send(304, validators);
    send(
      200,
      { "Content-Type": resource.contentType, "Content-Length": String(resource.body.byteLength), ...validators },
      resource.body,
    );
  });
  // Many sequential requests: keep connections alive like a real provider's server.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
