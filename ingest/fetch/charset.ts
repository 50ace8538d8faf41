/**
 * Turns response bytes into text. Many German provider sites serve ISO-8859-1 or
 * Windows-1252, often with a missing or wrong label, so the rules are, in order:
 * byte-order mark, then the Content-Type charset, then what the document itself
 * declares (<?xml encoding?>, <meta charset>, <meta http-equiv>), then UTF-8 if the
 * bytes are valid UTF-8, else Windows-1252. Pure; iconv-lite does the decoding.
 */
import iconv from "iconv-lite";

export interface DecodedBody {
  text: string;
  /** The charset actually used (WHATWG name, lower case). */
  charset: string;
  /** German notes for the provider when the label was missing, unknown or wrong. */
  warnings: string[];
}

const BOMS: ReadonlyArray<readonly [readonly number[], string]> = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xfe, 0xff], "utf-16be"],
  [[0xff, 0xfe], "utf-16le"],
];

// WHATWG Encoding: these labels all mean windows-1252 (a superset of ISO-8859-1 that
// puts €, „“ and – into 0x80–0x9F, where real German pages have them).
const LABEL_ALIASES: Record<string, string> = {
  "iso-8859-1": "windows-1252",
  iso8859_1: "windows-1252",
  "iso8859-1": "windows-1252",
  "iso_8859-1": "windows-1252",
  latin1: "windows-1252",
  l1: "windows-1252",
  "us-ascii": "windows-1252",
  ascii: "windows-1252",
  cp1252: "windows-1252",
  "x-cp1252": "windows-1252",
  "windows-1252": "windows-1252",
  "utf-8": "utf-8",
  utf8: "utf-8",
  "unicode-1-1-utf-8": "utf-8",
  "iso-8859-15": "iso-8859-15",
  latin9: "iso-8859-15",
  "utf-16": "utf-16le",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
};

const FALLBACK = "windows-1252";
/** How far into the document we look for a declaration (HTML spec: 1024; generous for long XML prologues). */
const SNIFF_BYTES = 4096;

// Each pattern finds a charset label in the document prefix (read as latin1).
const DOCUMENT_DECLARATIONS: readonly RegExp[] = [
  /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i,
  /<meta\s[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i,
];

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = contentType ? /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType) : null;
  return match?.[1]?.toLowerCase();
}

function detectBom(bytes: Uint8Array): { charset: string; length: number } | undefined {
  for (const [bom, charset] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) return { charset, length: bom.length };
  }
  return undefined;
}

function declaredInDocument(bytes: Uint8Array): string | undefined {
  const prefix = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_BYTES)).toString("latin1");
  for (const pattern of DOCUMENT_DECLARATIONS) {
    const label = pattern.exec(prefix)?.[1];
    if (label) return label.toLowerCase();
  }
  return undefined;
}

/** Maps a label to a charset iconv-lite can decode, or undefined when unknown. */
export function normaliseCharset(label: string): string | undefined {
  const clean = label.trim().toLowerCase();
  const alias = LABEL_ALIASES[clean];
  if (alias) return alias;
  return iconv.encodingExists(clean) ? clean : undefined;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  return bytes.some((b) => b >= 0x80);
}

function decodeAs(bytes: Uint8Array, charset: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset, { stripBOM: true });
}

/**
 * Decodes `bytes`, reporting (in German) every guess it had to make. Never throws for
 * a bad label: an unknown or wrong charset falls back with a warning, because a feed
 * with a few odd characters is more useful than no feed.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string): DecodedBody {
  const warnings: string[] = [];
  const bom = detectBom(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.length), bom.charset), charset: bom.charset, warnings };

  const fromHeader = charsetFromContentType(contentType);
  const label = fromHeader ?? declaredInDocument(bytes);
  const source = fromHeader ? "im Content-Type-Header" : "im Dokument";

  let charset: string | undefined;
  if (label) {
    charset = normaliseCharset(label);
    if (!charset) {
      warnings.push(`Unbekannter Zeichensatz „${label}“ ${source}; der Text wurde als Windows-1252 gelesen.`);
      charset = FALLBACK;
    }
  }

  if (charset === "utf-8" && !isValidUtf8(bytes)) {
    warnings.push(
      `Zeichensatz UTF-8 ${source} angegeben, aber der Text ist kein gültiges UTF-8; er wurde als Windows-1252 gelesen.`,
    );
    charset = FALLBACK;
  } else if (charset === FALLBACK && label && hasNonAscii(bytes) && isValidUtf8(bytes)) {
    // A server default of ISO-8859-1 in front of UTF-8 pages is the most common
    // mislabel; valid multi-byte UTF-8 practically never occurs in real Latin-1 text.
    warnings.push(
      `Zeichensatz „${label}“ ${source} angegeben, aber der Text ist gültiges UTF-8; er wurde als UTF-8 gelesen.`,
    );
    charset = "utf-8";
  } else if (!charset) {
    if (isValidUtf8(bytes)) {
      charset = "utf-8";
    } else {
      warnings.push(
        "Kein Zeichensatz angegeben und der Text ist kein gültiges UTF-8; er wurde als Windows-1252 gelesen.",
      );
      charset = FALLBACK;
    }
  }
  return { text: decodeAs(bytes, charset), charset, warnings };
}
