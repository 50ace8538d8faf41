/**
 * Plain HTML pages read with a per-feed selector config. HTML has no event semantics, so
 * almost everything stays prose (dateText, locationText, priceText …) for the normaliser; only
 * `<time datetime="…">` values with a clock time become sessions. With `detail` configured the
 * result names one detail page per offer, which the runner fetches and merges with mergeDetail.
 */
import { load, type CheerioAPI, type Cheerio } from "cheerio/slim";
import type { AnyNode, Element } from "domhandler";
import type { FeedInput, OfferDraft, ParseResult, ParseWarning, SessionDraft } from "../types.ts";
import { parseHtmlConfig, splitSpec, type HtmlConfig, type HtmlFields } from "./config.ts";
import { nodesToText, resolveUrl, stableHash } from "./text.ts";

/** Fields whose default attribute is `href`. */
const LINK_FIELDS = new Set(["url", "registrationUrl"]);
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

interface Scope {
  $: CheerioAPI;
  root: Cheerio<AnyNode>;
  base: string;
  attributes: Record<string, string>;
}

function matches(scope: Scope, spec: string): { nodes: Cheerio<AnyNode>; attr?: string } {
  const { selector, attr } = splitSpec(spec);
  const nodes = selector ? scope.root.find(selector) : scope.root;
  return attr ? { nodes, attr } : { nodes };
}

/** Text of every matched element (one line per block), or the attribute when one is named. */
function fieldText(scope: Scope, field: string, spec: string): string | undefined {
  const { nodes, attr } = matches(scope, spec);
  const attribute = attr ?? scope.attributes[field] ?? (LINK_FIELDS.has(field) ? "href" : undefined);
  if (attribute) {
    const value = nodes
      .toArray()
      .map((n) => scope.$(n).attr(attribute)?.trim())
      .find((v) => v);
    return value || undefined;
  }
  const text = nodesToText(nodes.toArray());
  return text || undefined;
}

/** Each matched element's text on its own (lists: audience, keywords). */
function fieldTexts(scope: Scope, field: string, spec: string): string[] {
  const { nodes, attr } = matches(scope, spec);
  const attribute = attr ?? scope.attributes[field];
  return nodes
    .toArray()
    .map((n) => (attribute ? (scope.$(n).attr(attribute) ?? "") : nodesToText([n])).trim())
    .filter((t) => t.length > 0);
}

/**
 * htmlparser2 serialises "ä" as "&#xe4;". Non-ASCII characters are turned back into themselves;
 * markup-significant entities (&lt; &amp; …) stay encoded so the HTML means the same.
 */
