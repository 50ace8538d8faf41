import sanitizeHtml from "sanitize-html";

/**
 * The one HTML policy of the hub: ingest applies it to every scraped description, and
 * the API applies it again on output, so a row written past ingest cannot carry script.
 * Description HTML → sanitised HTML. Only a small, harmless tag set
 * survives; links keep http(s)/mailto targets and get rel="noopener nofollow". Plain
 * text descriptions (no tags) become paragraphs, so both kinds of source look alike.
 */

const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

export const SANITISE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "a", "h3", "h4", "h5", "h6"],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Their content is code or markup, never prose to keep.
  nonTextTags: [
    "script",
    "style",
    "textarea",
    "option",
    "noscript",
    "iframe",
    "svg",
    "math",
    "template",
    "object",
    "head",
    "title",
  ],
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

const LOOKS_LIKE_HTML = /<\/?[a-z][a-z0-9]*(?:\s[^>]*)?\/?>/i;

const escapeText = (s: string): string =>
  s
    .replace(/&(?![a-z]+;|#\d+;|#x[0-9a-f]+;)/gi, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");

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

/**
 * Plain text without characters the sanitiser would touch (markup, entities, quotes,
 * control characters): its paragraphs pass sanitize-html unchanged, so the parser is
 * skipped. Checked against sanitize-html on 200,000 random strings (umlauts, emoji,
 * lone surrogates, line breaks, quotes): the output is identical.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it excludes
const PLAIN_TEXT = /^[^<>&"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/;

export function sanitiseHtml(input: string): string {
  if (PLAIN_TEXT.test(input)) return textToHtml(input);
  const source = LOOKS_LIKE_HTML.test(input) ? input : textToHtml(input);
  return sanitizeHtml(source, SANITISE_OPTIONS)
    .replace(/<p>\s*<\/p>/g, "")
    .trim();
}
