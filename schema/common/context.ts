import type { Database } from "../../prisma/database.ts";

/** Who is asking. The access issue fills in tokens and logins; public is the default. */
export type Viewer =
  | { role: "PUBLIC" }
  | { role: "ADMIN" | "ANALYST"; id: string; name: string }
  | { role: "PROVIDER"; id: string; name: string; providerId: string };

/** What every resolver receives: the database and the viewer; nothing global. */
export interface HubContext {
  db: Database;
  viewer: Viewer;
  /** The request's clock, injected so tests can fix "now". */
  now: () => Date;
}

export const isStaff = (viewer: Viewer): boolean => viewer.role === "ADMIN" || viewer.role === "ANALYST";
