import { load } from "cheerio/slim";
import ExcelJS from "exceljs";
import { XMLParser } from "fast-xml-parser";
import ICAL from "ical.js";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FEED_KINDS, type FeedKind } from "../adapters/types.ts";
import { buildCatalogue, DEMO_FORMATS, offersOf, type DemoCatalogue, type DemoOffer } from "./catalogue.ts";
import { fold } from "./render/ical.ts";
import type { HtmlFeedConfig } from "./render/html.ts";
import { GRAPHQL_FEED_CONFIG } from "./render/graphql-api.ts";
import { demoProviders, startDemoServer, type DemoProvider, type DemoServer } from "./server.ts";

const BASE_DATE = new Date("2026-11-22T07:00:00Z");
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

let server: DemoServer;
let providers: DemoProvider[];
let catalogue: DemoCatalogue;
/** Titles each feed published, by provider slug. */
const published = new Map<string, string[]>();

beforeAll(async () => {
  server = await startDemoServer({ port: 0, baseDate: BASE_DATE });
  providers = demoProviders(server.url);
  catalogue = server.site.catalogue;
});

afterAll(async () => {
  await server?.close();
});

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Follows a dot path ("events.pageInfo.endCursor") into parsed JSON. */
function at(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((v, key) => (isRecord(v) ? v[key] : undefined), value);
}

function jsonLdBlocks(html: string): unknown[] {
  const $ = load(html);
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((el) => JSON.parse($(el).text()) as unknown);
}

function jsonLdTitles(html: string): string[] {
  const titles: string[] = [];
  for (const block of jsonLdBlocks(html)) {
    const nodes = isRecord(block) && Array.isArray(block["@graph"]) ? block["@graph"] : asArray(block);
    for (const node of nodes) {
      if (
        isRecord(node) &&
        ["Event", "EducationEvent", "Course"].includes(String(node["@type"])) &&
        typeof node.name === "string"
      ) {
        titles.push(node.name);
      }
    }
  }
  return titles;
}

function icalTitles(text: string): string[] {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return calendar.getAllSubcomponents("vevent").map((e) => String(e.getFirstPropertyValue("summary")));
}

function htmlTitles(html: string, config: HtmlFeedConfig): string[] {
  const $ = load(html);
  return $(config.item)
    .toArray()
    .map((el) => $(el).find(config.fields.title).text().trim());
}

async function graphqlPages(url: string): Promise<{ titles: string[]; pages: number }> {
  const titles: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        query: GRAPHQL_FEED_CONFIG.query,
        variables: { ...GRAPHQL_FEED_CONFIG.variables, after },
      }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    pages++;
    for (const item of asArray(at(body.data, GRAPHQL_FEED_CONFIG.itemsPath) as unknown[]))
      titles.push(String(at(item, "title")));
    if (at(body.data, GRAPHQL_FEED_CONFIG.pagination.hasNextPath) !== true) break;
    after = String(at(body.data, GRAPHQL_FEED_CONFIG.pagination.cursorPath));
    if (pages > 20) throw new Error("Paginierung endet nicht");
  }
  return { titles, pages };
}

type Reader = (res: Response, provider: DemoProvider) => Promise<string[]>;

