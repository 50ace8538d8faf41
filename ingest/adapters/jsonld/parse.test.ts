import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { FeedInput, OfferDraft, ParseResult } from "../types.ts";
import { jsonldAdapter } from "./index.ts";
import { parseLenientJson } from "./lenient-json.ts";
import { parseJsonLd } from "./parse.ts";
import { expandSchedule } from "./schedule.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../..");
const input = (text: string, url = "https://www.bw-neckaralb.de/veranstaltungen/"): FeedInput => ({
  url,
  text,
  bytes: new Uint8Array(),
});
const fixture = (name: string, url?: string): FeedInput =>
  input(readFileSync(path.join(here, "fixtures", name), "utf8"), url);
const parsed = (name: string, url?: string): ParseResult => parseJsonLd(fixture(name, url));
const byTitle = (result: ParseResult, title: string): OfferDraft => {
  const offer = result.offers.find((o) => o.title === title);
  if (!offer) throw new Error(`kein Angebot "${title}" in ${result.offers.map((o) => o.title).join(" | ")}`);
  return offer;
};

interface Case {
  name: string;
  file: string;
  title: string;
  expected: Partial<OfferDraft>;
}

const cases: Case[] = [
  {
    name: "EducationEvent with Place, PostalAddress, geo, two offers, audience and keywords",
    file: "veranstaltungen-wordpress.html",
    title: "Quartiersmanagement – Grundlagen für Einsteigende",
    expected: {
      sourceKey: "https://www.bw-neckaralb.de/veranstaltung/quartiersmanagement-grundlagen/#event",
      url: "https://www.bw-neckaralb.de/veranstaltung/quartiersmanagement-grundlagen/",
      sessions: [{ start: "2027-03-18T09:00:00+01:00", end: "2027-03-19T16:30:00+01:00" }],
      location: {
        name: "Haus der Begegnung",
        street: "Wilhelmstraße 12",
        postalCode: "72764",
        locality: "Reutlingen",
        country: "DE",
        latitude: 48.4914,
        longitude: 9.2043,
      },
      attendance: "OFFLINE",
      price: { amount: 180, currency: "EUR" },
      priceText: "Regulär: 180,00 EUR\nErmäßigt: 120,00 EUR",
      registrationUrl: "https://www.bw-neckaralb.de/anmeldung?kurs=qm-01",
      registrationDeadline: "2027-03-01",
      organizer: "Bildungswerk Neckar-Alb e.V.",
      audienceText: ["Hauptamtliche im Quartier", "Mitarbeitende aus Kommunen"],
      keywords: ["Quartiersmanagement", "Gemeinwesenarbeit", "Netzwerkarbeit"],
      teachingUnitsText: "16 UE.",
    },
  },
  {
    name: "Mixed attendance, address as string, free, local time without offset, about as keywords",
    file: "veranstaltungen-wordpress.html",
    title: "Bürgerbeteiligung digital gestalten",
    expected: {
      sessions: [{ start: "2027-04-13T14:00", end: "2027-04-13T17:30" }],
      attendance: "MIXED",
      location: { name: "Rathaus Tübingen, Ratssaal" },
      locationText: "Rathaus Tübingen, Ratssaal, Am Markt 1, 72070 Tübingen",
      priceText: "kostenfrei",
      keywords: ["Beteiligung", "Digitalisierung", "Bürgerbeteiligung"],
    },
  },
  {
    name: "CDATA-wrapped block with trailing comma and a raw tab; all-day date; place as string",
    file: "veranstaltungen-wordpress.html",
    title: "Netzwerktreffen Nachbarschaftshilfe",
    expected: {
      sessions: [{ start: "2027-05-06", end: "2027-05-06", allDay: true }],
      locationText: "Gemeindehaus St. Paulus, Paulusweg 4, 72336 Balingen",
      price: { amount: 0, currency: "EUR" },
    },
  },
  {
    name: "entity-encoded block, VirtualLocation",
    file: "veranstaltungen-wordpress.html",
    title: "Moderation von Quartiersrunden",
    expected: { attendance: "ONLINE", sessions: [{ start: "2027-06-10T09:30:00+02:00", end: null }] },
  },
  {
    name: "unreadable startDate kept as prose together with the description's date line",
    file: "veranstaltungen-wordpress.html",
    title: "Sommerfest im Quartier",
    expected: {
      sessions: [],
      dateText: "Sommer 2027\nSamstag, 3. Juli 2027, ab 15 Uhr",
      locationText: "Stadtteilzentrum West",
    },
  },
  {
    name: "Course run with weekly courseSchedule, referenced Place and provider, credits in UE",
    file: "kurse-graph.html",
    title: "Sozialraumanalyse in der Praxis",
    expected: {
      sourceKey: "https://weiterbildung.hs-oberrhein.de/kurse/sozialraumanalyse#fruehjahr",
      sessions: [
        { start: "2027-03-02T17:00", end: "2027-03-02T20:15" },
        { start: "2027-03-09T17:00", end: "2027-03-09T20:15" },
        { start: "2027-03-16T17:00", end: "2027-03-16T20:15" },
      ],
      location: {
        name: "Campus Nord, Gebäude C",
        street: "Moltkestraße 30",
        postalCode: "76133",
        locality: "Karlsruhe",
        country: "DE",
      },
      attendance: "OFFLINE",
      price: { amount: 450, currency: "EUR" },
      teachingUnits: 24,
      organizer: "Hochschulweiterbildung Oberrhein",
      audienceText: ["Fachkräfte der Sozialen Arbeit"],
    },
  },
  {
    name: "Course without instance: description prose for price and place",
    file: "kurse-graph.html",
    title: "Fördermittel für Quartiersprojekte",
    expected: { sessions: [], priceText: "95 Euro.", locationText: "nach Absprache." },
  },
  {
    name: "monthly schedule is not expanded but kept as German prose",
    file: "kurse-graph.html",
    title: "Stadtteilarbeit kompakt",
    expected: {
      sessions: [],
      dateText: "Terminplan: ab 2027-05-03, ab 18:00 Uhr, Wiederholung P1M",
      attendance: "MIXED",
    },
  },
  {
    name: "EventSeries: subEvents become the sessions of one offer; price range stays prose",
    file: "reihe.json",
    title: "Engagement begleiten – Modulreihe 2027",
    expected: {
      sourceKey: "urn:fbs-heilbronn:reihe:engagement-2027",
      sessions: [
        { start: "2027-01-22T09:00:00+01:00", end: "2027-01-22T16:00:00+01:00" },
        { start: "2027-02-19T09:00:00+01:00", end: "2027-02-19T16:00:00+01:00" },
        { start: "2027-03-19T09:00:00+01:00", end: "2027-03-19T16:00:00+01:00" },
      ],
      priceText: "60–90 EUR",
      organizer: "Familienbildungsstätte Heilbronn",
    },
  },
  {
    name: "date-time with a space is normalised to ISO",
    file: "reihe.json",
    title: "Ohne Schlüssel",
    expected: { sessions: [{ start: "2027-09-09T18:00", end: null }] },
  },
];

