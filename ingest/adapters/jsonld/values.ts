/** Small readers for schema.org values, which may be a string, a number, an object or a list of them. */
import { decodeEntities } from "../html/text.ts";

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const asArray = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

/** A non-empty trimmed string (numbers written as numbers count too; `{"@value": …}` is unwrapped). */
export function str(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (isObject(value) && "@value" in value) return str(value["@value"]);
  if (typeof value !== "string") return undefined;
  const text = decodeEntities(value).trim();
  return text.length > 0 ? text : undefined;
}

/** Type names without the vocabulary prefix: "https://schema.org/EducationEvent" → "EducationEvent". */
export function typeNames(node: JsonObject): string[] {
  return asArray(node["@type"])
    .filter((t): t is string => typeof t === "string")
    .map((t) => t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/i, ""));
}

/** Last segment of a schema.org enumeration value ("https://schema.org/OnlineEventAttendanceMode"). */
export const enumName = (value: unknown): string | undefined => str(value)?.replace(/^.*[/:#]/, "");

/** `true`/`"true"`/`"True"` as schema.org producers write booleans. */
export const isTrue = (value: unknown): boolean =>
  value === true || (typeof value === "string" && value.trim().toLowerCase() === "true");

/** Names of Things or plain strings, in order, without duplicates. */
export function names(value: unknown, deref: (v: unknown) => unknown): string[] {
  const out: string[] = [];
  for (const item of asArray(value)) {
    const node = deref(item);
    const name = isObject(node) ? (str(node["name"]) ?? str(node["alternateName"])) : str(node);
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * A price as a number when it is written unambiguously: 85, "85", "85.50", "85,50", "1.200,00".
 * Anything else ("ab 80", "auf Anfrage") stays prose.
 */
export function parseAmount(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value : undefined;
  const text = str(value)
    ?.replace(/\s*(?:€|EUR|Euro)\s*$/i, "")
    .replace(/^(?:€|EUR)\s*/i, "")
    .trim();
  if (!text) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  if (/^\d+,\d+$/.test(text)) return Number(text.replace(",", "."));
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(text)) return Number(text.replace(/\./g, "").replace(",", "."));
  return undefined;
}

/** ISO 8601 date or date-time as schema.org allows it; a space instead of "T" is accepted and normalised. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function isoDate(value: unknown): string | undefined {
  const text = str(value);
  if (!text || !ISO_DATE.test(text)) return undefined;
  return text.replace(" ", "T");
}
