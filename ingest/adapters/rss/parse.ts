/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom → OfferDrafts. A feed item is a news post about an event:
 * its `pubDate`/`updated` say when the post was published, never when the event takes place.
 * The event's date, place, price, hours and audience are read out of the item's text as prose
 * (see prose.ts) for the normaliser; only the RSS event module (`ev:startdate`) is structured.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { FeedInput, OfferDraft, ParseResult, ParseWarning, SessionDraft } from "../types.ts";
import { decodeEntities, htmlToText, resolveUrl, stableHash, tidyLines } from "../html/text.ts";
import { extractProse } from "./prose.ts";

type XmlNode = Record<string, unknown>;

const ARRAY_TAGS = new Set(["item", "entry", "category", "link", "dc:subject"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ARRAY_TAGS.has(name),
});

const isNode = (value: unknown): value is XmlNode =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

/** Text content of an element, whether it parsed to a string or to an object with attributes. */
function text(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const raw =
    typeof first === "string" || typeof first === "number"
      ? String(first)
      : isNode(first)
        ? text(first["#text"])
        : undefined;
  const trimmed = raw?.trim();
  return trimmed ? trimmed : undefined;
}

/** One-line text for titles and keys: entities the parser left alone are decoded, tags removed. */
const plain = (value: unknown): string | undefined => {
  const raw = text(value);
  if (!raw) return undefined;
  const result = tidyLines(htmlToText(decodeEntities(raw)).replace(/\n/g, " "));
  return result || undefined;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

// ---------------------------------------------------------------------------------------------
// Items

interface RawItem {
  format: "RSS" | "ATOM";
  node: XmlNode;
}

interface ItemFields {
  key?: string;
  title?: string;
  link?: string;
  html?: string;
  /** The short description when the full content is the item's text: its lines are read too. */
  summary?: string;
  categories: string[];
  published?: string;
  author?: string;
}

function rssFields(node: XmlNode, base: string): ItemFields {
  const guid = text(node["guid"]);
  const guidNode = node["guid"];
  // A permalink guid (the RSS default) is the item's address when <link> is missing.
  const guidIsLink =
    guid !== undefined &&
    /^https?:\/\//i.test(guid) &&
    !(isNode(guidNode) && text(guidNode["@_isPermaLink"]) === "false");
  const link = resolveUrl(text(node["link"]), base) ?? (guidIsLink ? guid : undefined);
  const content = text(node["content:encoded"]);
  const summary = text(node["description"]);
  const html = content ?? summary;
  const categories = [...asArray(node["category"]), ...asArray(node["dc:subject"])]
    .map(plain)
    .filter((c): c is string => !!c);
  return {
    key: guid ?? link ?? text(node["@_rdf:about"]),
    title: plain(node["title"]),
    link,
    html,
    ...(content && summary && content !== summary ? { summary } : {}),
    categories,
    published: text(node["pubDate"]) ?? text(node["dc:date"]),
    author: plain(node["dc:creator"]) ?? plain(node["author"]),
  };
}

function atomLink(node: XmlNode, base: string): string | undefined {
  const links = asArray(node["link"]).filter(isNode);
  const alternate = links.find((l) => (text(l["@_rel"]) ?? "alternate") === "alternate") ?? links[0];
  return alternate ? resolveUrl(text(alternate["@_href"]), base) : undefined;
}

function atomFields(node: XmlNode, base: string): ItemFields {
  const link = atomLink(node, base);
  const categories = asArray(node["category"])
    .filter(isNode)
    .map((c) => plain(c["@_label"]) ?? plain(c["@_term"]))
    .filter((c): c is string => !!c);
  const author = isNode(node["author"]) ? plain(node["author"]["name"]) : undefined;
  const content = text(node["content"]);
  const summary = text(node["summary"]);
  return {
    key: text(node["id"]) ?? link,
    title: plain(node["title"]),
    link,
    html: content ?? summary,
    ...(content && summary && content !== summary ? { summary } : {}),
    categories,
    published: text(node["published"]) ?? text(node["updated"]),
    author,
  };
}

/** The RSS event module (xmlns:ev="http://purl.org/rss/1.0/modules/event/") is structured data. */
function eventModule(node: XmlNode): { sessions: SessionDraft[]; location?: string; organizer?: string } {
  const start = text(node["ev:startdate"]);
  const end = text(node["ev:enddate"]);
  const sessions: SessionDraft[] = [];
  if (start && ISO_DATE.test(start)) {
    const session: SessionDraft = {
      start: start.replace(" ", "T"),
      end: end && ISO_DATE.test(end) ? end.replace(" ", "T") : null,
    };
    if (start.length === 10) session.allDay = true;
    sessions.push(session);
  }
  const location = plain(node["ev:location"]);
  const organizer = plain(node["ev:organizer"]);
  return { sessions, ...(location ? { location } : {}), ...(organizer ? { organizer } : {}) };
}

function itemDraft(raw: RawItem, base: string, warn: (w: ParseWarning) => void): OfferDraft | null {
  const fields = raw.format === "ATOM" ? atomFields(raw.node, base) : rssFields(raw.node, base);
  const key = fields.key ?? (fields.title ? `rss:${stableHash(`${fields.title}|${fields.html ?? ""}`)}` : undefined);
  if (!fields.title) {
    warn({ sourceKey: key, field: "title", message: "Titel fehlt – Eintrag übersprungen" });
    return null;
  }
  const sourceKey = key ?? `rss:${stableHash(fields.title)}`;
  const draft: OfferDraft = { sourceKey, title: fields.title, sessions: [] };
  if (fields.link) draft.url = fields.link;
  if (fields.html) draft.description = fields.html;
  if (fields.categories.length) draft.keywords = [...new Set(fields.categories)];

  const ev = eventModule(raw.node);
  draft.sessions = ev.sessions;
  if (ev.organizer) draft.organizer = ev.organizer;
  const prose = extractProse(
    [fields.html, fields.summary]
      .filter((t): t is string => !!t)
      .map(htmlToText)
      .join("\n"),
  );
  if (prose.dateText) draft.dateText = prose.dateText;
  const locationText = [ev.location, prose.locationText].filter((t): t is string => !!t).join("\n");
  if (locationText) draft.locationText = locationText;
  if (prose.priceText) draft.priceText = prose.priceText;
  if (prose.teachingUnitsText) draft.teachingUnitsText = prose.teachingUnitsText;
  if (prose.audienceText) draft.audienceText = prose.audienceText;
  if (prose.registrationDeadline) draft.registrationDeadline = prose.registrationDeadline;

  // Kept for provenance only: the publication date is not the event date.
  const extra: Record<string, string> = {};
  if (fields.published) extra["published"] = fields.published;
  if (fields.author) extra["author"] = fields.author;
  if (Object.keys(extra).length) draft.extra = extra;

  return draft;
}

// ---------------------------------------------------------------------------------------------
// Documents

function itemsOf(doc: XmlNode): RawItem[] | null {
  const rss = doc["rss"];
  if (isNode(rss)) {
    const channel = asArray(rss["channel"]).find(isNode);
    return asArray(channel?.["item"])
      .filter(isNode)
      .map((node) => ({ format: "RSS", node }));
  }
  const rdf = doc["rdf:RDF"];
  if (isNode(rdf))
    return asArray(rdf["item"])
      .filter(isNode)
      .map((node) => ({ format: "RSS", node }));
  const feed = doc["feed"];
  if (isNode(feed))
    return asArray(feed["entry"])
      .filter(isNode)
      .map((node) => ({ format: "ATOM", node }));
  return null;
}

function parseXml(xml: string): XmlNode | null {
  try {
    const doc: unknown = parser.parse(xml);
    return isNode(doc) ? doc : null;
  } catch {
    return null;
  }
}

/**
 * A broken feed is read item by item: every `<item>`/`<entry>` that is well-formed on its own
 * survives, so one bad CMS entry does not hide the whole programme.
 */
function recoverItems(xml: string, warn: (w: ParseWarning) => void): RawItem[] {
  const items: RawItem[] = [];
  let index = 0;
  for (const match of xml.matchAll(/<(item|entry)\b[^>]*>[\s\S]*?<\/\1>/g)) {
    index += 1;
    const chunk = match[0];
    const tag = match[1] === "entry" ? "entry" : "item";
    const doc = XMLValidator.validate(chunk) === true ? parseXml(chunk) : null;
    const node = doc ? asArray(doc[tag]).find(isNode) : undefined;
    if (node) items.push({ format: tag === "entry" ? "ATOM" : "RSS", node });
    else warn({ field: tag, message: `Eintrag ${index} (<${tag}>) fehlerhaft und übersprungen` });
  }
  return items;
}

export function parseRss(input: FeedInput): ParseResult {
  const warnings: ParseWarning[] = [];
  const warn = (w: ParseWarning): void => void warnings.push(w);
  const xml = input.text.replace(/^\uFEFF/, "");
  const validation = XMLValidator.validate(xml);
  let items: RawItem[] | null;
  if (validation === true) {
    const doc = parseXml(xml);
    items = doc ? itemsOf(doc) : null;
    if (items === null) {
      return {
        offers: [],
        warnings: [{ message: "Kein RSS- oder Atom-Feed: weder <rss>, <rdf:RDF> noch <feed> gefunden" }],
        complete: true,
      };
    }
  } else {
    const { line, msg } = validation.err;
    warn({ field: "XML", message: `XML fehlerhaft (Zeile ${line}): ${msg} – nur einzeln lesbare Einträge übernommen` });
    items = recoverItems(xml, warn);
    if (items.length === 0) warn({ message: "Feed nicht lesbar: kein vollständiger Eintrag gefunden" });
  }
  const offers: OfferDraft[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const draft = itemDraft(item, input.url, warn);
    if (!draft) continue;
    if (seen.has(draft.sourceKey)) {
      warn({
        sourceKey: draft.sourceKey,
        field: "guid",
        message: "Schlüssel (guid/id) doppelt – zweiter Eintrag verworfen",
      });
      continue;
    }
    seen.add(draft.sourceKey);
    if (draft.sessions.length === 0 && !draft.dateText) {
      warn({
        sourceKey: draft.sourceKey,
        field: "description",
        message: "Kein Veranstaltungstermin im Text gefunden (pubDate ist nur das Veröffentlichungsdatum)",
      });
    }
    offers.push(draft);
  }
  // Items recovered from broken XML are kept, but the feed cannot vouch for what it lacks.
  return { offers, warnings, complete: validation === true };
}

/** High for RSS/Atom documents, nothing for anything else. */
export function detectRss(input: FeedInput): number {
  const head = input.text.slice(0, 4000);
  if (/<rss[\s>]/i.test(head)) return 0.9;
  if (/<feed[^>]+xmlns=["']http:\/\/www\.w3\.org\/2005\/Atom["']/i.test(head)) return 0.9;
  if (/<rdf:RDF[\s\S]*purl\.org\/rss\/1\.0/i.test(head)) return 0.8;
  if (/<feed[\s>]/i.test(head) && /<entry[\s>]/i.test(input.text)) return 0.6;
  return 0;
}
