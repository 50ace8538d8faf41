import { createHash, randomBytes } from "node:crypto";
import type { Database } from "../../prisma/database.ts";
import type { Viewer } from "../../schema/common/context.ts";
import type { AuthOutcome } from "../../schema/access/tokens.ts";
import { burnPasswordCheck, normaliseEmail, verifyPassword } from "./passwords.ts";

/**
 * Dashboard sessions: a random 32-byte id in an HttpOnly cookie, stored only as its
 * SHA-256 (the id has 256 bits of entropy, so a slow hash adds nothing). Every request
 * reads the row and its user: a disabled user or a deleted session stops at once.
 */

export const SESSION_COOKIE = "hub_session";
export const DEFAULT_SESSION_MS = 8 * 60 * 60 * 1000;
const SESSION_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const LOGIN_FAILED = "E-Mail oder Passwort falsch.";

const hashSessionId = (id: string) => createHash("sha256").update(id).digest("base64url");

export type LoginOutcome =
  { ok: true; sessionId: string; expiresAt: Date; userId: string } | { ok: false; reason: string };

/** Checks the password and opens a session; every failure gives the same German message. */
export async function login(
  db: Database,
  email: string,
  password: string,
  now: Date,
  ttlMs = DEFAULT_SESSION_MS,
): Promise<LoginOutcome> {
  const user = await db.prisma.user.findUnique({ where: { email: normaliseEmail(email) } });
  if (!user) {
    await burnPasswordCheck(password);
    return { ok: false, reason: LOGIN_FAILED };
  }
  const valid = await verifyPassword(password, user.passwordHash);
  // Only staff log in to the dashboard; providers use tokens bound to their provider.
  if (!valid || user.disabledAt || user.role === "PROVIDER") return { ok: false, reason: LOGIN_FAILED };
  const sessionId = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.prisma.userSession.create({ data: { userId: user.id, tokenHash: hashSessionId(sessionId), expiresAt } });
  // Expired rows of this user are swept on each login; nothing else needs them.
  await db.prisma.userSession.deleteMany({ where: { userId: user.id, expiresAt: { lte: now } } });
  return { ok: true, sessionId, expiresAt, userId: user.id };
}

export async function authenticateSession(db: Database, sessionId: string, now: Date): Promise<AuthOutcome> {
  if (!SESSION_PATTERN.test(sessionId)) return { ok: false, reason: "Ungültige Sitzung. Bitte neu anmelden." };
  const row = await db.prisma.userSession.findUnique({
    where: { tokenHash: hashSessionId(sessionId) },
    include: { user: true },
  });
  if (!row || row.expiresAt <= now || row.user.disabledAt || row.user.role === "PROVIDER") {
    return { ok: false, reason: "Die Sitzung ist abgelaufen oder ungültig. Bitte neu anmelden." };
  }
  const viewer: Viewer = { role: row.user.role, id: `user:${row.user.id}`, name: row.user.name };
  return { ok: true, viewer };
}

export async function logout(db: Database, sessionId: string): Promise<void> {
  if (!SESSION_PATTERN.test(sessionId)) return;
  await db.prisma.userSession.deleteMany({ where: { tokenHash: hashSessionId(sessionId) } });
}

/** Reads one cookie from a Cookie header; a malformed header yields nothing. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export interface CookieOptions {
  secure: boolean;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
}

export function sessionCookie(value: string, options: CookieOptions): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Strict",
    `Max-Age=${options.maxAge}`,
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}
