import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { FeedInput, OfferDraft } from "../types.ts";
import { openqcatAdapter } from "./index.ts";

function fixture(name: string): FeedInput {
  const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))));
  return { url: `file:${name}`, text: new TextDecoder().decode(bytes), bytes };
}

const NETZWERKE: Partial<OfferDraft> = {
  sourceKey: "BZN-Q-2701",
  title: "Quartierskoordination: Netzwerke im Sozialraum aufbauen",
  sessions: [{ start: "2027-03-18T09:00:00+01:00", end: "2027-03-19T16:00:00+01:00" }],
  description: expect.stringContaining("<li>Akteursanalyse</li>") as never, // CDATA HTML kept as is
  keywords: ["Quartiersentwicklung", "Netzwerkarbeit", "Sozialraum"],
  audienceText: ["Quartierskoordinatorinnen und -koordinatoren", "Mitarbeitende aus Kommunen"],
  teachingUnits: 16,
  teachingUnitsText: "16 UE",
  attendance: "OFFLINE",
  price: { amount: 240, currency: "EUR" },
  // The course place, not the CONTACT address of the provider.
  location: {
    name: "Bildungszentrum, Raum 2.14",
    street: "Schillerplatz 4",
    postalCode: "73033",
    locality: "Göppingen",
    country: "DE",
  },
  locationText: "Bildungszentrum, Raum 2.14, Schillerplatz 4, 73033 Göppingen",
  url: "https://www.bz-neckar-fils.de/kurse/BZN-Q-2701",
  organizer: "Bildungszentrum Neckar & Fils gGmbH",
  notes: ["Unterrichtsform: Präsenzveranstaltung", "Abschluss: Teilnahmebescheinigung"],
};

interface Case {
  file: string;
  complete: boolean;
  deletedKeys?: string[];
  warnings: RegExp[];
  offers: Partial<OfferDraft>[];
}

const CASES: Case[] = [
  {
    file: "bildungszentrum-vollkatalog.xml",
    complete: true,
    warnings: [/BZN-Q-2703: Titel \(TITLE\) fehlt/, /nicht im ISO-Format.*laufend/],
    offers: [
      NETZWERKE,
      {
        sourceKey: "BZN-Q-2702",
        // MODULE_COURSE dates win over the SERVICE_DATE span that frames them.
        sessions: [
          { start: "2027-05-04T18:00:00", end: "2027-05-04T20:00:00" },
          { start: "2027-05-11T18:00:00", end: "2027-05-11T20:00:00" },
          { start: "2027-05-18T18:00:00", end: "2027-05-18T20:00:00" },
        ],
        dateText: "jeweils dienstags, 18 bis 20 Uhr",
        attendance: "ONLINE",
        audienceText: ["Ehrenamtliche in Quartiersinitiativen"],
        price: { amount: 0, currency: "EUR" },
        description: "Drei Online-Abende zu Beteiligungsplattformen.",
      },
      {
        sourceKey: "BZN-Q-2704",
        sessions: [],
        dateText: "laufend, Einstieg monatlich",
        notes: ["Unterrichtszeiten: Teilzeit, dienstags 17–20 Uhr", "Einstieg jederzeit möglich"],
      },
    ],
  },
  {
    file: "bildungszentrum-delta.xml", // lower-case names with a namespace prefix
    complete: false,
    deletedKeys: ["BZN-Q-2702", "BZN-Q-2699"],
    warnings: [],
    offers: [
      { sourceKey: "BZN-Q-2710", title: "Sorgende Gemeinschaften gestalten", price: { amount: 85.5, currency: "EUR" } },
      { sourceKey: "BZN-Q-2701", sessions: [{ start: "2027-03-25T09:00:00+01:00", end: "2027-03-26T16:00:00+01:00" }] },
    ],
  },
  {
    file: "abgeschnitten.xml",
    complete: false,
    deletedKeys: [],
    warnings: [/Katalog unvollständig oder fehlerhaft/],
    offers: [NETZWERKE],
  },
  { file: "leer.xml", complete: false, warnings: [/leer/], offers: [] },
  { file: "entity-angriff.xml", complete: false, warnings: [/Entity-Deklarationen/], offers: [] },
  { file: "kein-qcat.xml", complete: false, warnings: [/OPENQCAT fehlt/], offers: [] },
];

describe("openqcatAdapter.parse over fixtures", () => {
  it.each(CASES)("$file", async (c) => {
    const result = await openqcatAdapter.parse(fixture(c.file));
    expect(result.complete).toBe(c.complete);
    expect(result.deletedKeys).toEqual(c.deletedKeys);
    expect(result.warnings).toHaveLength(c.warnings.length);
    c.warnings.forEach((pattern, i) => expect(result.warnings[i]?.message).toMatch(pattern));
    expect(result.offers).toHaveLength(c.offers.length);
    c.offers.forEach((expected, i) => expect(result.offers[i]).toMatchObject(expected));
  });

  it.each([
    ["bildungszentrum-vollkatalog.xml", 1],
    ["bildungszentrum-delta.xml", 1],
    ["kein-qcat.xml", 0],
  ])("detects %s with confidence %d", (file, confidence) => {
    expect(openqcatAdapter.detect(fixture(file))).toBe(confidence);
  });
});
