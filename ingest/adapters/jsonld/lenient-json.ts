/**
 * JSON as websites actually embed it: CMS plugins leave trailing commas, wrap blocks in
 * CDATA or HTML comments, HTML-encode the quotes or paste raw control characters into strings.
 * Each repair is only tried after the strict parse failed, least invasive first, so valid
 * JSON is never altered.
 */
import { decodeEntities } from "../html/text.ts";

export type JsonParseOutcome = { ok: true; value: unknown; repaired: boolean } | { ok: false; error: string };

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

const stripWrappers = (text: string): string =>
  text
    .replace(/^\uFEFF/, "")
    .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, "")
    .replace(/(?:\/\/\s*)?\]\]>\s*$/, "")
    .replace(/^\s*<!--/, "")
    .replace(/-->\s*$/, "")
    .trim();

// Raw control characters are invalid inside JSON strings; outside them they are mere whitespace.
// eslint-disable-next-line no-control-regex
const stripControls = (text: string): string => text.replace(/[\u0000-\u001f\u007f]/g, " ");

const stripTrailingCommas = (text: string): string => text.replace(/,(\s*[}\]])/g, "$1");

/** The repairs in order; each step builds on the previous one. */
const REPAIRS: ReadonlyArray<(text: string) => string> = [
  stripWrappers,
  stripControls,
  stripTrailingCommas,
  // Last resort: the whole block was entity-encoded (`{&quot;@type&quot;: …}`).
  decodeEntities,
];

export function parseLenientJson(raw: string): JsonParseOutcome {
  const strict = tryParse(raw);
  if (strict.ok) return { ok: true, value: strict.value, repaired: false };
  let text = raw;
  for (const repair of REPAIRS) {
    text = repair(text);
    const attempt = tryParse(text);
    if (attempt.ok) return { ok: true, value: attempt.value, repaired: true };
  }
  return { ok: false, error: strict.error };
}
