import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { FeedAdapter, FeedInput, OfferDraft, ParseResult } from "../types.ts";
import { htmlAdapter, mergeDetail, parseHtmlConfig, suggestHtmlConfig, type HtmlConfig } from "./index.ts";
import { parseHtml } from "./parse.ts";
import { htmlToText } from "./text.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../..");
const fixture = (name: string, url = "https://www.vhs-ostalb.example/programm/gesellschaft"): FeedInput => ({
  url,
  text: readFileSync(path.join(here, "fixtures", name), "utf8"),
  bytes: new Uint8Array(),
});

const programmConfig: HtmlConfig = {
  item: "div.kurs",
  fields: {
    title: "h3.kurs-titel",
    sourceKey: "@data-kursnr",
    date: ".kurs-termin",
    location: ".kurs-ort",
    price: ".kurs-preis",
    description: ".kurs-text",
    audience: "ul.zielgruppe li",
    keywords: ".schlagworte",
    teachingUnits: ".ue",
    registrationUrl: "a.anmelden",
  },
  detail: {
    link: "h3 a",
    fields: {
      description: ".beschreibung",
      location: ".ort",
      price: ".preis",
      audience: "dd.zg",
      leitung: ".leitung",
      registrationUrl: "a.anmelden",
    },
  },
};
const programm = parseHtml(fixture("programm.html"), programmConfig);
const byKey = (result: ParseResult, key: string): OfferDraft => {
  const offer = result.offers.find((o) => o.sourceKey === key);
  if (!offer) throw new Error(`kein Angebot ${key} in ${result.offers.map((o) => o.sourceKey).join(", ")}`);
  return offer;
};

const cases: Array<{ name: string; key: string; expected: Partial<OfferDraft> }> = [
  {
    name: "all fields; <base href> resolves links; <time datetime> range becomes a session; line break kept in the place",
    key: "271-104",
    expected: {
      title: "Nachbarschaftshilfe organisieren",
      url: "https://www.vhs-ostalb.example/programm/kurse/271-104-nachbarschaftshilfe",
      dateText: "Di., 09.03.2027, 18:00–20:15 Uhr",
      sessions: [{ start: "2027-03-09T18:00", end: "2027-03-09T20:15" }],
      locationText: "vhs-Haus, Raum 2.11\nBahnhofstraße 7, 73430 Aalen",
      priceText: "38,00 €",
      description:
        "<p>Wie Besuchsdienste, Einkaufshilfen und Fahrdienste entstehen.</p><p><strong>Mitbringen:</strong> Ideen</p>",
      teachingUnits: 4,
      audienceText: ["Ehrenamtliche", "Vereine"],
      keywords: ["Ehrenamt", "Nachbarschaft", "Quartier"],
      registrationUrl: "https://www.vhs-ostalb.example/anmeldung?kurs=271-104",
    },
  },
  {
    name: "date without machine-readable time stays prose; units with unit stay prose",
    key: "271-105",
    expected: {
      sessions: [],
      dateText: "Sa., 17.04.2027, 10–13 Uhr",
      locationText: "online",
      priceText: "gebührenfrei",
      teachingUnitsText: "3 UE",
    },
  },
];

