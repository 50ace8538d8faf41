import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The dashboard's static files, read once per process and served with a content hash
 * (the page links them with ?v=<hash>, so a browser may cache them and still never
 * runs yesterday's script against today's page).
 */
export interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

const FILES: Record<string, string> = {
  "dashboard.js": "text/javascript; charset=utf-8",
  "dashboard.css": "text/css; charset=utf-8",
};

let loaded: { assets: Map<string, Asset>; version: string } | undefined;

export function dashboardAssets(): { assets: Map<string, Asset>; version: string } {
  if (loaded) return loaded;
  const dir = path.join(import.meta.dirname, "static");
  const assets = new Map<string, Asset>();
  const all = createHash("sha256");
  for (const [name, type] of Object.entries(FILES)) {
    const body = readFileSync(path.join(dir, name));
    all.update(body);
    assets.set(name, { body, type, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 16)}"` });
  }
  loaded = { assets, version: all.digest("base64url").slice(0, 10) };
  return loaded;
}
