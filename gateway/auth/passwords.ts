import type { Database } from "../../prisma/database.ts";
import { hashSecret, verifySecret } from "../../schema/access/tokens.ts";

/**
 * Dashboard users and their passwords. Passwords are hashed like API token secrets
 * (scrypt, random salt, parameters stored beside the hash), so one verifier serves both.
 */

export type UserRole = "ADMIN" | "ANALYST";
export const USER_ROLES: readonly UserRole[] = ["ADMIN", "ANALYST"];

/** Shortest accepted password: long passphrases beat composition rules. */
export const MIN_PASSWORD_LENGTH = 12;
/** Longer inputs are refused before hashing, so a megabyte "password" costs nothing. */
export const MAX_PASSWORD_LENGTH = 1024;

export const hashPassword = (password: string): Promise<string> => hashSecret(password);

/** Compares against a stored hash; an over-long password never reaches scrypt. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  return verifySecret(password, stored);
}

let dummyHash: Promise<string> | undefined;
/**
 * Spends the same scrypt work as a real check, for unknown e-mail addresses, so the
 * answer time does not reveal which addresses have an account.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashSecret("kein-echtes-passwort-nur-fuer-die-laufzeit");
  await verifySecret(password.slice(0, MAX_PASSWORD_LENGTH), await dummyHash);
}

export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `Das Passwort darf höchstens ${MAX_PASSWORD_LENGTH} Zeichen lang sein.`;
  return null;
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export async function createUser(
  db: Database,
  input: { email: string; name: string; role: UserRole; password: string },
): Promise<{ id: string; email: string }> {
  const email = normaliseEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error(`„${input.email}“ ist keine gültige E-Mail-Adresse.`);
  if (!USER_ROLES.includes(input.role)) throw new Error("Rolle muss ADMIN oder ANALYST sein.");
  const problem = passwordProblem(input.password);
  if (problem) throw new Error(problem);
  if (await db.prisma.user.findUnique({ where: { email } })) throw new Error(`Es gibt schon ein Konto für ${email}.`);
  const row = await db.prisma.user.create({
    data: { email, name: input.name.trim(), role: input.role, passwordHash: await hashPassword(input.password) },
  });
  return { id: row.id, email: row.email };
}

/** Disables a user and ends all their sessions at once. */
export async function disableUser(db: Database, email: string, now = new Date()): Promise<boolean> {
  const user = await db.prisma.user.findUnique({ where: { email: normaliseEmail(email) } });
  if (!user) return false;
  await db.prisma.user.update({ where: { id: user.id }, data: { disabledAt: user.disabledAt ?? now } });
  await db.prisma.userSession.deleteMany({ where: { userId: user.id } });
  return true;
}