describe("html parse: fixtures", () => {
  it.each(cases)("$name", ({ key, expected }) => {
    expect(byKey(programm, key)).toMatchObject(expected);
  });

  it("skips an item without title with a German warning and lists one detail request per offer", () => {
    expect(programm.offers.map((o) => o.sourceKey)).toEqual(["271-104", "271-105", "271-107"]);
    expect(programm.warnings).toEqual([
      { field: "title", message: "Eintrag 3: Titel (h3.kurs-titel) nicht gefunden – übersprungen" },
    ]);
    expect(programm.detailRequests).toEqual([
      { sourceKey: "271-104", url: "https://www.vhs-ostalb.example/programm/kurse/271-104-nachbarschaftshilfe" },
      { sourceKey: "271-105", url: "https://www.vhs-ostalb.example/programm/kurse/271-105-repair-cafe" },
      { sourceKey: "271-107", url: "https://www.vhs-ostalb.example/programm/kurse/271-105-repair-cafe" },
    ]);
  });

  it("keys by the title link when no key is configured and keeps rows sharing a link apart", () => {
    const { sourceKey: _omit, ...fields } = programmConfig.fields;
    const result = parseHtml(fixture("programm.html"), { item: "div.kurs", fields });
    const keys = result.offers.map((o) => o.sourceKey);
    expect(keys[0]).toBe("https://www.vhs-ostalb.example/programm/kurse/271-104-nachbarschaftshilfe");
    expect(keys[1]).toBe("https://www.vhs-ostalb.example/programm/kurse/271-105-repair-cafe");
    expect(keys[2]).toMatch(/^https:\/\/www\.vhs-ostalb\.example\/programm\/kurse\/271-105-repair-cafe#[0-9a-f]{8}$/);
    expect(new Set(keys).size).toBe(3);
    expect(result.warnings.map((w) => w.field)).toContain("sourceKey");
    expect(result.detailRequests).toBeUndefined();
  });

  it("reads `selector@attr` and the attributes map", () => {
    const result = parseHtml(fixture("tabelle.html", "https://www.kdv-example.de/fortbildungen"), {
      item: "tbody > tr",
      fields: {
        sourceKey: "@data-id",
        title: "td:nth-of-type(2)",
        url: "td a",
        date: "td:nth-of-type(1)",
        location: "td:nth-of-type(3)",
        kursnr: "td a",
      },
      attributes: { kursnr: "href" },
    });
    expect(result.offers[0]).toMatchObject({
      sourceKey: "kdv-11",
      title: "Armut im Quartier erkennen",
      url: "https://www.kdv-example.de/fortbildung/11",
      dateText: "14.01.2027",
      locationText: "Schwäbisch Hall",
      extra: { kursnr: "/fortbildung/11" },
    });
    expect(result.offers).toHaveLength(3);
  });

  it("does not pair more than two <time> values into sessions", () => {
    const html = `<ul><li class="k"><h3>Reihe</h3><p class="d"><time datetime="2027-01-05T18:00">5.1.</time>, <time datetime="2027-01-12T18:00">12.1.</time>, <time datetime="2027-01-19T18:00">19.1.</time></p></li></ul>`;
    const result = parseHtml(
      { url: "https://x.example/", text: html, bytes: new Uint8Array() },
      { item: "li.k", fields: { title: "h3", date: ".d" } },
    );
    expect(result.offers[0]).toMatchObject({ sessions: [], dateText: "5.1., 12.1., 19.1." });
  });

  it("no matching items: zero offers and a warning naming the selector", () => {
    const result = parseHtml(fixture("programm.html"), { item: "div.gibtsnicht", fields: { title: "h3" } });
    expect(result).toEqual({
      offers: [],
      warnings: [{ field: "item", message: "Keine Einträge für den Selektor „div.gibtsnicht“ gefunden" }],
      complete: true,
    });
  });

  it("invalid config: zero offers, warnings per problem, no exception", () => {
    const result = htmlAdapter.parse(fixture("programm.html"), {
      item: "div[",
      fields: { title: "" },
    } as unknown as HtmlConfig);
    expect(result).toMatchObject({ offers: [], complete: false });
    const messages = (result as ParseResult).warnings.map((w) => w.message).join("\n");
    expect(messages).toContain("HTML-Konfiguration ungültig: item: Selektor „div[“ ungültig");
    expect(messages).toContain("fields.title");
  });
});

describe("html mergeDetail", () => {
  const draft = byKey(programm, "271-105");
  const merged = mergeDetail(
    draft,
    fixture("detail-271-105.html", "https://www.vhs-ostalb.example/programm/kurse/271-105-repair-cafe"),
    programmConfig,
  );

  it("fills only what the list lacked", () => {
    expect(merged).toMatchObject({
      sourceKey: "271-105",
      locationText: "online",
      priceText: "gebührenfrei",
      description: "<p>Reparieren statt wegwerfen: Räume, Versicherung, Ehrenamtliche gewinnen.</p>",
      audienceText: ["Initiativen", "Kirchengemeinden"],
      registrationUrl: "https://www.vhs-ostalb.example/anmeldung?kurs=271-105",
      extra: { leitung: "Leitung: Petra Sommer" },
    });
  });

  it("does not change the draft it was given", () => {
    expect(draft.description).toBeUndefined();
    expect(draft.audienceText).toBeUndefined();
  });

  it("returns the draft as it is without a detail config", () => {
    expect(mergeDetail(draft, fixture("detail-271-105.html"), { item: "div.kurs", fields: { title: "h3" } })).toBe(
      draft,
    );
  });
});

describe("html suggestHtmlConfig", () => {
  it.each([
    [
      "wordpress-liste.html",
      "article.event-entry",
      ["Quartiersspaziergang planen", "Bürgercafé moderieren", "Datenschutz im Verein"],
    ],
    [
      "tabelle.html",
      "tbody > tr",
      ["Armut im Quartier erkennen", "Schuldnerberatung: Basiswissen", "Tafelarbeit und Teilhabe"],
    ],
    ["programm.html", "div.kurs", ["Nachbarschaftshilfe organisieren", "Repair-Café gründen", "Repair-Café gründen"]],
  ])("%s → %s, and the suggestion reads the titles", (file, item, titles) => {
    const config = suggestHtmlConfig(fixture(file));
    expect(config?.item).toBe(item);
    if (!config) return;
    const result = parseHtml(fixture(file), config);
    expect(result.offers.map((o) => o.title)).toEqual(titles);
    expect(result.offers.every((o) => o.dateText && /2027/.test(o.dateText))).toBe(true);
  });

  it("proposes place and description from class names", () => {
    expect(suggestHtmlConfig(fixture("wordpress-liste.html"))?.fields).toEqual({
      title: "h2.event-title",
      url: "h2.event-title a",
      date: "div.event-meta span.event-date",
      location: "div.event-meta span.event-location",
      description: "p.event-excerpt",
    });
  });

  it("copes with minified markup where texts run together", () => {
    const html = `<html><body><div class="liste">${[1, 2, 3].map((i) => `<div class="termin"><h4><a href="/t/${i}">Kurs ${i}</a></h4><span>1${i}.03.2027</span></div>`).join("")}</div></body></html>`;
    const input: FeedInput = { url: "https://x.example/", text: html, bytes: new Uint8Array() };
    const config = suggestHtmlConfig(input);
    expect(config).toMatchObject({ item: "div.termin", fields: { title: "h4", url: "h4 a", date: "span" } });
    if (config)
      expect(parseHtml(input, config).offers.map((o) => o.dateText)).toEqual([
        "11.03.2027",
        "12.03.2027",
        "13.03.2027",
      ]);
  });

  it("gives up on pages without repeated dated blocks", () => {
    expect(
      suggestHtmlConfig({
        url: "https://x.example/",
        text: "<html><body><ul><li><a href='/a'>A</a></li><li><a href='/b'>B</a></li></ul></body></html>",
        bytes: new Uint8Array(),
      }),
    ).toBeNull();
  });
});

describe("html config schema", () => {
  it("accepts extra fields and `selector@attr`", () => {
    expect(parseHtmlConfig({ item: "li", fields: { title: "a", url: "a@data-href", dozent: ".dozent" } }).ok).toBe(
      true,
    );
  });
  it.each([
    [{ fields: { title: "a" } }, "item"],
    [{ item: "li", fields: {} }, "fields.title"],
    [{ item: "li", fields: { title: "a" }, baseUrl: "keine url" }, "baseUrl"],
  ])("rejects %j", (raw, field) => {
    const result = parseHtmlConfig(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join("\n")).toContain(field);
  });
});

describe("html text extraction", () => {
  it.each([
    ["<p>Eins  \n zwei</p><p>drei<br>vier</p>", "Eins zwei\ndrei\nvier"],
    ["<div><span>a</span> <b>b</b></div><ul><li>x</li><li>y</li></ul>", "a b\nx\ny"],
    ["Text &amp; mehr", "Text & mehr"],
    ["<p>sichtbar</p><script>unsichtbar()</script>", "sichtbar"],
  ])("%j", (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

describe("html detect", () => {
  it("is low for any HTML page, lower with schema.org events, zero for non-HTML", () => {
    expect(htmlAdapter.detect(fixture("programm.html"))).toBe(0.2);
    expect(
      htmlAdapter.detect({
        url: "x",
        text: '<html><script type="application/ld+json">{"@type":"Event"}</script></html>',
        bytes: new Uint8Array(),
      }),
    ).toBe(0.05);
    expect(htmlAdapter.detect({ url: "x", text: '{"data": {}}', bytes: new Uint8Array() })).toBe(0);
  });
  it("fits the registry's plain FeedAdapter type", () => {
    const plain: FeedAdapter = htmlAdapter;
    expect(plain.kind).toBe("HTML");
  });
});

const devPage = path.resolve(repoRoot, "../shared/eval/dev-feeds/akademie-schwarzwald/veranstaltungen.html");
describe.skipIf(!existsSync(devPage))(
  "html suggestion on the shared dev page (needs ../shared/eval, skipped when absent)",
  () => {
    it("finds the event list of a WordPress calendar page", () => {
      const input: FeedInput = {
        url: "https://example.org/veranstaltungen/",
        text: readFileSync(devPage, "utf8"),
        bytes: new Uint8Array(),
      };
      const config = suggestHtmlConfig(input);
      expect(config).not.toBeNull();
      if (config) expect(parseHtml(input, config).offers.length).toBe(3);
    });
  },
);