function readableHtml(html: string): string {
  return html.replace(/&#x([0-9a-f]+);/gi, (whole, hex: string) => {
    const code = parseInt(hex, 16);
    return code >= 0xa0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The description keeps its markup: the sanitiser downstream needs it. */
function fieldHtml(scope: Scope, field: string, spec: string): string | undefined {
  const { nodes, attr } = matches(scope, spec);
  const attribute = attr ?? scope.attributes[field];
  if (attribute) return nodes.first().attr(attribute)?.trim() || undefined;
  const html = nodes
    .toArray()
    .map((n) => readableHtml(scope.$(n).html()?.trim() ?? ""))
    .filter((h) => h.length > 0)
    .join("\n");
  return html || undefined;
}

/** Machine-readable `<time datetime>` with a clock time: first is the start, second the end. */
function timeSessions(scope: Scope, spec: string): SessionDraft[] {
  const { nodes } = matches(scope, spec);
  const values = nodes
    .toArray()
    .flatMap((n) => [n, ...scope.$(n).find("time[datetime]").toArray()])
    .map((n) => scope.$(n).attr("datetime")?.trim() ?? "")
    .filter((v) => ISO_DATETIME.test(v))
    .map((v) => v.replace(" ", "T"));
  // One value is a start, two a start and end; more would need pairing, which is a guess.
  const [start, end] = values;
  return start && values.length <= 2 ? [{ start, end: end ?? null }] : [];
}

const splitKeywords = (values: string[]): string[] => [
  ...new Set(
    values
      .flatMap((v) => v.split(/[,;]\s*/))
      .map((v) => v.trim())
      .filter((v) => v.length > 0),
  ),
];

/** Applies a field map to one scope (an item of the list, or a whole detail page). */
function readFields(scope: Scope, fields: HtmlFields): Partial<OfferDraft> & { extra?: Record<string, string> } {
  const out: Partial<OfferDraft> = {};
  const extra: Record<string, string> = {};
  for (const [field, spec] of Object.entries(fields)) {
    if (typeof spec !== "string") continue;
    switch (field) {
      case "title": {
        const title = fieldText(scope, field, spec)?.replace(/\n/g, " ");
        if (title) out.title = title;
        break;
      }
      case "url":
      case "registrationUrl": {
        const url = resolveUrl(fieldText(scope, field, spec), scope.base);
        if (url) out[field] = url;
        break;
      }
      case "date": {
        const text = fieldText(scope, field, spec);
        if (text) out.dateText = text;
        const sessions = timeSessions(scope, spec);
        if (sessions.length) out.sessions = sessions;
        break;
      }
      case "description": {
        const html = fieldHtml(scope, field, spec);
        if (html) out.description = html;
        break;
      }
      case "audience": {
        const list = fieldTexts(scope, field, spec);
        if (list.length) out.audienceText = list;
        break;
      }
      case "keywords": {
        const list = splitKeywords(fieldTexts(scope, field, spec));
        if (list.length) out.keywords = list;
        break;
      }
      case "teachingUnits": {
        const text = fieldText(scope, field, spec);
        // A bare number in a field the provider labelled as teaching units is that number.
        if (text && /^\d+(?:[.,]\d+)?$/.test(text)) out.teachingUnits = Number(text.replace(",", "."));
        else if (text) out.teachingUnitsText = text;
        break;
      }
      default: {
        const text = fieldText(scope, field, spec);
        if (!text) break;
        const target = PROSE_TARGETS[field];
        if (target) out[target] = text;
        else extra[field] = text;
      }
    }
  }
  return Object.keys(extra).length ? { ...out, extra } : out;
}

/** Simple text fields and the draft property they fill. */
const PROSE_TARGETS: Record<
  string,
  "locationText" | "priceText" | "registrationDeadline" | "organizer" | "sourceKey" | undefined
> = {
  location: "locationText",
  price: "priceText",
  registrationDeadline: "registrationDeadline",
  organizer: "organizer",
  sourceKey: "sourceKey",
};

function pageBase(input: FeedInput, config: HtmlConfig, $: CheerioAPI): string {
  const base = config.baseUrl ?? input.url;
  return resolveUrl($("base[href]").first().attr("href"), base) ?? base;
}

function titleLink(scope: Scope, titleSpec: string): string | undefined {
  const { selector } = splitSpec(titleSpec);
  const title = selector ? scope.root.find(selector).first() : scope.root;
  const anchor = title.is("a[href]") ? title : title.find("a[href]").first();
  return resolveUrl(anchor.attr("href"), scope.base);
}

export function parseHtml(input: FeedInput, rawConfig: unknown): ParseResult {
  const checked = parseHtmlConfig(rawConfig);
  if (!checked.ok) {
    return {
      offers: [],
      warnings: checked.errors.map((e) => ({ field: "config", message: `HTML-Konfiguration ungültig: ${e}` })),
      complete: false,
    };
  }
  const config = checked.config;
  const $ = load(input.text);
  const base = pageBase(input, config, $);
  const attributes = config.attributes ?? {};
  const items = $(config.item).toArray();
  const warnings: ParseWarning[] = [];
  if (items.length === 0) {
    return {
      offers: [],
      warnings: [{ field: "item", message: `Keine Einträge für den Selektor „${config.item}“ gefunden` }],
      complete: true,
    };
  }
  const offers: OfferDraft[] = [];
  const detailRequests: { sourceKey: string; url: string }[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    try {
      const scope: Scope = { $, root: $(item), base, attributes };
      const read = readFields(scope, config.fields);
      if (!read.title) {
        warnings.push({
          field: "title",
          message: `Eintrag ${index + 1}: Titel (${config.fields.title}) nicht gefunden – übersprungen`,
        });
        return;
      }
      const url = read.url ?? (config.fields.url ? undefined : titleLink(scope, config.fields.title));
      let sourceKey = read.sourceKey ?? url ?? `html:${stableHash(`${read.title}|${read.dateText ?? ""}`)}`;
      if (seen.has(sourceKey)) {
        // Several dates of one course often link to the same page: each row stays its own offer.
        const distinct = `${sourceKey}#${stableHash(`${read.title}|${read.dateText ?? ""}|${index}`)}`;
        warnings.push({
          sourceKey,
          field: "sourceKey",
          message: `Schlüssel mehrfach auf der Seite (Eintrag ${index + 1}) – ergänzt zu ${distinct}`,
        });
        sourceKey = distinct;
      }
      seen.add(sourceKey);
      const draft: OfferDraft = { ...read, sourceKey, title: read.title, sessions: read.sessions ?? [] };
      if (url) draft.url = url;
      offers.push(draft);
      if (config.detail) {
        const link = resolveUrl(
          fieldText(
            scope,
            "detailLink",
            config.detail.link.includes("@") ? config.detail.link : `${config.detail.link}@href`,
          ),
          base,
        );
        if (link) detailRequests.push({ sourceKey, url: link });
        else warnings.push({ sourceKey, field: "detail.link", message: "Link zur Detailseite nicht gefunden" });
      }
    } catch (err) {
      warnings.push({
        message: `Eintrag ${index + 1} nicht verarbeitbar: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  });
  // A page cut off in transfer still parses (the parser closes open tags), but its list
  // may be short: without a closing </body> or </html> it withdraws nothing.
  const truncated = /<(?:html|body)[\s>]/i.test(input.text) && !/<\/(?:html|body)\s*>/i.test(input.text);
  if (truncated)
    warnings.push({
      message: "Seite unvollständig (kein </body> oder </html>): gelesene Einträge übernommen, nichts zurückgezogen",
    });
  return { offers, warnings, complete: !truncated, ...(config.detail ? { detailRequests } : {}) };
}

/**
 * Completes a list draft with its detail page: detail fields fill only what the list lacked
 * (the list is the provider's overview and wins on conflicts). Pure: returns a new draft.
 */
export function mergeDetail(draft: OfferDraft, detail: FeedInput, rawConfig: unknown): OfferDraft {
  const checked = parseHtmlConfig(rawConfig);
  if (!checked.ok || !checked.config.detail) return draft;
  const config = checked.config;
  const detailConfig = checked.config.detail;
  const $ = load(detail.text);
  const scope: Scope = {
    $,
    root: $.root(),
    base: resolveUrl($("base[href]").first().attr("href"), detail.url) ?? detail.url,
    attributes: config.attributes ?? {},
  };
  const found = readFields(scope, detailConfig.fields);
  const merged: OfferDraft = { ...draft, sessions: [...draft.sessions] };
  const fill = merged as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(found)) {
    if (key === "sourceKey" || key === "extra") continue;
    const current = fill[key];
    const empty = current === undefined || (Array.isArray(current) && current.length === 0);
    if (empty && value !== undefined) fill[key] = value;
  }
  if (found.extra) merged.extra = { ...found.extra, ...draft.extra };
  if (!merged.url) merged.url = detail.url;
  return merged;
}

// ---------------------------------------------------------------------------------------------
// Suggesting a config

// Digit guards instead of \b: minified markup runs texts together ("Kurs 318.03.2027", "14.01.2027Armut").
const DATE_LIKE =
  /(?<!\d)\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}(?!\d)|(?<!\d)\d{1,2}\.\s*(?:Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)[a-zä]*\.?(?:\s+\d{4})?|(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/i;
const HEADINGS = "h1, h2, h3, h4, h5, h6";

/** Text nodes joined with spaces: adjacent elements must not merge ("Kurs 1" + "11.03.2027"). */
function spacedText(node: AnyNode): string {
  if (node.type === "text") return node.data;
  if (node.type !== "tag" && node.type !== "root") return "";
  return node.children.map(spacedText).join(" ");
}
const CANDIDATES = "article, li, div, section, tr, dl";
/** Class-name hints for optional fields, German and English. */
const FIELD_HINTS: ReadonlyArray<[field: "location" | "price" | "description", pattern: RegExp]> = [
  ["location", /(?:^|[-_\s])(ort|location|venue|place|adresse|address)(?:$|[-_\s])/i],
  ["price", /(?:^|[-_\s])(preis|price|kosten|cost|fee|gebuehr|gebühr)(?:$|[-_\s])/i],
  ["description", /(?:^|[-_\s])(beschreibung|description|excerpt|teaser|summary|text|content)(?:$|[-_\s])/i],
];

const cssEscape = (name: string): string => name.replace(/([^\w-])/g, "\\$1");

function signature(el: Element): string {
  const firstClass = (el.attribs["class"] ?? "").split(/\s+/).find((c) => c.length > 0);
  return firstClass ? `${el.name}.${cssEscape(firstClass)}` : el.name;
}

function itemSelector(el: Element): string {
  const own = signature(el);
  if (own.includes(".")) return own;
  const parent = el.parent;
  return parent && parent.type === "tag" ? `${signature(parent)} > ${own}` : own;
}

/** A classless element among same-named siblings (table cells) needs its position to be found again. */
function positioned($: CheerioAPI, el: Element): string {
  const own = signature(el);
  if (own.includes(".")) return own;
  const siblings = $(el).parent().children(el.name).toArray();
  return siblings.length > 1 ? `${own}:nth-of-type(${siblings.indexOf(el) + 1})` : own;
}

/** Selector of the first element under `root` that matches, relative to the item ("h3 a", "span.datum"). */
function relativeSelector($: CheerioAPI, root: Element, found: Element | undefined): string | undefined {
  if (!found || found === root) return undefined;
  const parts: string[] = [];
  for (
    let node: Element | null = found;
    node && node !== root;
    node = node.parent && node.parent.type === "tag" ? node.parent : null
  ) {
    parts.unshift(positioned($, node));
    if (parts.length >= 2) break;
  }
  const selector = parts.join(" ");
  return $(root).find(selector).length > 0 ? selector : undefined;
}

/**
 * Guesses an item selector and basic fields for common event-list markup (repeated blocks, each
 * with a heading or link and a date-like text), so a provider sees a preview before configuring.
 * A heuristic: the result is a proposal for a person, never used unreviewed.
 */
export function suggestHtmlConfig(input: FeedInput): HtmlConfig | null {
  const $ = load(input.text);
  const groups = new Map<string, Element[]>();
  for (const el of $(CANDIDATES).toArray()) {
    if (el.type !== "tag") continue;
    const node = $(el);
    const hasLink = node.find("a[href]").length > 0;
    const hasDate = node.find("time").length > 0 || DATE_LIKE.test(spacedText(el));
    if (!hasLink || !hasDate) continue;
    const key = itemSelector(el);
    groups.set(key, [...(groups.get(key) ?? []), el]);
  }
  let best: { selector: string; elements: Element[]; score: number } | undefined;
  for (const [selector, elements] of groups) {
    if (elements.length < 2) continue;
    // Every member should be one offer: containers that hold several dates each are too coarse.
    const single = elements.filter(
      (el) => (spacedText(el).match(new RegExp(DATE_LIKE.source, "gi")) ?? []).length <= 3,
    ).length;
    const headed = elements.filter((el) => $(el).find(HEADINGS).length === 1).length;
    const score = elements.length + single + 2 * headed;
    if (!best || score > best.score) best = { selector, elements, score };
  }
  if (!best) return null;
  const first = best.elements[0];
  if (!first) return null;
  const item = $(first);
  const heading = item.find(HEADINGS).first();
  const headingLink = heading.find("a[href]").first();
  const titleEl = (heading.length ? heading : item.find("a[href]").first()).get(0);
  const title = relativeSelector($, first, titleEl as Element | undefined) ?? "a";
  const fields: HtmlConfig["fields"] = { title };
  const linkEl = headingLink.get(0) ?? item.find("a[href]").first().get(0);
  const url = relativeSelector($, first, linkEl as Element | undefined);
  if (url && url !== title) fields["url"] = url;
  // A <time> wrapped with its range ("<p><time>…</time>–<time>…</time> Uhr</p>") is read with its wrapper.
  const timeEl = item.find("time").first().get(0);
  const timeParent =
    timeEl?.parent && timeEl.parent !== first && timeEl.parent.type === "tag" ? timeEl.parent : undefined;
  const timeWrapper =
    timeParent &&
    $(timeParent)
      .children()
      .toArray()
      .every((c) => c.type === "tag" && c.name === "time")
      ? timeParent
      : timeEl;
  const dateEl =
    timeWrapper ??
    item
      .find("*")
      .toArray()
      .filter(
        (el): el is Element => el.type === "tag" && DATE_LIKE.test(spacedText(el)) && $(el).find(HEADINGS).length === 0,
      )
      .pop();
  const date = relativeSelector($, first, dateEl);
  if (date) fields["date"] = date;
  for (const [field, pattern] of FIELD_HINTS) {
    const el = item
      .find("[class]")
      .toArray()
      .find((e): e is Element => e.type === "tag" && pattern.test(e.attribs["class"] ?? ""));
    const selector = relativeSelector($, first, el);
    if (selector) fields[field] = selector;
  }
  if (!fields["description"] && item.find("p").length > 0) fields["description"] = "p";
  const outcome = parseHtmlConfig({ item: best.selector, fields });
  return outcome.ok ? outcome.config : null;
}

/** Low: any HTML page might be read with a selector config, but only a person can write one. */
export function detectHtml(input: FeedInput): number {
  const head = input.text.slice(0, 4000);
  if (!/<html[\s>]|<!doctype html|<body[\s>]/i.test(head)) return 0;
  const hasEventLd =
    /application\/ld\+json/i.test(input.text) &&
    /"@type"\s*:\s*(?:\[[^\]]*?)?"(?:https?:\/\/schema\.org\/)?(?:\w*Event|Course)"/.test(input.text);
  return hasEventLd ? 0.05 : 0.2;
}
