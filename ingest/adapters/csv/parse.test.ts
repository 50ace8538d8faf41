import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { FeedInput, OfferDraft } from "../types.ts";
import { csvAdapter } from "./index.ts";
import { decodeBytes } from "./decode.ts";
import { detectDelimiter } from "./delimiter.ts";
import { mapRecord } from "./fields.ts";
import { headerKey, resolveHeaderMap } from "./headers.ts";

function fixture(name: string): FeedInput {
  const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))));
  // The fetcher's naive UTF-8 decoding: the adapter must not trust it for Windows-1252.
  return { url: `file:${name}`, text: new TextDecoder().decode(bytes), bytes };
}

interface Case {
  file: string;
  offers: number;
  complete: boolean;
  warnings: RegExp[];
  first?: Partial<OfferDraft> & Record<string, unknown>;
  last?: Partial<OfferDraft> & Record<string, unknown>;
}

const CASES: Case[] = [
  {
    file: "kbw-export-cp1252.csv",
    offers: 3,
    complete: true,
    warnings: [/Zeile 4: Titel fehlt/],
    first: {
      sourceKey: "KBW-27-031",
      title: "Nachbarschaftshilfe aufbauen und begleiten",
      sessions: [],
      dateText: "14.04.2027, 09:30-16:30",
      location: { name: "Haus der Begegnung", street: "Marktplatz 7", postalCode: "72764", locality: "Reutlingen" },
      locationText: "Haus der Begegnung, Marktplatz 7, 72764 Reutlingen",
      priceText: "45,00 €",
      teachingUnits: 8,
      teachingUnitsText: "8 UE",
      audienceText: ["Ehrenamtliche, Mitarbeitende aus Kommunen"],
      url: "https://www.kbw-alb.de/kurse/KBW-27-031",
    },
    last: {
      sourceKey: "KBW-27-034",
      dateText: "Termin nach Vereinbarung",
      locationText: "Online",
      priceText: "25 € (ermäßigt 15 €)",
    },
  },
  {
    file: "utf8-bom-komma.csv",
    offers: 3,
    complete: true,
    warnings: [],
    first: {
      title: "Quartiersentwicklung kompakt: Grundlagen",
      sessions: [{ start: "2027-03-18T14:00", end: "2027-03-18T17:30" }],
      keywords: ["Quartier", "Sozialraum", "Beteiligung"],
      attendance: "OFFLINE",
      priceText: "60,00 €",
      teachingUnits: 4,
      extra: { Dozentin: "Dr. Meike Sauter" },
    },
    last: {
      sessions: [{ start: "2027-11-04T10:00:00+01:00", end: null }],
      attendance: "ONLINE",
      notes: ["Veranstaltungsform: online"],
    },
  },
  {
    file: "quoted-semicolon.csv",
    offers: 2,
    complete: true,
    warnings: [],
    first: {
      sourceKey: "FB-101",
      title: "Sorgende Gemeinschaft; Pflege im Quartier",
      sessions: [{ start: "2027-06-09T09:00", end: "2027-06-09T12:30" }],
      description: 'Erster Absatz; mit Semikolon.\nZweite Zeile im selben Feld, mit "Anführungszeichen".',
      location: { locality: "Ulm" },
    },
    last: { sessions: [{ start: "2027-06-16T18:00", end: null }] },
  },
  {
    file: "tab.tsv",
    offers: 1,
    complete: true,
    warnings: [],
    first: {
      sourceKey: "T-1",
      title: "Ehrenamt koordinieren",
      sessions: [{ start: "2027-09-20", end: "2027-09-20", allDay: true }],
      teachingUnitsText: "6 Stunden",
      keywords: ["Ehrenamt", "Engagement"],
      registrationUrl: "https://www.bildungswerk-os.de/anmelden?id=T-1",
      location: { street: "Lindenstraße 12", postalCode: "88212", locality: "Ravensburg" },
    },
  },
  {
    file: "pipe-ohne-id.csv",
    offers: 2,
    complete: true,
    warnings: [],
    first: { title: "Gemeinwesenarbeit heute", dateText: "Sa., 13. März 2027, 10 Uhr", priceText: "50 €" },
  },
  { file: "leer.csv", offers: 0, complete: false, warnings: [/leer/] },
  {
    file: "abgeschnitten.csv",
    offers: 1,
    complete: false,
    warnings: [/Zeile 3: Datei endet mitten im Datensatz/],
    first: { sourceKey: "A-1", sessions: [{ start: "2027-02-01", end: null, allDay: true }] },
  },
  { file: "ohne-kopfzeile.csv", offers: 0, complete: false, warnings: [/Keine Kopfzeile erkannt/] },
  {
    file: "titelzeile-vor-kopf.csv",
    offers: 1,
    complete: true,
    warnings: [],
    first: { sourceKey: "H-7", title: "Quartiersnetzwerke gründen", priceText: "kostenfrei" },
  },
];

