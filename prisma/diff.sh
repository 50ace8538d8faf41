#!/usr/bin/env bash
# Writes the next migration: the SQL that turns the schema of the last commit into the
# schema in the working tree. Usage: npm run db:diff -- <name>
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: npm run db:diff -- <migration_name>}
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
previous=$(mktemp --suffix=.prisma)
git show HEAD:prisma/schema.prisma > "$previous"
mkdir -p "$dir"
node prisma/prisma-cli.mjs migrate diff \
  --from-schema-datamodel "$previous" --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
rm -f "$previous"
echo "wrote $dir/migration.sql: review it (generated columns and functions are hand-written)"
