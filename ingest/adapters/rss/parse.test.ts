import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { FeedInput, OfferDraft, ParseResult } from "../types.ts";
import { rssAdapter } from "./index.ts";
import { parseRss } from "./parse.ts";
import { extractProse } from "./prose.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../..");
const input = (text: string, url: string): FeedInput => ({ url, text, bytes: new Uint8Array() });
const fixture = (name: string, url = "https://www.lnw-nachbarschaft.de/termine/feed/"): FeedInput =>
  input(readFileSync(path.join(here, "fixtures", name), "utf8"), url);
const byKey = (result: ParseResult, key: string): OfferDraft => {
  const offer = result.offers.find((o) => o.sourceKey === key);
  if (!offer) throw new Error(`kein Angebot ${key}`);
  return offer;
};

const rss = parseRss(fixture("termine.xml"));
const atom = parseRss(fixture("atom.xml", "https://www.eeb-oberschwaben.de/programm.atom"));

const cases: Array<{ name: string; result: ParseResult; key: string; expected: Partial<OfferDraft> }> = [
  {
    name: "RSS CDATA description with bold labels and <br>; pubDate only as provenance",
    result: rss,
    key: "lnw-2027-014",
    expected: {
      title: "Fachtag Quartier & Pflege",
      url: "https://www.lnw-nachbarschaft.de/termine/fachtag-quartier-pflege/",
      sessions: [],
      dateText: "Mittwoch, 17. März 2027, 9:30 bis 16:00 Uhr",
      locationText: "Hospitalhof, Büchsenstraße 33, 70174 Stuttgart",
      priceText: "60 € (ermäßigt 30 €)",
      audienceText: ["Fachkräfte aus Pflege und Sozialer Arbeit, Ehrenamtliche"],
      keywords: ["Fachtag", "Pflege"],
      extra: { published: "Mon, 09 Nov 2026 07:30:00 +0000" },
    },
  },
  {
    name: "content:encoded wins over description; <dt>/<dd> labels; relative link; deadline and UE",
    result: rss,
    key: "https://www.lnw-nachbarschaft.de/?p=4711",
    expected: {
      url: "https://www.lnw-nachbarschaft.de/termine/werkstatt-beteiligung/",
      dateText: "Fr., 23.04.2027 und Sa., 24.04.2027, jeweils 10–17 Uhr",
      locationText: "Bürgerhaus Rieselfeld, Maria-von-Rudloff-Platz 2, 79111 Freiburg",
      priceText: "kostenfrei",
      teachingUnitsText: "16 Unterrichtseinheiten",
      registrationDeadline: "31.03.2027",
      keywords: ["Beteiligung"],
    },
  },
  {
    name: "entity-escaped HTML, unlabelled date found in its sentence",
    result: rss,
    key: "https://www.lnw-nachbarschaft.de/termine/sprechstunde/",
    expected: { dateText: "Sie findet am 12.05.2027 von 14 bis 16 Uhr statt." },
  },
  {
    name: "RSS event module gives structured sessions",
    result: rss,
    key: "lnw-2027-020",
    expected: {
      sessions: [{ start: "2027-06-08T18:00:00+02:00", end: "2027-06-08T20:00:00+02:00" }],
      locationText: "Stadtteilzentrum Weststadt, Ulm",
      organizer: "Landesnetzwerk Nachbarschaft",
    },
  },
  {
    name: "Atom entry: alternate link, html content, category label/term",
    result: atom,
    key: "tag:eeb-oberschwaben.de,2026:kurs-311",
    expected: {
      title: "Ehrenamt im Quartier koordinieren",
      url: "https://www.eeb-oberschwaben.de/kurse/311-ehrenamt-koordinieren",
      dateText: "20.02.2027, 9–16 Uhr",
      locationText: "Gemeindehaus, Marktplatz 5, 88212 Ravensburg",
      priceText: "45 Euro inkl. Mittagessen",
      teachingUnitsText: "8 UE",
      keywords: ["Ehrenamt", "quartier"],
      extra: { published: "2026-11-01T10:00:00Z", author: "EEB Oberschwaben" },
    },
  },
  {
    name: "Atom entry: link without rel, text summary with 'Wo:' inside running text",
    result: atom,
    key: "tag:eeb-oberschwaben.de,2026:kurs-312",
    expected: {
      url: "https://www.eeb-oberschwaben.de/kurse/312",
      dateText: "Drei Abende am 3. März, 10. März und 17. März 2027 jeweils 19 Uhr.",
      locationText: "online per Zoom.",
    },
  },
];

