import sanitizeHtml from "sanitize-html";

/**
 * Description HTML → sanitised HTML and plain text. Only a small, harmless tag set
 * survives; links keep http(s)/mailto targets and get rel="noopener nofollow". Plain
 * text descriptions (no tags) become paragraphs, so both kinds of source look alike.
 */

const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "a", "h3", "h4", "h5", "h6"],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Their content is code or markup, never prose to keep.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "svg", "math", "template", "object", "head", "title"],
  transformTags: {
    // Scheme checked here too, so a dropped javascript: link does not keep its rel.
    a: (tagName, attribs) => {
      const href = attribs["href"]?.trim() ?? "";
      const safe: sanitizeHtml.Attributes = SAFE_HREF.test(href) ? { href, rel: "noopener nofollow" } : {};
      return { tagName, attribs: safe };
    },
    // Page headings become sub-headings: the portal owns the page's h1/h2.
    h1: "h3",
    h2: "h3",
    div: "p",
  },
  exclusiveFilter: (frame) => frame.tag === "a" && !frame.attribs["href"] && !frame.text.trim(),
};

const TEXT_ONLY: sanitizeHtml.IOptions = { allowedTags: [], allowedAttributes: {}, nonTextTags: OPTIONS.nonTextTags ?? [] };

const LOOKS_LIKE_HTML = /<\/?[a-z][a-z0-9]*(?:\s[^>]*)?\/?>/i;

const escapeText = (s: string): string => s.replace(/&(?![a-z]+;|#\d+;|#x[0-9a-f]+;)/gi, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Plain text with line breaks → paragraphs and <br>. */
function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((para) => para.trim())
    .filter(Boolean)
    .map((para) => `<p>${escapeText(para).replace(/\n/g, "<br />")}</p>`)
    .join("");
}

export function sanitiseHtml(input: string): string {
  const source = LOOKS_LIKE_HTML.test(input) ? input : textToHtml(input);
  return sanitizeHtml(source, OPTIONS)
    .replace(/<p>\s*<\/p>/g, "")
    .trim();
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

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