describe("jsonld parse: fixtures", () => {
  it.each(cases)("$name", ({ file, title, expected }) => {
    const offer = byTitle(parsed(file), title);
    expect(offer).toMatchObject(expected);
  });

  it("keeps every offer of a page with broken blocks and names each problem in German", () => {
    const result = parsed("veranstaltungen-wordpress.html");
    expect(result.offers).toHaveLength(5);
    const messages = result.warnings.map((w) => w.message);
    expect(messages).toContain("JSON-LD Block 5 nicht lesbar und übersprungen: Unexpected end of JSON input");
    expect(messages.filter((m) => m.includes("repariert"))).toHaveLength(2);
    expect(result.warnings).toContainEqual({
      field: "name",
      message: "Titel (name) fehlt – Veranstaltung übersprungen",
    });
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ field: "startDate", message: expect.stringContaining("Sommer 2027") }),
    );
  });

  it("gives two runs of one course two stable keys, the second with its own price and registration", () => {
    const result = parsed("kurse-graph.html");
    const runs = result.offers.filter((o) => o.title === "Sozialraumanalyse in der Praxis");
    expect(runs.map((r) => r.sourceKey)).toEqual([
      "https://weiterbildung.hs-oberrhein.de/kurse/sozialraumanalyse#fruehjahr",
      "https://weiterbildung.hs-oberrhein.de/kurse/sozialraumanalyse#course#2027-10-05T09:00:00+02:00",
    ]);
    expect(runs[1]).toMatchObject({
      attendance: "ONLINE",
      price: { amount: 390, currency: "EUR" },
      registrationUrl: "https://weiterbildung.hs-oberrhein.de/anmeldung/sra-online",
    });
    expect(runs[0]?.notes).toEqual([
      "Abschluss: Hochschulzertifikat",
      "Lerninhalte: Sozialraumanalyse, Datenauswertung",
      "Zeitaufwand laut Anbieter: PT18H",
    ]);
  });

  it("does not list a series' sub-event a second time and keys items without id by a stable hash", () => {
    const first = parsed("reihe.json");
    expect(first.offers.map((o) => o.title)).toEqual([
      "Engagement begleiten – Modulreihe 2027",
      "Offener Treff Nachbarschaft",
      "Ohne Schlüssel",
      "Ohne Termin",
    ]);
    expect(byTitle(first, "Ohne Schlüssel").sourceKey).toMatch(/^jsonld:[0-9a-f]{8}$/);
    expect(parsed("reihe.json").offers.map((o) => o.sourceKey)).toEqual(first.offers.map((o) => o.sourceKey));
    expect(first.warnings).toContainEqual({
      sourceKey: byTitle(first, "Ohne Termin").sourceKey,
      field: "startDate",
      message: "Kein Termin (startDate) angegeben",
    });
  });

  it("expands a weekly eventSchedule with two weekdays and an exception date", () => {
    const offer = byTitle(parsed("reihe.json"), "Offener Treff Nachbarschaft");
    expect(offer.sessions.map((s) => s.start)).toEqual([
      "2027-02-01T15:00:00",
      "2027-02-04T15:00:00",
      "2027-02-08T15:00:00",
      "2027-02-11T15:00:00",
      "2027-02-18T15:00:00",
      "2027-02-22T15:00:00",
      "2027-02-25T15:00:00",
    ]);
    expect(offer.locationText).toBe("Stadtteilladen Böckingen");
  });

  it("finds events nested in WebPage.mainEntity lists and Organization.event, resolving a shared Place", () => {
    const result = parsed("verschachtelt.html", "https://www.stz-nordstadt.example/termine/");
    expect(result.offers.map((o) => [o.title, o.location?.name, o.location?.postalCode])).toEqual([
      ["Gemeinwesenarbeit heute", "Großer Saal", "69115"],
      ["Gemeinwesenarbeit morgen", "Großer Saal", "69115"],
      ["Nachbarschaftsfest", "Großer Saal", "69115"],
    ]);
    const fest = byTitle(result, "Nachbarschaftsfest");
    expect(fest.sessions).toEqual([{ start: "2027-06-19", end: "2027-06-20", allDay: true }]);
    expect(fest.notes).toEqual(["Status: EventPostponed"]);
    expect(result.warnings).toEqual([
      {
        sourceKey: fest.sourceKey,
        field: "eventStatus",
        message: 'Veranstaltungsstatus "EventPostponed" (nicht planmäßig)',
      },
    ]);
  });

  it.each([
    ["ohne-veranstaltungen.html", "Keine schema.org-Veranstaltungen (Event/Course) in den JSON-LD-Daten gefunden"],
    ["kaputt.html", "JSON-LD Block 1 nicht lesbar und übersprungen"],
  ])("%s: zero offers and a clear warning", (file, message) => {
    const result = parsed(file);
    expect(result.offers).toEqual([]);
    expect(result.warnings[0]?.message).toContain(message);
  });

  it("reports a page without any JSON-LD", () => {
    expect(parseJsonLd(input("<html><body><h1>Termine</h1></body></html>"))).toEqual({
      offers: [],
      warnings: [{ message: "Keine JSON-LD-Daten (application/ld+json) auf der Seite gefunden" }],
      complete: true,
    });
  });

  it("a whole document that is not JSON gives a warning, not an exception", () => {
    const result = parseJsonLd(input("{ nicht json"));
    expect(result.offers).toEqual([]);
    expect(result.warnings[0]?.message).toContain("JSON-LD Dokument nicht lesbar");
  });
});

