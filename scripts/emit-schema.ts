import { writeFileSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { hubSchema } from "../schema/build-schema.ts";

/**
 * Writes schema/schema.graphql, the committed public contract. With --check it only
 * compares and exits 1 when the committed file is stale (CI and `npm run check`).
 */
const target = path.join(import.meta.dirname, "..", "schema", "schema.graphql");
const sdl = `${printSchema(lexicographicSortSchema(await hubSchema()))}\n`;
if (process.argv.includes("--check")) {
  const committed = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (committed !== sdl) {
    process.stderr.write("schema/schema.graphql ist veraltet: npm run schema:emit ausführen und committen.\n");
    process.exit(1);
  }
  process.stdout.write("schema/schema.graphql ist aktuell.\n");
} else {
  writeFileSync(target, sdl);
  process.stdout.write(`geschrieben: ${path.relative(process.cwd(), target)}\n`);
}
