/**
 * Zip-bomb guard: reads the ZIP central directory (no decompression) and refuses workbooks
 * whose declared contents are too large or too many before exceljs inflates them in memory.
 * Declared sizes can lie, so every member is then inflated once with node:zlib under an
 * output cap of its declared size: a member that inflates to more is refused.
 */
import { inflateRawSync } from "node:zlib";

export interface ZipLimits {
  maxBytes: number;
  maxEntries: number;
  maxUncompressed: number;
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxEntries: 2_000,
  // exceljs holds the whole sheet in memory, several times its XML size.
  maxUncompressed: 100 * 1024 * 1024,
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
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return "altes Excel-Format (.xls) wird nicht gelesen; bitte als .xlsx oder CSV speichern";
  }
  if (bytes.byteLength < EOCD_MIN || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    return "keine Excel-Arbeitsmappe (kein ZIP-Archiv)";
  }
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
  const members: { local: number; compressed: number; uncompressed: number }[] = [];
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
    members.push({ local: view.getUint32(offset + 42, true), compressed, uncompressed });
    offset +=
      46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  for (const member of members) {
    const problem = memberProblem(bytes, view, member);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** Inflates one member with its declared size as the hard output limit. */
function memberProblem(
  bytes: Uint8Array,
  view: DataView,
  member: { local: number; compressed: number; uncompressed: number },
): string | undefined {
  if (member.local + 30 > bytes.byteLength || view.getUint32(member.local, true) !== LOCAL)
    return "ZIP-Eintrag beschädigt";
  const method = view.getUint16(member.local + 8, true);
  const start = member.local + 30 + view.getUint16(member.local + 26, true) + view.getUint16(member.local + 28, true);
  const data = bytes.subarray(start, start + member.compressed);
  if (data.byteLength < member.compressed) return "ZIP-Eintrag abgeschnitten";
  if (method === STORED)
    return member.compressed === member.uncompressed ? undefined : "ZIP-Größenangaben widersprüchlich";
  if (method !== DEFLATED) return `ZIP-Kompressionsverfahren ${method} wird nicht gelesen`;
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, member.uncompressed) });
    return out.byteLength === member.uncompressed ? undefined : "ZIP-Größenangaben widersprüchlich";
  } catch {
    return "ZIP-Eintrag entpackt größer als angegeben oder beschädigt (ZIP-Bombe?)";
  }
}
