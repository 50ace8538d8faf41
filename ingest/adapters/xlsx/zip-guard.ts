/**
 * Zip-bomb guard: reads the ZIP central directory (no decompression) and refuses workbooks
 * whose declared contents are too large or too many before exceljs inflates them in memory.
 * Declared sizes can lie; the byte cap on the input and the row/cell caps while reading
 * remain the second line of defence.
 */

export interface ZipLimits {
  maxBytes: number;
  maxEntries: number;
  maxUncompressed: number;
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxEntries: 2_000,
  maxUncompressed: 200 * 1024 * 1024,
  maxRatio: 200,
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const EOCD_MIN = 22;
const ZIP64_MARK = 0xffffffff;

/** A German reason when the archive must not be opened; undefined when it looks sane. */
export function zipProblem(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): string | undefined {
  if (bytes.byteLength > limits.maxBytes) {
    return `Datei zu groß (${bytes.byteLength} Bytes, höchstens ${limits.maxBytes})`;
  }
  if (bytes.byteLength < EOCD_MIN || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return "keine Excel-Arbeitsmappe (kein ZIP-Archiv)";
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  // The end record sits in the last 22 bytes plus an optional comment of up to 64 KiB.
  for (let i = bytes.byteLength - EOCD_MIN; i >= Math.max(0, bytes.byteLength - EOCD_MIN - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return "ZIP-Verzeichnis fehlt (Datei abgeschnitten oder beschädigt)";
  const entries = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || directoryOffset === ZIP64_MARK) return "ZIP64-Archive werden nicht gelesen";
  if (entries > limits.maxEntries) return `zu viele Einträge im Archiv (${entries})`;

  let offset = directoryOffset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== CENTRAL) {
      return "ZIP-Verzeichnis beschädigt";
    }
    const compressed = view.getUint32(offset + 20, true);
    const uncompressed = view.getUint32(offset + 24, true);
    if (compressed === ZIP64_MARK || uncompressed === ZIP64_MARK) return "ZIP64-Archive werden nicht gelesen";
    total += uncompressed;
    if (total > limits.maxUncompressed) return `entpackt zu groß (über ${limits.maxUncompressed} Bytes)`;
    // Small members compress well by nature; only a large member with an absurd ratio is a bomb.
    if (uncompressed > 1024 * 1024 && uncompressed / Math.max(1, compressed) > limits.maxRatio) {
      return "verdächtig hohe Kompressionsrate (ZIP-Bombe?)";
    }
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return undefined;
}
