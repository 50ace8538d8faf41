import sanitizeHtml from "sanitize-html";
import { SANITISE_OPTIONS, sanitiseHtml } from "../../schema/common/sanitise.ts";

export { sanitiseHtml };

const TEXT_ONLY: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  nonTextTags: SANITISE_OPTIONS.nonTextTags ?? [],
};

const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  "#39": "'",
};

function decodeBasicEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/** Text of a fragment: entities decoded (via the HTML parser), tags dropped, whitespace collapsed. */
export function decodeText(input: string): string {
  // Most titles carry neither tags nor entities: skip the parser for them.
  if (!/[<&]/.test(input)) return input.replace(/\s+/g, " ").trim();
  return decodeBasicEntities(sanitizeHtml(input, TEXT_ONLY)).replace(/\s+/g, " ").trim();
}

/** Plain text of sanitised HTML: block ends become line breaks, list items get a dash. */
export function htmlToText(safeHtml: string): string {
  const withBreaks = safeHtml
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<li>/gi, "- ")
    .replace(/<\/(?:p|li|h[3-6]|ul|ol)>/gi, "\n");
  return decodeBasicEntities(withBreaks.replace(/<[^>]*>/g, ""))
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function sanitiseDescription(input: string | undefined): { html: string; text: string } {
  if (!input?.trim()) return { html: "", text: "" };
  const html = sanitiseHtml(input);
  return { html, text: htmlToText(html) };
}
