import type { Database } from "../../prisma/database.ts";
import type { Viewer } from "./context.ts";

/** Every change by a signed-in user is recorded: who, when, what, before and after, why. */
export async function recordAudit(
  db: Database,
  viewer: Viewer,
  entry: {
    action: string;
    entityType: string;
    entityId?: string | null;
    before?: unknown;
    after?: unknown;
    reason?: string | null;
  },
): Promise<void> {
  await db.prisma.auditEvent.create({
    data: {
      actorType: viewer.role === "PUBLIC" ? "PUBLIC" : viewer.id.startsWith("token:") ? "TOKEN" : "USER",
      actorId: viewer.role === "PUBLIC" ? null : viewer.id,
      actorName: viewer.role === "PUBLIC" ? null : viewer.name,
      role: viewer.role,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: entry.before === undefined ? undefined : (JSON.parse(JSON.stringify(entry.before)) as object),
      after: entry.after === undefined ? undefined : (JSON.parse(JSON.stringify(entry.after)) as object),
      reason: entry.reason ?? null,
    },
  });
}
