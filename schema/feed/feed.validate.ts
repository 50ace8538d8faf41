import type { IngestPort } from "../common/context.ts";
import { badInput, hubError } from "../common/errors.ts";
import { httpUrl, text } from "../provider/validate.ts";
import { isProviderFeedKind, PROVIDER_FEED_KINDS } from "./feed-kind.ts";
import { scheduleProblems } from "./schedule.ts";
import { SourceUnreadableError } from "./port.types.ts";
import type { FeedInput } from "./feed.type.ts";

export const MAX_CONFIG_BYTES = 20 * 1024;
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const MAX_UPLOAD_NAME = 200;

export interface ValidFeedSource {
  url: string | null;
  upload: { name: string; bytes: Uint8Array } | null;
  kind: string | null;
  schedule: string | null;
  config: Record<string, unknown> | null;
}

export function requirePort(port: IngestPort | undefined): IngestPort {
  if (!port) throw hubError("INTERNAL_SERVER_ERROR", "Das Einlesen ist in diesem Dienst nicht eingerichtet.");
  return port;
}

function decodeUpload(upload: NonNullable<FeedInput["upload"]>): { name: string; bytes: Uint8Array } {
  const name = text("upload.name", upload.name, MAX_UPLOAD_NAME, { required: true })!;
  // Checked before decoding, so an oversized string costs no buffer.
  if (upload.base64.length > Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 8)
    throw badInput("upload.base64", "Die Datei ist größer als 5 MB.");
  const compact = upload.base64.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw badInput("upload.base64", "Die Datei ist nicht Base64-kodiert.");
  const bytes = new Uint8Array(Buffer.from(compact, "base64"));
  if (!bytes.length) throw badInput("upload.base64", "Die Datei ist leer.");
  if (bytes.length > MAX_UPLOAD_BYTES) throw badInput("upload.base64", "Die Datei ist größer als 5 MB.");
  return { name, bytes };
}

function parseConfig(raw: string): Record<string, unknown> {
  if (Buffer.byteLength(raw, "utf8") > MAX_CONFIG_BYTES)
    throw badInput("config", "Die Konfiguration ist größer als 20 KB.");
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw badInput("config", "Die Konfiguration ist kein gültiges JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw badInput("config", "Die Konfiguration muss ein JSON-Objekt sein.");
  return value as Record<string, unknown>;
}

/**
 * Checks a feed source; `required` (registration, preview) asks for a URL or a file.
 * The URL passes the port's SSRF guard, the config the adapter's own schema.
 */
export async function validateFeedInput(
  input: FeedInput,
  port: IngestPort,
  options: { required: boolean; currentKind?: string | null; currentConfig?: unknown },
): Promise<ValidFeedSource> {
  if (input.url && input.upload)
    throw badInput("url", "Bitte entweder eine Adresse oder eine Datei angeben, nicht beides.");
  if (options.required && !input.url && !input.upload)
    throw badInput("url", "Bitte eine Adresse angeben oder eine Datei hochladen.");
  const url = httpUrl("url", input.url);
  if (url) {
    try {
      await port.assertFetchableUrl(url);
    } catch (error) {
      if (error instanceof SourceUnreadableError)
        throw badInput("url", `Diese Adresse kann der Hub nicht abrufen: ${error.message}`);
      throw error;
    }
  }
  const kind = input.kind?.trim().toUpperCase() || null;
  if (kind && !isProviderFeedKind(kind))
    throw badInput("kind", `Unbekanntes Format „${input.kind}“ (erlaubt: ${PROVIDER_FEED_KINDS.join(", ")}).`);
  const schedule = input.schedule?.trim() || null;
  if (schedule) {
    if (schedule.length > 100) throw badInput("schedule", "Der Zeitplan ist zu lang.");
    const problems = scheduleProblems(schedule);
    if (problems.length) throw badInput("schedule", problems.join(" "));
  }
  const config = input.config?.trim() ? parseConfig(input.config) : null;
  const effectiveKind = kind ?? options.currentKind ?? null;
  // A new kind or a new config is checked together with whichever of the two is stored.
  if (effectiveKind && port.validateConfig && (config || kind)) {
    const problems = port.validateConfig(effectiveKind, config ?? options.currentConfig ?? {});
    if (problems.length)
      throw badInput("config", `Konfiguration für ${effectiveKind} ungültig: ${problems.slice(0, 5).join("; ")}`);
  }
  return { url, upload: input.upload ? decodeUpload(input.upload) : null, kind, schedule, config };
}