/** How the test reads each kind of feed back, with the checks that it is well-formed. */
const READERS: Readonly<Record<FeedKind, Reader>> = {
  JSONLD: async (res) => {
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    return jsonLdTitles(await res.text());
  },
  ICAL: async (res) => {
    const text = await res.text();
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin");
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    return icalTitles(text);
  },
  RSS: async (res) => {
    const doc = xml.parse(await res.text()) as Record<string, unknown>;
    if (doc.rss) {
      expect(at(doc, "rss.@version")).toBe("2.0");
      return asArray(at(doc, "rss.channel.item") as unknown[]).map((i) => String(at(i, "title")));
    }
    return asArray(at(doc, "feed.entry") as unknown[]).map((e) => String(at(e, "title.#text")));
  },
  CSV: async (res) => {
    expect(res.headers.get("content-type")).toBe("text/csv; charset=windows-1252");
    const bytes = Buffer.from(await res.arrayBuffer());
    // "Gebühr" in Windows-1252: ü is the single byte 0xFC, not UTF-8's 0xC3 0xBC.
    expect(bytes.includes(Buffer.from([0x47, 0x65, 0x62, 0xfc, 0x68, 0x72]))).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(iconv.decode(bytes, "win1252"), {
      header: true,
      delimiter: ";",
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([
      "Titel",
      "Beginn",
      "Ende",
      "Ort",
      "PLZ",
      "Gebühr",
      "UE",
      "Zielgruppe",
      "Beschreibung",
      "Link",
    ]);
    return parsed.data.map((r) => r.Titel ?? "");
  },
  XLSX: async (res) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet("Veranstaltungen");
    expect(sheet).toBeDefined();
    const titles: string[] = [];
    sheet?.eachRow((row, n) => {
      if (n === 1) expect(row.getCell(8).value).toBe("Teilnahmegebühr (€)");
      else {
        titles.push(String(row.getCell(1).value));
        expect(row.getCell(2).value).toBeInstanceOf(Date);
      }
    });
    return titles;
  },
  OPENQCAT: async (res) => {
    const doc = xml.parse(await res.text()) as Record<string, unknown>;
    expect(at(doc, "OPENQCAT.NEW_CATALOG.@FULLCATALOG")).toBe("true");
    const services = asArray(at(doc, "OPENQCAT.NEW_CATALOG.SERVICE") as unknown[]);
    for (const s of services) {
      expect(String(at(s, "SERVICE_DETAILS.SERVICE_DATE.START_DATE"))).toMatch(
        /^\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d[+-]\d\d:\d\d)?$/,
      );
      expect(at(s, "SERVICE_PRICE_DETAILS.SERVICE_PRICE.PRICE_CURRENCY")).toBe("EUR");
    }
    return services.map((s) => String(at(s, "SERVICE_DETAILS.TITLE")));
  },
  HTML: async (res, provider) => {
    const config = provider.feeds[0]?.config as HtmlFeedConfig;
    return htmlTitles(await res.text(), config);
  },
  GRAPHQL: async (_res, provider) => {
    const { titles, pages } = await graphqlPages(provider.feeds[0]?.url ?? "");
    expect(pages).toBeGreaterThan(1);
    return titles;
  },
};

const sortedTitles = (offers: readonly DemoOffer[]): string[] => offers.map((o) => o.title).sort();

