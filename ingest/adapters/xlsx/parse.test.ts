import { describe, expect, it } from "vitest";
import type { FeedInput, OfferDraft, ParseResult } from "../types.ts";
import { excelDateText } from "./cells.ts";
import { programmeWorkbook, notesWorkbook, withInflatedDeclaredSize } from "./fixtures/workbooks.ts";
import { xlsxAdapter } from "./index.ts";
import { zipProblem } from "./zip-guard.ts";

function input(bytes: Uint8Array, url = "file:programm.xlsx"): FeedInput {
  return { url, text: "", bytes };
}

interface Case {
  name: string;
  bytes: () => Promise<Uint8Array>;
  config?: Record<string, unknown>;
  complete: boolean;
  warnings: RegExp[];
  offers: (Partial<OfferDraft> & Record<string, unknown>)[];
}

const CASES: Case[] = [
  {
    name: "programme with title line, rich text, hyperlink and formula",
    bytes: programmeWorkbook,
    complete: true,
    warnings: [/Zeile 5: Titel fehlt/],
    offers: [
      {
        sourceKey: "LRA-27-01",
        title: "Quartiersmanagement im ländlichen Raum",
        sessions: [{ start: "2027-04-15T09:00", end: "2027-04-15T16:30" }],
        locationText: "Landratsamt, Sitzungssaal, 72764 Reutlingen",
        location: { name: "Landratsamt, Sitzungssaal", postalCode: "72764", locality: "Reutlingen" },
        priceText: "95",
        teachingUnits: 8,
        keywords: ["Quartier", "Dorfentwicklung"],
        registrationUrl: "https://www.lra-musterkreis.de/anmeldung/LRA-27-01",
        description: "Grundlagen und Praxis",
        extra: { Intern: "nicht veröffentlichen" },
      },
      {
        sourceKey: "LRA-27-03",
        sessions: [{ start: "2027-10-12T18:00", end: null }],
        registrationUrl: "https://www.lra-musterkreis.de/anmeldung/LRA-27-03",
        priceText: "kostenfrei",
      },
      { sourceKey: "LRA-27-04", sessions: [], dateText: "Frühjahr 2027, Termin folgt" },
    ],
  },
  {
    name: "second sheet chosen by config",
    bytes: programmeWorkbook,
    config: { sheet: "Archiv" },
    complete: true,
    warnings: [],
    offers: [{ title: "Quartiersforum 2026", sessions: [{ start: "2026-11-20", end: null, allDay: true }] }],
  },
  {
    name: "missing sheet",
    bytes: programmeWorkbook,
    config: { sheet: 3 },
    complete: false,
    warnings: [/Arbeitsblatt „3“ nicht gefunden/],
    offers: [],
  },
  { name: "no table", bytes: notesWorkbook, complete: false, warnings: [/Keine Kopfzeile/], offers: [] },
  { name: "empty file", bytes: async () => new Uint8Array(), complete: false, warnings: [/leer/], offers: [] },
  {
    name: "not a workbook",
    bytes: async () => new TextEncoder().encode("Titel;Beginn\nA;B"),
    complete: false,
    warnings: [/kein ZIP-Archiv/],
    offers: [],
  },
  {
    name: "old .xls (OLE2) file",
    bytes: async () =>
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]),
    complete: false,
    warnings: [/altes Excel-Format \(\.xls\)/],
    offers: [],
  },
  {
    name: "truncated download",
    bytes: async () => (await programmeWorkbook()).slice(0, 3000),
    complete: false,
    warnings: [/abgeschnitten oder beschädigt/],
    offers: [],
  },
  {
    name: "declared zip bomb",
    bytes: async () => withInflatedDeclaredSize(await programmeWorkbook()),
    complete: false,
    warnings: [/entpackt zu groß|Kompressionsrate/],
    offers: [],
  },
];

describe("xlsxAdapter.parse over generated workbooks", () => {
  it.each(CASES)("$name", async (c) => {
    const result: ParseResult = await xlsxAdapter.parse(input(await c.bytes()), c.config);
    expect(result.complete).toBe(c.complete);
    expect(result.warnings).toHaveLength(c.warnings.length);
    c.warnings.forEach((pattern, i) => expect(result.warnings[i]?.message).toMatch(pattern));
    expect(result.offers).toHaveLength(c.offers.length);
    c.offers.forEach((expected, i) => expect(result.offers[i]).toMatchObject(expected));
  });

  it("detects a workbook by its parts, not by the extension alone", async () => {
    expect(xlsxAdapter.detect(input(await programmeWorkbook(), "https://x.de/export"))).toBeGreaterThanOrEqual(0.9);
    expect(xlsxAdapter.detect(input(new TextEncoder().encode("Titel;Beginn"), "https://x.de/a.xlsx"))).toBe(0);
  });
});

describe("cell and archive helpers", () => {
  it.each([
    ["2027-04-15T00:00:00Z", "2027-04-15"],
    ["2027-04-15T09:30:00Z", "2027-04-15T09:30"],
    ["1899-12-30T14:15:00Z", "14:15"],
  ])("reads the Excel date %s as %s", (iso, text) => {
    expect(excelDateText(new Date(iso))).toBe(text);
  });

  it("accepts a normal workbook", async () => {
    expect(zipProblem(await programmeWorkbook())).toBeUndefined();
  });
});

describe("zip guard against lying headers", () => {
  it("refuses a member that inflates beyond its declared size", async () => {
    const bytes = (await programmeWorkbook()).slice();
    const view = new DataView(bytes.buffer);
    // Shrink every declared size: the real data no longer fits under the cap.
    for (let i = 0; i + 46 <= bytes.byteLength; i++) {
      if (view.getUint32(i, true) === 0x02014b50 && view.getUint32(i + 24, true) > 100) {
        view.setUint32(i + 24, 10, true);
      }
    }
    expect(zipProblem(bytes)).toMatch(/größer als angegeben|widersprüchlich/);
    const result = await xlsxAdapter.parse(input(bytes));
    expect(result.offers).toEqual([]);
    expect(result.warnings[0]?.message).toMatch(/Arbeitsmappe nicht gelesen/);
  });
});
