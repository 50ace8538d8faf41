import path from "node:path";
import { defineConfig } from "prisma/config";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

// The Prisma CLI runs here only to validate the schema, generate the client and diff
// schemas into migration SQL (npm run db:diff). It runs on the WASM schema engine
// (engine "js"), which needs a driver adapter even for a diff: an in-memory PGlite,
// never the hub's data. Migrations are applied by the hub itself (prisma/migrate.ts),
// inside the process that owns the database, because PGlite is a single in-process
// connection.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  // Typed against an older driver-adapter-utils than Prisma 6.19's; same runtime contract.
  adapter: async () => new PrismaPGlite(new PGlite()) as unknown as SqlMigrationAwareDriverAdapterFactory,
});