describe("demo feed server", () => {
  it("publishes at least 12 providers covering every format and feed kind", () => {
    expect(providers.length).toBeGreaterThanOrEqual(12);
    expect(new Set(catalogue.providers.map((p) => p.format))).toEqual(new Set(DEMO_FORMATS));
    expect(new Set(providers.flatMap((p) => p.feeds.map((f) => f.kind)))).toEqual(new Set(FEED_KINDS));
    for (const p of providers) {
      expect(p.website.startsWith(`${server.url}/`)).toBe(true);
      expect(p.contactEmail).toMatch(/@/);
    }
  });

  it("serves every feed well-formed, each carrying exactly its provider's offers", async () => {
    for (const provider of providers) {
      const feed = provider.feeds[0];
      if (!feed) throw new Error(`Kein Feed: ${provider.slug}`);
      const res = feed.kind === "GRAPHQL" ? new Response("") : await fetch(feed.url);
      expect(res.status, feed.url).toBe(200);
      const titles = await READERS[feed.kind](res, provider);
      expect(titles.sort(), provider.slug).toEqual(sortedTitles(offersOf(catalogue, provider.slug)));
      published.set(provider.slug, titles);
    }
    const distinct = new Set(catalogue.providers.flatMap((p) => offersOf(catalogue, p.slug).map((o) => o.id)));
    expect(distinct.size).toBeGreaterThanOrEqual(150);
    expect([...published.values()].flat().length).toBeGreaterThan(distinct.size); // cooperations appear twice
  });

  it("publishes the hard cases of iCalendar: weekly RRULE with EXDATE, whole-day ranges", async () => {
    for (const provider of providers.filter((p) => p.feeds[0]?.kind === "ICAL")) {
      const text = await (await fetch(provider.feeds[0]?.url ?? "")).text();
      expect(text).toMatch(/\r\nRRULE:FREQ=WEEKLY;COUNT=\d+\r\nEXDATE;TZID=Europe\/Berlin:\d{8}T\d{6}\r\n/);
      expect(text).toMatch(/\r\nDTSTART;VALUE=DATE:\d{8}\r\nDTEND;VALUE=DATE:\d{8}\r\n/);
      expect(text).toMatch(/\r\n [^\r]/); // folded continuation lines
      const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
      const weekly = calendar
        .getAllSubcomponents("vevent")
        .map((v) => new ICAL.Event(v))
        .find((e) => e.isRecurring());
      expect(weekly).toBeDefined();
    }
  });

  it("states RSS publication dates before the event and the event facts in German prose", async () => {
    const provider = providers.find((p) => p.feeds[0]?.url.endsWith("/feed/"));
    const doc = xml.parse(await (await fetch(provider?.feeds[0]?.url ?? "")).text()) as Record<string, unknown>;
    const items = asArray(at(doc, "rss.channel.item") as unknown[]);
    for (const item of items) {
      const offer = catalogue.offers.find(
        (o) => o.title === at(item, "title") && o.providers.includes(provider?.slug ?? ""),
      );
      expect(Date.parse(String(at(item, "pubDate")))).toBeLessThan(Date.parse(offer?.sessions[0]?.start ?? ""));
      expect(String(at(item, "description"))).toMatch(
        /Termine?:<\/strong> .*(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}/,
      );
      expect(String(at(item, "description"))).toContain("<strong>Kosten:</strong>");
    }
  });

  it("answers conditional requests with 304 and serves robots.txt", async () => {
    const robots = await fetch(`${server.url}/robots.txt`);
    expect(await robots.text()).toContain("Allow: /");
    for (const provider of providers.filter((p) => p.feeds[0]?.kind !== "GRAPHQL")) {
      const url = provider.feeds[0]?.url ?? "";
      const first = await fetch(url);
      await first.arrayBuffer();
      const etag = first.headers.get("etag");
      const lastModified = first.headers.get("last-modified");
      expect(etag).toBeTruthy();
      const byTag = await fetch(url, { headers: { "If-None-Match": etag ?? "" } });
      expect(byTag.status).toBe(304);
      const byDate = await fetch(url, { headers: { "If-Modified-Since": lastModified ?? "" } });
      expect(byDate.status).toBe(304);
      const changed = await fetch(url, { headers: { "If-None-Match": '"anders"' } });
      expect(changed.status).toBe(200);
      await changed.arrayBuffer();
    }
  });

  it("serves detail pages that the HTML selector config can read", async () => {
    for (const provider of providers.filter((p) => p.feeds[0]?.kind === "HTML")) {
      const feed = provider.feeds[0];
      const config = feed?.config as HtmlFeedConfig;
      const $ = load(await (await fetch(feed?.url ?? "")).text());
      const first = $(config.item).first();
      const [selector, attr] = (config.detail?.link ?? "").split("@");
      const href = first.find(selector ?? "").attr(attr ?? "href") ?? "";
      const detail = await fetch(new URL(href, feed?.url));
      expect(detail.status).toBe(200);
      const $d = load(await detail.text());
      for (const [field, sel] of Object.entries(config.detail?.fields ?? {})) {
        if (field === "teachingUnits") continue; // may be empty where the provider does not say
        expect($d(sel).text().trim(), `${provider.slug} ${field}`).not.toBe("");
      }
    }
  });

  it("runs a real GraphQL endpoint: POST only, errors for bad requests", async () => {
    const url = providers.find((p) => p.feeds[0]?.kind === "GRAPHQL")?.feeds[0]?.url ?? "";
    expect((await fetch(url)).status).toBe(405);
    const bad = await fetch(url, { method: "POST", body: "{kein json" });
    expect(bad.status).toBe(400);
    const invalid = await fetch(url, { method: "POST", body: JSON.stringify({ query: "{ gibtsNicht }" }) });
    expect(invalid.status).toBe(400);
    const one = await fetch(url, {
      method: "POST",
      body: JSON.stringify({
        query: "{ events(first: 1) { totalCount nodes { sessions { start end } venue { postalCode } } } }",
      }),
    });
    const body = (await one.json()) as { data: { events: { totalCount: number; nodes: unknown[] } } };
    expect(body.data.events.totalCount).toBeGreaterThan(5);
    expect(body.data.events.nodes).toHaveLength(1);
  });
});

