/**
 * Bytes → text for spreadsheet exports. German Excel and many course databases still save
 * CSV as Windows-1252; a fetcher that decoded them as UTF-8 has already lost the umlauts,
 * so the decision is made again here from the raw bytes.
 */
import iconv from "iconv-lite";

export const CSV_ENCODINGS = ["utf-8", "windows-1252", "iso-8859-1"] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

const BOM = "\uFEFF";

export interface Decoded {
  text: string;
  encoding: CsvEncoding;
  bom: boolean;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Valid UTF-8 (with or without BOM) stays UTF-8; anything else is read as Windows-1252. */
export function decodeBytes(bytes: Uint8Array, forced?: CsvEncoding): Decoded {
  const encoding: CsvEncoding = forced ?? (isValidUtf8(bytes) ? "utf-8" : "windows-1252");
  const text =
    encoding === "utf-8"
      ? new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) // keeps the BOM so we can report it
      : iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  const bom = text.startsWith(BOM);
  return { text: bom ? text.slice(1) : text, encoding, bom };
}