describe("jsonld dates", () => {
  it("an expanded schedule replaces the period that startDate/endDate span", () => {
    const doc = {
      "@context": "https://schema.org",
      "@type": "Event",
      name: "Deutschkurs für Ehrenamtliche",
      startDate: "2027-04-06T18:00:00+02:00",
      endDate: "2027-04-20T19:30:00+02:00",
      eventSchedule: {
        "@type": "Schedule",
        startDate: "2027-04-06",
        endDate: "2027-04-20",
        repeatFrequency: "P1W",
        byDay: "https://schema.org/Tuesday",
        startTime: "18:00",
        endTime: "19:30",
      },
    };
    const offer = parseJsonLd(input(JSON.stringify(doc))).offers[0];
    expect(offer?.sessions.map((s) => s.start)).toEqual(["2027-04-06T18:00", "2027-04-13T18:00", "2027-04-20T18:00"]);
  });

  it("a sub-event repeating its series' date is one session", () => {
    const doc = {
      "@type": "EventSeries",
      name: "Reihe",
      subEvent: [
        { "@type": "Event", startDate: "2027-01-10T10:00:00+01:00" },
        { "@type": "Event", startDate: "2027-01-10T10:00" },
      ],
    };
    expect(parseJsonLd(input(JSON.stringify(doc))).offers[0]?.sessions).toEqual([
      { start: "2027-01-10T10:00:00+01:00", end: null },
    ]);
  });
});