describe("rss parse: fixtures", () => {
  it.each(cases)("$name", ({ result, key, expected }) => {
    expect(byKey(result, key)).toMatchObject(expected);
  });

  it("never turns pubDate/updated into sessions", () => {
    for (const offer of [...rss.offers, ...atom.offers]) {
      for (const session of offer.sessions) expect(session.start.startsWith("2026-11")).toBe(false);
      expect(offer.dateText ?? "").not.toMatch(/Nov 2026|2026-11/);
    }
  });

  it("warns about items without title, without any date and with a repeated guid", () => {
    expect(rss.offers.map((o) => o.sourceKey)).toEqual([
      "lnw-2027-014",
      "https://www.lnw-nachbarschaft.de/?p=4711",
      "https://www.lnw-nachbarschaft.de/termine/sprechstunde/",
      "lnw-news-88",
      "lnw-2027-020",
    ]);
    expect(rss.warnings).toEqual([
      {
        sourceKey: "lnw-news-88",
        field: "description",
        message: "Kein Veranstaltungstermin im Text gefunden (pubDate ist nur das Veröffentlichungsdatum)",
      },
      { sourceKey: "lnw-ohne-titel", field: "title", message: "Titel fehlt – Eintrag übersprungen" },
      { sourceKey: "lnw-2027-014", field: "guid", message: "Schlüssel (guid/id) doppelt – zweiter Eintrag verworfen" },
    ]);
  });

  it("recovers the well-formed items of a broken feed and names the broken one", () => {
    const result = parseRss(fixture("kaputt.xml"));
    expect(result.offers.map((o) => [o.sourceKey, o.dateText, o.locationText])).toEqual([
      ["kbw-1", "04.02.2027, 9–13 Uhr", undefined],
      ["kbw-3", "11.03.2027", "Landratsamt, Sitzungssaal 2"],
    ]);
    expect(result.warnings[0]).toMatchObject({
      field: "XML",
      message: expect.stringMatching(/^XML fehlerhaft \(Zeile 13\)/),
    });
    expect(result.warnings[1]).toEqual({ field: "item", message: "Eintrag 2 (<item>) fehlerhaft und übersprungen" });
  });

  it.each([
    ["kein-feed.xml", "Kein RSS- oder Atom-Feed: weder <rss>, <rdf:RDF> noch <feed> gefunden"],
    ["muell.xml", "Feed nicht lesbar: kein vollständiger Eintrag gefunden"],
  ])("%s: zero offers and a clear warning", (file, message) => {
    const result = parseRss(fixture(file));
    expect(result.offers).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toContain(message);
  });

  it("takes a permalink guid as the link and reads the labels of the short description too", () => {
    const xml = `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item>
      <title>Erzählcafé</title><guid>https://example.org/termine/erzaehlcafe</guid>
      <description>Termin: 07.10.2027, 15 Uhr | Ort: Seniorenbüro</description>
      <content:encoded><![CDATA[<p>Erinnerungen teilen, Nachbarn kennenlernen.</p>]]></content:encoded>
      </item></channel></rss>`;
    const result = parseRss(input(xml, "https://example.org/feed"));
    expect(result.offers[0]).toMatchObject({
      sourceKey: "https://example.org/termine/erzaehlcafe",
      url: "https://example.org/termine/erzaehlcafe",
      description: "<p>Erinnerungen teilen, Nachbarn kennenlernen.</p>",
      dateText: "07.10.2027, 15 Uhr",
      locationText: "Seniorenbüro",
    });
  });

  it("reads RSS 1.0 (RDF) items", () => {
    const xml = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
      <item rdf:about="https://example.org/k/1"><title>Kurs A</title><description>Datum: 01.02.2027</description></item></rdf:RDF>`;
    const result = parseRss(input(xml, "https://example.org/rss"));
    expect(result.offers).toMatchObject([
      { sourceKey: "https://example.org/k/1", title: "Kurs A", dateText: "01.02.2027" },
    ]);
  });
});

describe("rss prose extraction", () => {
  it.each([
    ["Termin: 18.03.2027\nOrt: Rathaus", { dateText: "18.03.2027", locationText: "Rathaus" }],
    ["Teilnahmegebühr: 40 €", { priceText: "40 €" }],
    ["Beitrag: 10 €", { priceText: "10 €" }],
    ["Zeitmanagement im Ehrenamt: ein Workshop", {}],
    [
      "Termin: 11.03.2027 Ort: Rathaus · Kosten: 5 €",
      { dateText: "11.03.2027", locationText: "Rathaus", priceText: "5 €" },
    ],
    ["NeuerTermin: kein Label", {}],
    ["Wohnen: neue Formen", {}],
    [
      "Am 18. März 2027 in Ulm. Umfang 8 UE.",
      { dateText: "Am 18. März 2027 in Ulm.", teachingUnitsText: "Umfang 8 UE." },
    ],
    ["Zielgruppe\nEhrenamtliche in Vereinen", { audienceText: ["Ehrenamtliche in Vereinen"] }],
    [
      "Anmeldeschluss: 01.03.2027\nBeginn: 15.03.2027, 18 Uhr",
      { registrationDeadline: "01.03.2027", dateText: "15.03.2027, 18 Uhr" },
    ],
  ])("%j", (text, expected) => {
    expect(extractProse(text)).toEqual(expected);
  });
});

describe("rss detect", () => {
  it.each([
    ["termine.xml", 0.9],
    ["atom.xml", 0.9],
    ["kein-feed.xml", 0],
  ])("%s → %s", (file, score) => {
    expect(rssAdapter.detect(fixture(file))).toBe(score);
  });
});

const devFeed = path.resolve(repoRoot, "../shared/eval/dev-feeds/buergerstiftung-netz/feed.xml");
describe.skipIf(!existsSync(devFeed))(
  "rss against the shared dev feed (needs ../shared/eval, skipped when absent)",
  () => {
    it("takes the event dates from the text, not from pubDate", async () => {
      const result = await rssAdapter.parse(input(readFileSync(devFeed, "utf8"), "https://example.org/feed.xml"));
      expect(result.offers.length).toBeGreaterThan(0);
      for (const offer of result.offers) {
        expect(offer.sessions).toEqual([]);
        expect(offer.dateText).toMatch(/2027/);
        expect(offer.locationText).toBeTruthy();
        expect(offer.priceText).toBeTruthy();
      }
    });
  },
);
