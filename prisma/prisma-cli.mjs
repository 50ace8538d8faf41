#!/usr/bin/env node
// Runs the Prisma CLI offline: the config selects the WASM schema engine (engine "js"),
// and the two variables below point the CLI's engine check at a placeholder so it does
// not try to download native engines it would never execute (toolchain.md).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { createRequire } from "node:module";

const here = import.meta.dirname;
const placeholder = path.join(here, "engines", "placeholder");
const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const args = [cli, ...process.argv.slice(2), "--config", path.join(here, "prisma.config.ts")];
const result = spawnSync(process.execPath, args, {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
