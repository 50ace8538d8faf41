/**
 * PGlite figures for the matching benchmark: an in-memory PGlite in a child process (it
 * lives in the process that uses it), catalogue loaded with batched inserts, then serial
 * matchOffers timings and the process's resident set.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface PgliteFigures {
  rss: number;
  rawBytes: number;
  loadMs: number;
  filteredMs: number;
  universalMs: number;
}

export function pgliteFigures(offers: number, base: Date): Promise<PgliteFigures> {
  const child = fork(
    fileURLToPath(new URL("./pglite-child.ts", import.meta.url)),
    [String(offers), base.toISOString()],
    {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  return new Promise((resolve, reject) => {
    child.once("message", (m) => resolve(m as PgliteFigures));
    child.once("exit", (code) => (code ? reject(new Error(`PGlite-Messung beendet mit ${code}`)) : undefined));
  });
}
