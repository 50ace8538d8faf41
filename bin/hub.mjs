#!/usr/bin/env node
// The `hub` command. The code is TypeScript run through tsx's loader, so `npx hub …`
// works right after `npm ci` with no build step.
import { register } from "tsx/esm/api";

register();
await import("../gateway/cli/main.ts");