describe("jsonld keys", () => {
  const page = (events: object[]): ParseResult =>
    parseJsonLd(
      input(
        events.map((e) => `<script type="application/ld+json">${JSON.stringify(e)}</script>`).join("\n"),
        "https://www.example-bildung.de/termine/",
      ),
    );

  it("resolves relative ids against the page and keeps offers sharing a template id apart", () => {
    const result = page([
      { "@type": "Event", "@id": "#event", name: "Kurs A", startDate: "2027-01-01", url: "/a" },
      { "@type": "Event", "@id": "#event", name: "Kurs B", startDate: "2027-02-01", url: "/b" },
    ]);
    expect(result.offers.map((o) => o.sourceKey)).toEqual([
      "https://www.example-bildung.de/termine/#event",
      "https://www.example-bildung.de/b",
    ]);
    expect(result.warnings[0]?.message).toContain('"Kurs B" unter https://www.example-bildung.de/b übernommen');
  });

  it("merges the dates of one offer listed twice", () => {
    const result = page([
      { "@type": "Event", url: "/a", name: "Kurs A", startDate: "2027-01-01" },
      { "@type": "Event", url: "/a", name: "Kurs A", startDate: "2027-01-08" },
    ]);
    expect(result.offers).toHaveLength(1);
    expect(result.offers[0]?.sessions.map((s) => s.start)).toEqual(["2027-01-01", "2027-01-08"]);
    expect(result.warnings).toEqual([]);
  });
});