describe("csvAdapter.parse over fixtures", () => {
  it.each(CASES)("$file", async (c) => {
    const result = await csvAdapter.parse(fixture(c.file));
    expect(result.offers).toHaveLength(c.offers);
    expect(result.complete).toBe(c.complete);
    expect(result.warnings).toHaveLength(c.warnings.length);
    c.warnings.forEach((pattern, i) => expect(result.warnings[i]?.message).toMatch(pattern));
    if (c.first) expect(result.offers[0]).toMatchObject(c.first);
    if (c.last) expect(result.offers.at(-1)).toMatchObject(c.last);
  });

  it("gives rows without an ID column stable, distinct keys from title and start", async () => {
    const a = await csvAdapter.parse(fixture("pipe-ohne-id.csv"));
    const b = await csvAdapter.parse(fixture("pipe-ohne-id.csv"));
    expect(a.offers.map((o) => o.sourceKey)).toEqual(b.offers.map((o) => o.sourceKey));
    expect(new Set(a.offers.map((o) => o.sourceKey)).size).toBe(2);
    expect(a.offers[0]?.sourceKey).toMatch(/^row-[0-9a-f]{16}$/);
  });

  it("honours a per-feed header map and delimiter", async () => {
    const text = "Kursbez,Wann,Wo\nQuartier und Klima,2027-07-01,Tübingen\n";
    const input: FeedInput = { url: "file:x.csv", text, bytes: new TextEncoder().encode(text) };
    const result = await csvAdapter.parse(input, {
      delimiter: ",",
      headerMap: { Kursbez: "title", Wann: "start", Wo: "locality" },
    });
    expect(result.offers[0]).toMatchObject({
      title: "Quartier und Klima",
      sessions: [{ start: "2027-07-01", allDay: true }],
      location: { locality: "Tübingen" },
    });
  });

  it("keeps both of two columns with the same name", async () => {
    const text = "Titel;Ort;Ort\nQuartiersforum;Stadthalle;Esslingen\n";
    const result = await csvAdapter.parse({ url: "file:x.csv", text, bytes: new TextEncoder().encode(text) });
    expect(result.offers[0]?.location).toEqual({ locality: "Stadthalle" });
    expect(result.offers[0]?.extra).toEqual({ "Ort (2)": "Esslingen" });
    expect(result.offers[0]?.locationText).toBe("Stadthalle");
  });

  it("honours Excel's sep= line", async () => {
    const text = "sep=,\r\nTitel,Beginn\r\nQuartier; Dorf,2027-07-01\r\n,2027-07-02\r\n";
    const result = await csvAdapter.parse({ url: "file:x.csv", text, bytes: new TextEncoder().encode(text) });
    expect(result.offers.map((o) => o.title)).toEqual(["Quartier; Dorf"]);
    expect(result.warnings.map((w) => w.message)).toEqual(["Zeile 4: Titel fehlt, Zeile übersprungen"]);
  });

  it("warns about an invalid config instead of throwing", async () => {
    const input = fixture("tab.tsv");
    const result = await csvAdapter.parse(input, { delimiter: "#" } as never);
    expect(result.offers).toHaveLength(1);
    expect(result.warnings[0]?.message).toMatch(/Konfiguration ungültig/);
  });
});

