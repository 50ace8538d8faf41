import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type { Database } from "./database.ts";

/**
 * Applies the committed Prisma migrations (prisma/migrations/<name>/migration.sql) in
 * order, inside the process that owns the database. PGlite is one in-process connection,
 * so the Prisma CLI (a separate process) cannot migrate a database the hub holds open;
 * and on PostgreSQL the WASM schema engine trips over prisma/orm#27403.
 *
 * The bookkeeping is Prisma's own table `_prisma_migrations` with Prisma's checksum
 * (sha256 of the file), so `prisma migrate status` and this runner agree. All pending
 * migrations run in one transaction under an advisory lock: two hub processes starting
 * together on one server apply each migration exactly once, and a failure leaves the
 * database as it was.
 */

export const MIGRATIONS_DIR = path.join(import.meta.dirname, "migrations");

/** An arbitrary constant shared by every hub process: the migration lock's id. */
const MIGRATION_LOCK_ID = 720_517_001;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {}

export async function migrate(db: Database, migrations = readMigrations()): Promise<MigrateResult> {
  return db.transaction(async (tx) => {
    await tx.sql("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK_ID]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const rows = await tx.sql<{ migration_name: string; checksum: string }>(
      `select migration_name, checksum from "_prisma_migrations"
       where finished_at is not null and rolled_back_at is null`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    for (const [name] of applied) {
      if (!migrations.some((m) => m.name === name)) {
        throw new MigrationError(
          `Die Datenbank kennt die Migration ${name}, die diese Version des Hubs nicht hat: bitte die neuere Version starten.`,
        );
      }
    }
    const done: string[] = [];
    for (const migration of migrations) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.name} wurde nach dem Einspielen verändert (Prüfsumme weicht ab). Migrationen sind unveränderlich: eine neue anlegen.`,
          );
        }
        continue;
      }
      await tx.exec(migration.sql);
      await tx.sql(
        `insert into "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         values ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      done.push(migration.name);
    }
    return { applied: done, alreadyApplied: applied.size };
  });
}
