import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import type { Database } from "../../prisma/database.ts";
import type { Viewer } from "../common/context.ts";

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number },
) => Promise<Buffer>;

/**
 * API tokens: `hub_<prefix>_<secret>`. The prefix (public, unique) finds the row; the
 * secret is stored only as an scrypt hash and shown once, when issued. Verified tokens
 * are remembered for a short while so a busy client does not pay scrypt per request;
 * revoking in this process forgets them at once, other processes within CACHE_MS.
 */

export type TokenRole = "ADMIN" | "ANALYST" | "PROVIDER";
const SCRYPT = { N: 16_384, r: 8, p: 1 } as const;
const KEYLEN = 32;
const CACHE_MS = 30_000;
const TOKEN_PATTERN = /^hub_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(secret, salt, KEYLEN, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString("base64url")}$${hash.toString("base64url")}`;
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await scrypt(secret, Buffer.from(salt, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const alphanumeric = (length: number) => {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join("");
};

export interface IssuedToken {
  id: string;
  token: string;
  prefix: string;
}

export async function issueToken(
  db: Database,
  input: { role: TokenRole; name: string; providerId?: string | null; expiresAt?: Date | null },
): Promise<IssuedToken> {
  if (input.role === "PROVIDER" && !input.providerId) throw new Error("Ein Anbieter-Token braucht --provider ID.");
  if (input.role !== "PROVIDER" && input.providerId) throw new Error("--provider gilt nur für die Rolle PROVIDER.");
  if (input.providerId) {
    const provider = await db.prisma.provider.findUnique({ where: { id: input.providerId } });
    if (!provider) throw new Error(`Anbieter ${input.providerId} nicht gefunden.`);
  }
  const prefix = alphanumeric(12);
  const secret = randomBytes(32).toString("base64url");
  const row = await db.prisma.apiToken.create({
    data: {
      name: input.name,
      role: input.role,
      providerId: input.providerId ?? null,
      prefix,
      hash: await hashSecret(secret),
      expiresAt: input.expiresAt ?? null,
    },
  });
  return { id: row.id, token: `hub_${prefix}_${secret}`, prefix };
}

const cache = new Map<string, { viewer: Viewer; tokenId: string; until: number }>();
const cacheKey = (token: string) => createHash("sha256").update(token).digest("base64url");

export async function revokeToken(db: Database, idOrPrefix: string, now = new Date()): Promise<boolean> {
  const row = await db.prisma.apiToken.findFirst({ where: { OR: [{ id: idOrPrefix }, { prefix: idOrPrefix }] } });
  if (!row) return false;
  await db.prisma.apiToken.update({ where: { id: row.id }, data: { revokedAt: row.revokedAt ?? now } });
  for (const [key, entry] of cache) if (entry.tokenId === row.id) cache.delete(key);
  return true;
}

export type AuthOutcome = { ok: true; viewer: Viewer } | { ok: false; reason: string };

/** Resolves a bearer token to a viewer; any doubt is a refusal, never a public fallback. */
export async function authenticateToken(db: Database, token: string, now = new Date()): Promise<AuthOutcome> {
  const key = cacheKey(token);
  const hit = cache.get(key);
  if (hit && hit.until > now.getTime()) return { ok: true, viewer: hit.viewer };
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return { ok: false, reason: "Ungültiges Token." };
  const row = await db.prisma.apiToken.findUnique({ where: { prefix: match[1]! } });
  if (!row || !(await verifySecret(match[2]!, row.hash))) return { ok: false, reason: "Ungültiges Token." };
  if (row.revokedAt) return { ok: false, reason: "Das Token wurde widerrufen." };
  if (row.expiresAt && row.expiresAt <= now) return { ok: false, reason: "Das Token ist abgelaufen." };
  const viewer: Viewer =
    row.role === "PROVIDER"
      ? { role: "PROVIDER", id: `token:${row.id}`, name: row.name, providerId: row.providerId! }
      : { role: row.role, id: `token:${row.id}`, name: row.name };
  cache.set(key, { viewer, tokenId: row.id, until: now.getTime() + CACHE_MS });
  void db.prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } }).catch(() => undefined);
  return { ok: true, viewer };
}