describe("CSV building blocks", () => {
  it.each([
    ["Titel;Beginn;Ort", ";"],
    ['"Titel; Untertitel",Beginn,Ort', ","],
    ["Titel\tBeginn\tOrt", "\t"],
    ["Titel|Beginn|Ort", "|"],
    ["Titel", ";"],
  ])("detects the delimiter of %j", (line, expected) => {
    expect(detectDelimiter(`${line}\nx`)).toBe(expected);
  });

  it.each([
    [[0xef, 0xbb, 0xbf, 0x47, 0x65, 0x62, 0xc3, 0xbc, 0x68, 0x72], "utf-8", "Gebühr", true],
    [[0x47, 0x65, 0x62, 0xfc, 0x68, 0x72], "windows-1252", "Gebühr", false],
    [[0x53, 0x74, 0x72, 0x61, 0xdf, 0x65, 0x20, 0x80], "windows-1252", "Straße €", false],
  ] as const)("decodes %j as %s", (bytes, encoding, text, bom) => {
    expect(decodeBytes(new Uint8Array(bytes))).toEqual({ encoding, text, bom });
  });

  it.each([
    ["Straße", "strasse"],
    ["Strasse", "strasse"],
    ["Veranstaltungs-Nr.", "veranstaltungsnr"],
    [" Teilnahme­gebühr ", "teilnahmegebuehr"],
  ])("normalises header %j", (header, key) => {
    expect(headerKey(header)).toBe(key);
  });

  it("maps headers through the synonym table, case- and punctuation-insensitive", () => {
    expect(
      resolveHeaderMap(["KURSTITEL", "Beginn", "Post-Leitzahl", "postleitzahl", "Ort", "Lernfeld", "Sonstiges"]),
    ).toEqual({
      KURSTITEL: "title",
      Beginn: "start",
      "Post-Leitzahl": "postalCode",
      postleitzahl: "postalCode",
      Ort: "locality",
      Lernfeld: "keywords",
    });
  });

  it("mapRecord reports a missing title with its row number", () => {
    expect(mapRecord({ Titel: " ", Beginn: "2027-01-01" }, { Titel: "title", Beginn: "start" }, 7)).toEqual({
      warning: { field: "Titel", message: "Zeile 7: Titel fehlt, Zeile übersprungen" },
    });
  });
});

// The hub's evaluation feeds live beside the repository; they are not copied into it.
const devFeed = fileURLToPath(
  new URL("../../../../shared/eval/dev-feeds/caritas-bildung-ost/angebote.csv", import.meta.url),
);
const hasShared = existsSync(devFeed);

describe.skipIf(!hasShared)("dev feed caritas-bildung-ost (needs ../shared/eval)", () => {
  it("reads the Windows-1252 semicolon export with umlauts intact and dates as prose", async () => {
    const bytes = new Uint8Array(readFileSync(devFeed));
    const result = await csvAdapter.parse({ url: "file:angebote.csv", text: new TextDecoder().decode(bytes), bytes });
    expect(result.warnings).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.offers.map((o) => o.sourceKey)).toEqual(["CBW-27-11", "CBW-27-12"]);
    expect(result.offers[0]).toMatchObject({
      title: "Sorgende Gemeinschaften: Versorgung im Quartier gemeinsam sichern",
      dateText: "12.05.2027, 09:00-16:00",
      location: { street: "Gartenstraße 42", postalCode: "73430", locality: "Aalen" },
      priceText: "65,00 €",
      teachingUnits: 8,
    });
    expect(result.offers[1]?.dateText).toBe("02.06.2027 – 03.06.2027, 09:00-16:00");
  });
});

if (!hasShared) {
  describe("dev feed caritas-bildung-ost", () => {
    it.skip(`skipped: ${devFeed} is absent`, () => {});
  });
}
