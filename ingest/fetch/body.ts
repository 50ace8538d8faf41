/**
 * Reading and decompressing a response body under a byte limit. undici's own
 * `maxResponseSize` counts compressed bytes only, so we ask for the raw body and count
 * both what arrives on the wire and what comes out of the decompressor ourselves.
 */
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from "node:zlib";
import type { Transform } from "node:stream";
import { FetchError } from "./errors.ts";

/** Below this size a high compression ratio is harmless (a page of repeated markup). */
const RATIO_FLOOR_BYTES = 1024 * 1024;

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, "")} KiB`;
  return `${n} Byte`;
}

function tooLarge(url: string, limit: number, what: string): FetchError {
  return new FetchError("TOO_LARGE", { url, detail: `${what} über dem Limit von ${formatBytes(limit)}` });
}

/** Reads the raw (possibly compressed) body, failing as soon as it passes `limit`. */
export async function readLimited(
  body: AsyncIterable<Uint8Array> & { destroy(error?: Error): unknown },
  limit: number,
  url: string,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (total > limit) {
      const error = tooLarge(url, limit, "Antwort");
      body.destroy(error);
      throw error;
    }
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  return Buffer.concat(chunks, total);
}

// RFC 1950 zlib header: CM = 8 and the first two bytes divisible by 31. Servers sending
// "deflate" disagree on whether that header is there, so we look.
function hasZlibHeader(bytes: Uint8Array): boolean {
  const b0 = bytes[0] ?? 0;
  const b1 = bytes[1] ?? 0;
  return (b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0;
}

const DECODERS: Record<string, ((input: Uint8Array) => Transform) | null> = {
  gzip: () => createGunzip(),
  "x-gzip": () => createGunzip(),
  deflate: (input) => (hasZlibHeader(input) ? createInflate() : createInflateRaw()),
  br: () => createBrotliDecompress(),
  identity: null,
};

async function inflate(input: Buffer, decoder: Transform, limit: number, url: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  decoder.end(input);
  try {
    for await (const chunk of decoder as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limit) throw tooLarge(url, limit, "Entpackte Antwort");
      chunks.push(chunk);
    }
  } catch (error) {
    decoder.destroy();
    if (error instanceof FetchError) throw error;
    throw new FetchError("DECOMPRESSION_FAILED", {
      url,
      detail: error instanceof Error ? error.message : undefined,
      cause: error,
    });
  }
  return Buffer.concat(chunks, total);
}

export interface DecompressLimits {
  maxBytes: number;
  /** Refuse when decompressed/compressed exceeds this (only above 1 MiB decompressed). */
  maxRatio?: number;
}

/** Undoes Content-Encoding ("gzip", "br", "deflate", or a list applied in order), counting output bytes. */
export async function decompress(
  raw: Buffer,
  contentEncoding: string | undefined,
  limits: DecompressLimits,
  url: string,
): Promise<Buffer> {
  const codings = (contentEncoding ?? "")
    .split(",")
    .map((c) => c.trim().toLowerCase())
    .filter(Boolean);
  let data = raw;
  // The last coding listed was applied last, so it comes off first.
  for (const coding of codings.reverse()) {
    const factory = DECODERS[coding];
    if (factory === null) continue;
    if (factory === undefined) {
      throw new FetchError("DECOMPRESSION_FAILED", { url, detail: `unbekannte Kodierung „${coding}“` });
    }
    const limit =
      limits.maxRatio === undefined
        ? limits.maxBytes
        : Math.min(limits.maxBytes, Math.max(RATIO_FLOOR_BYTES, data.length * limits.maxRatio));
    data = await inflate(data, factory(data), limit, url);
  }
  return data;
}
