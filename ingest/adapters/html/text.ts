/**
 * Text helpers shared by the markup-reading adapters (HTML, RSS, JSON-LD): plain text out of
 * HTML with line breaks between blocks, entity decoding for strings that arrive still encoded,
 * URL resolution and a stable short hash for source keys.
 */
import { load } from "cheerio/slim";
import type { AnyNode } from "domhandler";

/** Elements that start a new line in rendered text; everything else flows inline. */
const BLOCK_TAGS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "th",
  "thead",
  "tr",
  "ul",
]);
const SKIPPED_TAGS = new Set(["script", "style", "noscript", "template"]);

function collectText(node: AnyNode, out: string[]): void {
  if (node.type === "text") {
    // Source line breaks are mere whitespace in HTML; lines come from blocks and <br>.
    out.push(node.data.replace(/[\s]+/g, " "));
    return;
  }
  if (node.type !== "tag" && node.type !== "root" && node.type !== "cdata") return;
  const name = "name" in node ? node.name.toLowerCase() : "";
  if (SKIPPED_TAGS.has(name)) return;
  if (name === "br") {
    out.push("\n");
    return;
  }
  const block = BLOCK_TAGS.has(name);
  if (block) out.push("\n");
  for (const child of node.children) collectText(child, out);
  if (block) out.push("\n");
}

/** Collapses runs of spaces inside lines and drops empty lines. */
export function tidyLines(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/[\s\u00a0]+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
}

/** Plain text of DOM nodes: whitespace collapsed, one line per block element. */
export function nodesToText(nodes: readonly AnyNode[]): string {
  const out: string[] = [];
  for (const node of nodes) collectText(node, out);
  return tidyLines(out.join(""));
}

/**
 * Plain text of an HTML fragment, or of text that merely may contain HTML: without any tag it is
 * plain text whose line breaks count (feeds often send "Termin: …\nOrt: …").
 */
export function htmlToText(html: string): string {
  if (!/<[a-zA-Z/!]/.test(html)) return tidyLines(decodeEntities(html));
  const $ = load(html);
  return nodesToText($.root().toArray());
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  shy: "",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  euro: "€",
  sect: "§",
  middot: "·",
  bull: "•",
  auml: "ä",
  ouml: "ö",
  uuml: "ü",
  Auml: "Ä",
  Ouml: "Ö",
  Uuml: "Ü",
  szlig: "ß",
  eacute: "é",
  egrave: "è",
  agrave: "à",
  ccedil: "ç",
  bdquo: "„",
  ldquo: "“",
  rdquo: "”",
  sbquo: "‚",
  lsquo: "‘",
  rsquo: "’",
  laquo: "«",
  raquo: "»",
  times: "×",
  deg: "°",
  copy: "©",
  reg: "®",
  frac12: "½",
};

/** Decodes HTML entities (named subset, decimal, hex); unknown names stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, body: string) => {
    if (body.startsWith("#")) {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/** Resolves a possibly relative link against the page URL; undefined when it is no usable link. */
export function resolveUrl(href: string | undefined, base: string): string | undefined {
  const trimmed = href?.trim();
  if (!trimmed || trimmed.startsWith("#") || /^(javascript|mailto|tel|data):/i.test(trimmed)) return undefined;
  try {
    return new URL(trimmed, base).toString();
  } catch {
    return /^https?:\/\//i.test(trimmed) ? trimmed : undefined;
  }
}

/** FNV-1a over UTF-16 code units: a short, stable key for items that carry no id of their own. */
export function stableHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
