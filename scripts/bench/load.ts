/**
 * Child processes for the matching benchmark: servers pinned to core 0, autocannon (from
 * npm) pinned to core 1, both with `taskset -c`, so the load generator never competes with
 * the server for its core. Without taskset the processes run unpinned (and say so).
 */
import { fork, spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const AUTOCANNON = require.resolve("autocannon/autocannon.js");
const SERVER = fileURLToPath(new URL("./server.ts", import.meta.url));

export const hasTaskset = ((): boolean => {
  try {
    execFileSync("taskset", ["-c", "0", "true"]);
    return true;
  } catch {
    return false;
  }
})();

export interface BenchServer {
  port: number;
  child: ChildProcess;
  /** Next IPC message matching `predicate`. */
  next<T>(predicate: (m: Record<string, unknown>) => boolean): Promise<T>;
  rss(): Promise<number>;
  stop(): Promise<void>;
}

export async function startServer(mode: string, env: Record<string, string>): Promise<BenchServer> {
  // fork with execPath "taskset": the child is `taskset -c 0 node --import tsx server.ts`.
  const child = fork(SERVER, [], {
    env: { ...process.env, ...env, BENCH_MODE: mode },
    execPath: hasTaskset ? "taskset" : process.execPath,
    execArgv: hasTaskset ? ["-c", "0", process.execPath, "--import", "tsx"] : ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const waiting: { predicate: (m: Record<string, unknown>) => boolean; resolve: (m: unknown) => void }[] = [];
  child.on("message", (m: Record<string, unknown>) => {
    const i = waiting.findIndex((w) => w.predicate(m));
    if (i >= 0) waiting.splice(i, 1)[0]?.resolve(m);
  });
  const next = <T>(predicate: (m: Record<string, unknown>) => boolean): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      waiting.push({ predicate, resolve: resolve as (m: unknown) => void });
      child.once("exit", (code) => reject(new Error(`Server (${mode}) beendet mit ${code}`)));
    });
  const { port } = await next<{ port: number }>((m) => "port" in m);
  return {
    port,
    child,
    next,
    rss: async () => {
      child.send({ cmd: "rss" });
      return (await next<{ rss: number }>((m) => "rss" in m)).rss;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export interface LoadResult {
  rps: number;
  p50: number;
  p975: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  url: string;
  seconds: number;
  connections?: number;
  /** Fixed overall rate (requests/s); absent: as fast as the server answers. */
  rate?: number;
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
}

/** One autocannon run on core 1; its --json summary. */
export function load(options: LoadOptions): Promise<LoadResult> {
  const args = [
    AUTOCANNON,
    "-j",
    "-d",
    String(options.seconds),
    "-c",
    String(options.connections ?? 10),
    "-m",
    options.method ?? "POST",
  ];
  if (options.rate) args.push("-R", String(Math.max(1, Math.round(options.rate))));
  for (const [k, v] of Object.entries({ "content-type": "application/json", ...options.headers }))
    args.push("-H", `${k}=${v}`);
  if (options.body) args.push("-b", options.body);
  args.push(options.url);
  const [cmd, cmdArgs] = hasTaskset ? ["taskset", ["-c", "1", process.execPath, ...args]] : [process.execPath, args];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs as string[], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("exit", () => {
      try {
        const r = JSON.parse(out) as {
          requests: { average: number };
          latency: { p50: number; p97_5: number; p99: number };
          errors: number;
          non2xx: number;
        };
        resolve({
          rps: r.requests.average,
          p50: r.latency.p50,
          p975: r.latency.p97_5,
          p99: r.latency.p99,
          errors: r.errors,
          non2xx: r.non2xx,
        });
      } catch {
        reject(new Error(`autocannon ohne JSON-Ausgabe: ${out.slice(0, 200)}`));
      }
    });
  });
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};
