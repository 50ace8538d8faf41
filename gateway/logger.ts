import { pino, type Logger } from "pino";

export type { Logger };

/** One JSON logger per process; level from the validated config. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "quartier-hub" } });
}
