import type { Viewer } from "./context.ts";
import { hubError } from "./errors.ts";

type Role = Exclude<Viewer["role"], "PUBLIC">;

/** Guards a resolver: the public gets UNAUTHENTICATED, a signed-in viewer without the role FORBIDDEN. */
export function requireRole<R extends Role>(viewer: Viewer, ...roles: R[]): Extract<Viewer, { role: R }> {
  if (viewer.role === "PUBLIC") throw hubError("UNAUTHENTICATED", "Anmeldung erforderlich.");
  if (viewer.role !== "ADMIN" && !roles.includes(viewer.role as R)) {
    throw hubError("FORBIDDEN", "Für diese Aktion fehlt die Berechtigung.");
  }
  return viewer as Extract<Viewer, { role: R }>;
}
