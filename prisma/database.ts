import path from "node:path";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/client.ts";

/**
 * The one place that opens the database. The same schema and migrations serve two
 * engines: PGlite (PostgreSQL compiled to WASM, in-process, one connection) as the
 * zero-install default, and a PostgreSQL server through `pg` when DATABASE_URL is set.
 *
 * Besides the Prisma client, callers get `sql` for the few hot paths that need SQL of
 * their own (full-text ranking, COPY-like batches, advisory locks) and `kind` to know
 * whether several processes may share the database.
 */

export type DatabaseKind = "pglite" | "postgres";

export interface SqlRunner {
  <Row extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
  ): Promise<Row[]>;
}

export interface Transaction {
  sql: SqlRunner;
  /** Runs a script of several statements (a migration), without parameters. */
  exec(script: string): Promise<void>;
}

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Raw parameterised SQL ($1, $2 …) outside Prisma. */
  sql: SqlRunner;
  /** Runs `work` in one transaction on one connection. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** A human-readable description without secrets, for logs ("PGlite ./data", "PostgreSQL db@host"). */
  describe: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// or postgresql:// URL; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` for a throw-away database (tests). */
  dataDir?: string;
  /** Connection pool size for PostgreSQL. */
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir ?? "./data");
}

/**
 * pglite-prisma-adapter 0.6 is typed against @prisma/driver-adapter-utils 6.10 while the
 * client is 6.19; the runtime contract is the same (verified by the test suite), only
 * the declared types drifted.
 */
export function pgliteAdapter(client: PGlite): SqlDriverAdapterFactory {
  return new PrismaPGlite(client) as unknown as SqlDriverAdapterFactory;
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const client = inMemory ? new PGlite() : new PGlite(path.resolve(dataDir));
  await client.waitReady;
  const prisma = new PrismaClient({ adapter: pgliteAdapter(client) });
  const sql: SqlRunner = async (text, params = []) => (await client.query(text, params as unknown[])).rows as never;
  return {
    kind: "pglite",
    prisma,
    sql,
    // PGlite is a single connection: its own transaction() serialises with everything else.
    transaction: (work) =>
      client.transaction(async (tx) =>
        work({
          sql: async (text, params = []) => (await tx.query(text, params as unknown[])).rows as never,
          exec: async (script) => {
            await tx.exec(script);
          },
        }),
      ),
    describe: inMemory ? "PGlite (im Arbeitsspeicher)" : `PGlite ${path.resolve(dataDir)}`,
    close: async () => {
      await prisma.$disconnect();
      await client.close();
    },
  };
}

async function openPostgres(databaseUrl: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // Fail fast with a clear message instead of on the first query.
  await pool.query("select 1");
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const sql: SqlRunner = async (text, params = []) => (await pool.query(text, params as unknown[])).rows as never;
  const url = new URL(databaseUrl);
  return {
    kind: "postgres",
    prisma,
    sql,
    transaction: async (work) => {
      const conn = await pool.connect();
      try {
        await conn.query("begin");
        const result = await work({
          sql: async (text, params = []) => (await conn.query(text, params as unknown[])).rows as never,
          exec: async (script) => {
            await conn.query(script);
          },
        });
        await conn.query("commit");
        return result;
      } catch (error) {
        await conn.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        conn.release();
      }
    },
    describe: `PostgreSQL ${url.username ? `${url.username}@` : ""}${url.host}${url.pathname}`,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
