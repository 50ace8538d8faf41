import type { Runtime } from "./runtime.ts";

/** Starts the demo providers' feed server and registers them (filled in with ingest). */
export async function startDemo(runtime: Runtime): Promise<() => Promise<void>> {
  runtime.logger.info("demo providers are not wired yet");
  return async () => undefined;
}
