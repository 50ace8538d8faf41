import type { Database } from "../../prisma/database.ts";
import type { Viewer } from "../common/context.ts";
import { recordAudit } from "../common/audit.ts";
import { hubError, notFound } from "../common/errors.ts";
// The one import against the gateway → schema direction: issuing and revoking must go
// through the gateway's token module, which also drops revoked tokens from its
// in-process cache at once. Moving tokens.ts to schema/common would remove it.
import { issueToken, revokeToken } from "../access/tokens.ts";
import { email, httpUrl, slugify, text } from "./validate.ts";
import type { RegisterProviderInput, UpdateMyProviderInput } from "./provider.input.ts";

/** Registration, approval and tokens of providers. Messages are German; every change is audited. */

const LIMITS = { name: 200, contactName: 200, description: 5_000, reason: 2_000 } as const;
type Staff = Extract<Viewer, { role: "ADMIN" | "ANALYST" }>;

/** The fields an audit entry shows of a provider (never token material). */
const snapshot = (p: {
  name: string;
  status: string;
  website: string | null;
  contactName: string | null;
  contactEmail: string | null;
  description: string | null;
}) => ({
  name: p.name,
  status: p.status,
  website: p.website,
  contactName: p.contactName,
  contactEmail: p.contactEmail,
  description: p.description,
});

async function uniqueSlug(db: Database, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await db.prisma.provider.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
      (p) => p.slug,
    ),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export async function registerProvider(db: Database, viewer: Viewer, input: RegisterProviderInput) {
  const data = {
    name: text("name", input.name, LIMITS.name, { required: true, min: 2 })!,
    contactName: text("contactName", input.contactName, LIMITS.contactName),
    contactEmail: email("contactEmail", input.contactEmail, { required: true }),
    website: httpUrl("website", input.website),
    description: text("description", input.description, LIMITS.description),
  };
  const provider = await db.prisma.provider.create({
    data: { ...data, slug: await uniqueSlug(db, data.name), status: "PENDING" },
  });
  await recordAudit(db, viewer, {
    action: "provider.register",
    entityType: "Provider",
    entityId: provider.id,
    after: snapshot(provider),
  });
  return provider;
}

export async function decideProvider(
  db: Database,
  viewer: Staff,
  id: string,
  approve: boolean,
  reason: string | null | undefined,
  now: Date,
) {
  const why = text("reason", reason, LIMITS.reason);
  const before = await db.prisma.provider.findUnique({ where: { id } });
  if (!before) throw notFound("Anbieter", id);
  // Deciding twice would hand out a second token unseen: a decision is final here.
  if (before.status !== "PENDING")
    throw hubError("CONFLICT", `Über den Anbieter wurde bereits entschieden (${before.status}).`);
  const provider = await db.prisma.provider.update({
    where: { id },
    data: { status: approve ? "APPROVED" : "REJECTED", decidedAt: now },
  });
  const issued = approve
    ? await issueToken(db, { role: "PROVIDER", name: `Anbieter ${provider.slug}`, providerId: id })
    : null;
  await recordAudit(db, viewer, {
    action: approve ? "provider.approve" : "provider.reject",
    entityType: "Provider",
    entityId: id,
    before: { status: before.status },
    after: { status: provider.status, ...(issued ? { tokenPrefix: issued.prefix } : {}) },
    reason: why,
  });
  return { provider, token: issued ? { token: issued.token, prefix: issued.prefix } : null };
}

/** Staff for any approved provider, a provider for itself: the old tokens stop working now. */
export async function rotateProviderToken(db: Database, viewer: Viewer, providerId: string, now: Date) {
  const provider = await db.prisma.provider.findUnique({ where: { id: providerId } });
  const own = viewer.role === "PROVIDER" && viewer.providerId === providerId;
  if (!provider || (viewer.role === "PROVIDER" && !own)) throw notFound("Anbieter", providerId);
  if (provider.status !== "APPROVED") throw hubError("CONFLICT", "Nur freigegebene Anbieter erhalten ein Token.");
  const active = await db.prisma.apiToken.findMany({
    where: { providerId, revokedAt: null },
    select: { prefix: true },
  });
  for (const token of active) await revokeToken(db, token.prefix, now);
  const issued = await issueToken(db, { role: "PROVIDER", name: `Anbieter ${provider.slug}`, providerId });
  await recordAudit(db, viewer, {
    action: "provider.rotateToken",
    entityType: "Provider",
    entityId: providerId,
    before: { activeTokens: active.map((t) => t.prefix) },
    after: { activeTokens: [issued.prefix] },
  });
  return { token: issued.token, prefix: issued.prefix };
}

export async function revokeTokenByPrefix(db: Database, viewer: Viewer, prefix: string, now: Date): Promise<boolean> {
  const row = await db.prisma.apiToken.findUnique({ where: { prefix } });
  if (!row) throw notFound("Token", prefix);
  await revokeToken(db, row.prefix, now);
  await recordAudit(db, viewer, {
    action: "token.revoke",
    entityType: "ApiToken",
    entityId: row.id,
    before: { prefix: row.prefix, revokedAt: row.revokedAt },
    after: { prefix: row.prefix, revokedAt: row.revokedAt ?? now },
  });
  return true;
}

export async function updateMyProvider(
  db: Database,
  viewer: Extract<Viewer, { role: "PROVIDER" }>,
  input: UpdateMyProviderInput,
) {
  const before = await db.prisma.provider.findUnique({ where: { id: viewer.providerId } });
  if (!before) throw notFound("Anbieter", viewer.providerId);
  // undefined: leave as is; null or "": clear (only for optional fields).
  const data: Record<string, string | null> = {};
  if (input.name !== undefined) data.name = text("name", input.name, LIMITS.name, { required: true, min: 2 });
  if (input.contactEmail !== undefined)
    data.contactEmail = email("contactEmail", input.contactEmail, { required: true });
  if (input.contactName !== undefined) data.contactName = text("contactName", input.contactName, LIMITS.contactName);
  if (input.website !== undefined) data.website = httpUrl("website", input.website);
  if (input.description !== undefined) data.description = text("description", input.description, LIMITS.description);
  const provider = await db.prisma.provider.update({ where: { id: before.id }, data });
  await recordAudit(db, viewer, {
    action: "provider.update",
    entityType: "Provider",
    entityId: provider.id,
    before: snapshot(before),
    after: snapshot(provider),
  });
  return provider;
}
