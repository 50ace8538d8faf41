import { spawn } from "node:child_process";
import path from "node:path";
import { createServer } from "node:net";

export const REPO = path.resolve(import.meta.dirname, "..", "..");
const HUB = path.join(REPO, "bin", "hub.mjs");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `hub …` as its own process, as a user would, with a watchdog. */
export function runHub(
  args: string[],
  env: Record<string, string>,
  input?: string,
  timeoutMs = 120_000,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HUB, ...args], {
      cwd: REPO,
      env: { ...process.env, HUB_LOG_LEVEL: "warn", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

/** Starts `hub serve …` and resolves once `ready` appears on stdout. */
export function startHub(args: string[], env: Record<string, string>, ready: RegExp, timeoutMs = 180_000) {
  const child = spawn(process.execPath, [HUB, ...args], {
    cwd: REPO,
    env: { ...process.env, HUB_LOG_LEVEL: "warn", ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const started = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not get ready: ${stdout}\n${stderr}`)), timeoutMs);
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      if (ready.test(stdout)) {
        clearTimeout(timer);
        resolve(stdout);
      }
    });
    child.on("exit", (code) => reject(new Error(`hub exited (${code}): ${stdout}\n${stderr}`)));
  });
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once("exit", (code) => resolve(code));
      child.kill("SIGTERM");
    });
  return { started, stop, output: () => stdout };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}
