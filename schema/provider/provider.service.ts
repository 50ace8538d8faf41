import type { Database } from "../../prisma/database.ts";
import type { Viewer } from "../common/context.ts";
import { isStaff } from "../common/context.ts";

/** The public sees approved providers; analysts and admins see every registration. */
export async function listProviders(db: Database, viewer: Viewer) {
  return db.prisma.provider.findMany({
    where: isStaff(viewer) ? {} : { status: "APPROVED" },
    orderBy: { name: "asc" },
  });
}

export async function findProvider(db: Database, viewer: Viewer, id: string) {
  const provider = await db.prisma.provider.findUnique({ where: { id } });
  if (!provider) return null;
  const ownRecord = viewer.role === "PROVIDER" && viewer.providerId === id;
  if (provider.status !== "APPROVED" && !isStaff(viewer) && !ownRecord) return null;
  return provider;
}

export async function countCurrentOffers(db: Database, providerId: string): Promise<number> {
  return db.prisma.offer.count({ where: { providerId, status: "ACTIVE", relevant: true, duplicateOfId: null } });
}
