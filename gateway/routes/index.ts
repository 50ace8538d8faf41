import type { IncomingMessage, ServerResponse } from "node:http";
import type { Database } from "../../prisma/database.ts";
import type { Viewer } from "../../schema/common/context.ts";
import { CALENDAR_ROUTES } from "./calendar.ts";
import { PUBLISH_ROUTES } from "./publish.ts";
import { SUBGRAPH_ROUTES } from "../subgraph.ts";
import { EXPORT_ROUTES } from "./exports.ts";
import { DASHBOARD_ROUTES } from "./dashboard.ts";

/**
 * Plain HTTP routes beside /graphql (pages, exports, calendar files, published feeds).
 * Each feature adds its routes to ROUTES in one line; the gateway dispatches in order.
 */
export interface RouteContext {
  db: Database;
  url: URL;
  now: () => Date;
  /** The viewer from a bearer token or a dashboard session; PUBLIC otherwise. */
  viewer: Viewer;
  /** The configured public address (HUB_PUBLIC_URL), for absolute links. */
  publicUrl?: string;
}

export interface Route {
  method: "GET" | "POST";
  /** Exact path, or a pattern whose groups the handler reads. */
  path: string | RegExp;
  handle(req: IncomingMessage, res: ServerResponse, ctx: RouteContext, match: RegExpExecArray | null): Promise<void>;
}

export const ROUTES: Route[] = [
  ...CALENDAR_ROUTES,
  ...PUBLISH_ROUTES,
  ...SUBGRAPH_ROUTES,
  ...EXPORT_ROUTES,
  ...DASHBOARD_ROUTES,
];

export function findRoute(method: string, pathname: string): { route: Route; match: RegExpExecArray | null } | null {
  for (const route of ROUTES) {
    if (route.method !== method && !(method === "HEAD" && route.method === "GET")) continue;
    if (typeof route.path === "string") {
      if (route.path === pathname) return { route, match: null };
    } else {
      const match = route.path.exec(pathname);
      if (match) return { route, match };
    }
  }
  return null;
}