describe("jsonld lenient JSON", () => {
  it.each([
    ['{"a": 1}', { a: 1 }, false],
    ['{"a": [1, 2,], }', { a: [1, 2] }, true],
    ['<![CDATA[{"a": "x"}]]>', { a: "x" }, true],
    ['{"a": "Zeile\nZeile"}', { a: "Zeile Zeile" }, true],
    ["{&quot;a&quot;: &quot;b&quot;}", { a: "b" }, true],
  ])("%s", (raw, value, repaired) => {
    expect(parseLenientJson(raw)).toEqual({ ok: true, value, repaired });
  });
  it("fails clearly", () => {
    expect(parseLenientJson("{").ok).toBe(false);
  });
});

describe("jsonld schedule", () => {
  it("expands a fortnightly rule by repeatCount", () => {
    const result = expandSchedule({
      "@type": "Schedule",
      startDate: "2027-01-05",
      repeatFrequency: "P2W",
      byDay: "Tuesday",
      repeatCount: 3,
      startTime: "19:00",
    });
    expect(result.sessions.map((s) => s.start)).toEqual(["2027-01-05T19:00", "2027-01-19T19:00", "2027-02-02T19:00"]);
  });
  it("keeps an open-ended rule as prose", () => {
    expect(expandSchedule({ startDate: "2027-01-05", repeatFrequency: "P1W", byDay: "Tuesday" })).toEqual({
      sessions: [],
      dateText: "Terminplan: ab 2027-01-05, jeweils Dienstag, Wiederholung P1W",
    });
  });
  it("makes all-day sessions without times", () => {
    expect(expandSchedule({ startDate: "2027-01-04", endDate: "2027-01-05", repeatFrequency: "P1D" }).sessions).toEqual(
      [
        { start: "2027-01-04", end: "2027-01-04", allDay: true },
        { start: "2027-01-05", end: "2027-01-05", allDay: true },
      ],
    );
  });
});

describe("jsonld detect", () => {
  it.each([
    ["veranstaltungen-wordpress.html", 0.95],
    ["reihe.json", 0.9],
    ["ohne-veranstaltungen.html", 0.1],
  ])("%s → %s", (file, score) => {
    expect(jsonldAdapter.detect(fixture(file))).toBe(score);
  });
  it("ignores unrelated JSON and HTML", () => {
    expect(jsonldAdapter.detect(input('{"data": {"events": []}}'))).toBe(0);
    expect(jsonldAdapter.detect(input("<html><body>Hallo</body></html>"))).toBe(0);
  });
});

const sharedDir = path.resolve(repoRoot, "../shared");
const devFeeds = path.join(sharedDir, "eval/dev-feeds");
describe.skipIf(!existsSync(devFeeds))(
  "jsonld against the shared dev feeds (needs ../shared/eval, skipped when absent)",
  () => {
    interface GoldOffer {
      feed: string;
      title: string;
      sessions: string[][];
      postalCode: string | null;
      price: number | null;
      online: boolean;
    }
    const gold = existsSync(devFeeds)
      ? (JSON.parse(readFileSync(path.join(devFeeds, "gold.json"), "utf8")) as { offers: GoldOffer[] }).offers
      : [];
    const feeds = [...new Set(gold.filter((o) => o.feed.endsWith(".html")).map((o) => o.feed))];
    it.each(feeds)("%s matches the gold titles, dates, postcodes and prices", async (feed) => {
      const result = await jsonldAdapter.parse(
        input(readFileSync(path.join(devFeeds, feed), "utf8"), "https://example.org/"),
      );
      const expected = gold.filter((o) => o.feed === feed);
      expect(result.offers.map((o) => o.title).sort()).toEqual(expected.map((o) => o.title).sort());
      for (const want of expected) {
        const got = byTitle(result, want.title);
        expect(got.sessions[0]?.start).toBe(want.sessions[0]?.[0]);
        expect(got.sessions.at(-1)?.end).toBe(want.sessions.at(-1)?.[1]);
        expect(got.location?.postalCode ?? null).toBe(want.postalCode);
        expect(got.price?.amount ?? null).toBe(want.price);
        expect(got.attendance === "ONLINE").toBe(want.online);
      }
    });
  },
);