describe("demo catalogue (ground truth)", () => {
  it("is deterministic for a base date and differs for another", () => {
    expect(buildCatalogue(BASE_DATE)).toEqual(buildCatalogue(new Date(BASE_DATE.getTime())));
    expect(buildCatalogue(new Date("2027-03-01T07:00:00Z")).offers).not.toEqual(buildCatalogue(BASE_DATE).offers);
  });

  it("keeps offers between two weeks before and fourteen months after the base date", () => {
    const c = buildCatalogue(BASE_DATE);
    const earliest = new Date(BASE_DATE.getTime() - 16 * 86_400_000).toISOString().slice(0, 10);
    const latest = new Date(BASE_DATE.getTime() + 450 * 86_400_000).toISOString().slice(0, 10);
    for (const o of c.offers) {
      const first = o.sessions[0]?.start.slice(0, 10) ?? "";
      expect(first >= earliest && first <= latest, `${o.id} ${first}`).toBe(true);
      expect(o.publishedAt < `${c.baseDate}T23:59:59Z`).toBe(true);
    }
  });

  it.each(["2026-11-22T07:00:00Z", "2027-06-30T22:30:00Z", "2028-02-29T12:00:00Z"])(
    "has the mix the hub must handle on %s: cooperations, irrelevant offers, online, free, units, series",
    (base) => {
      const { offers } = buildCatalogue(new Date(base));
      expect(new Set(offers.map((o) => o.id)).size).toBe(offers.length);
      expect(offers.length).toBeGreaterThanOrEqual(150);
      expect(offers.filter((o) => o.providers.length === 2).length).toBeGreaterThanOrEqual(5);
      const irrelevant = offers.filter((o) => !o.relevant).length / offers.length;
      expect(irrelevant).toBeGreaterThan(0.05);
      expect(irrelevant).toBeLessThan(0.15);
      expect(offers.some((o) => o.online)).toBe(true);
      expect(offers.some((o) => o.hybrid)).toBe(true);
      expect(offers.some((o) => o.free)).toBe(true);
      expect(Math.max(...offers.map((o) => o.price))).toBeLessThanOrEqual(1500);
      expect(offers.some((o) => o.teachingUnits === null)).toBe(true);
      expect(offers.some((o) => o.skippedStarts.length > 0)).toBe(true);
      expect(new Set(offers.map((o) => o.shape)).size).toBe(8);
      expect(new Set(offers.map((o) => o.districtKey).filter(Boolean)).size).toBeGreaterThanOrEqual(25);
      for (const o of offers) {
        if (o.relevant) expect(o.modules.length).toBeGreaterThan(0);
        else expect(o.modules).toEqual([]);
        expect(o.online).toBe(o.venue === null);
      }
    },
  );

  it("folds iCalendar lines at 75 octets without splitting characters", () => {
    const line = `DESCRIPTION:${"Bürgerbeteiligung ".repeat(10)}`;
    const folded = fold(line);
    for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(
      folded
        .split("\r\n")
        .map((p, i) => (i === 0 ? p : p.slice(1)))
        .join(""),
    ).toBe(line);
  });
});
