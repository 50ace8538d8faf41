import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CSV_BOM, csvField, neutraliseFormula, toCsv } from "./csv.ts";
import { toXlsx, sheetName } from "./xlsx.ts";
import { toHtml } from "./html.ts";
import { offersOverview, datesLabel, priceLabel, type OverviewOffer } from "./offers.ts";
import { coverageMatrix, gapList, uniqueRegionNames, type CoverageData } from "./coverage.ts";

/** exceljs declares its own Buffer (an ArrayBuffer): hand it an exactly sized copy. */
const toArrayBuffer = (bytes: Buffer): ArrayBuffer => new Uint8Array(bytes).buffer;

const STATE = new Date("2026-11-22T08:00:00Z");

function offer(overrides: Partial<OverviewOffer> = {}): OverviewOffer {
  return {
    id: "o1",
    title: "Sozialraumanalyse in der Praxis",
    providerName: "Bildungswerk Göppingen",
    sessions: [{ start: new Date("2027-03-18T13:00:00Z"), end: new Date("2027-03-18T16:30:00Z"), allDay: false }],
    online: false,
    locationName: "Rathaus",
    postalCode: "73087",
    municipality: "Bad Boll",
    districtName: "Göppingen",
    regionName: "Stuttgart",
    free: false,
    priceAmount: 45,
    priceText: null,
    teachingUnits: 4.5,
    learningFormat: "BASIS",
    link: "https://anbieter.example/kurs/1",
    moduleCodes: ["M04"],
    ...overrides,
  };
}

const HOSTILE = `=HYPERLINK("http://evil.example","klick")<script>alert(1)</script>`;

const fixtures = [
  offer(),
  offer({
    id: "o2",
    title: HOSTILE,
    providerName: 'Netzwerk; "Quartier" e.V.',
    moduleCodes: ["M04", "M07"],
    online: true,
    locationName: null,
    postalCode: null,
    municipality: null,
    districtName: null,
    free: true,
    priceAmount: null,
    link: "javascript:alert(1)",
    sessions: [
      { start: new Date("2027-04-01T08:00:00Z"), end: null, allDay: true },
      { start: new Date("2027-05-01T08:00:00Z"), end: null, allDay: true },
    ],
  }),
  offer({ id: "o3", title: "Ohne Module", moduleCodes: [] }),
];

function parseCsv(text: string): string[][] {
  expect(text.startsWith(CSV_BOM)).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ";", skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe("CSV", () => {
  it("neutralises formulas and quotes separators", () => {
    expect(neutraliseFormula("=1+1")).toBe("'=1+1");
    expect(neutraliseFormula("+49 711")).toBe("'+49 711");
    expect(neutraliseFormula("-x")).toBe("'-x");
    expect(neutraliseFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseFormula("Beteiligung")).toBe("Beteiligung");
    expect(csvField('a;"b"')).toBe('"a;""b"""');
  });

  it("writes the overview as one flat table that parses back to the fixture offers", () => {
    const rows = parseCsv(toCsv(offersOverview(fixtures, STATE)));
    expect(rows[0]).toEqual([
      "Lernbereich",
      "Modul",
      "Titel",
      "Anbieter",
      "Termine",
      "Beginn",
      "Ort",
      "Kreis",
      "Preis",
      "UE",
      "Lernformat",
      "Link",
    ]);
    const body = rows.slice(1);
    // o1 under M04; o2 under M04 and M07; o3 without module.
    expect(body).toHaveLength(4);
    const first = body.find((r) => r[2] === "Sozialraumanalyse in der Praxis" && r[1]?.startsWith("M04"))!;
    expect(first).toEqual([
      expect.stringMatching(/^LB\d /),
      expect.stringMatching(/^M04 /),
      "Sozialraumanalyse in der Praxis",
      "Bildungswerk Göppingen",
      "18.03.2027, 14:00–17:30 Uhr",
      "18.03.2027",
      "Rathaus, 73087 Bad Boll",
      "Göppingen",
      "45,00 €",
      "4,5",
      "Basisqualifizierung",
      "https://anbieter.example/kurs/1",
    ]);
    const hostile = body.filter((r) => r[2]?.includes("HYPERLINK"));
    expect(hostile).toHaveLength(2);
    expect(hostile[0]![2]).toBe(`'${HOSTILE}`);
    expect(hostile[0]![3]).toBe('Netzwerk; "Quartier" e.V.');
    expect(hostile[0]![4]).toBe("01.04.2027 bis 01.05.2027 (2 Termine)");
    expect(hostile[0]![6]).toBe("online");
    expect(hostile[0]![8]).toBe("kostenfrei");
    expect(body.at(-1)!.slice(0, 3)).toEqual(["Ohne Modulzuordnung", "–", "Ohne Module"]);
  });
});

describe("XLSX", () => {
  it("opens with exceljs: one sheet per learning area, bold frozen header, German columns, the fixture rows", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(toArrayBuffer(await toXlsx(offersOverview(fixtures, STATE))));
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toHaveLength(6);
    expect(names.at(-1)).toBe("Ohne Modulzuordnung");
    const sheetOfM04 = workbook.worksheets.find((s) => {
      let found = false;
      s.eachRow((row) => (found ||= String(row.getCell(2).value).startsWith("M04")));
      return found;
    })!;
    const header = sheetOfM04.getRow(3);
    expect(header.getCell(1).value).toBe("Lernbereich");
    expect(header.getCell(12).value).toBe("Link");
    expect(header.font?.bold).toBe(true);
    expect(sheetOfM04.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(sheetOfM04.getColumn(3).width).toBe(48);
    const titles: unknown[] = [];
    sheetOfM04.eachRow((row, n) => {
      if (n > 3 && String(row.getCell(2).value).startsWith("M04")) titles.push(row.getCell(3).value);
    });
    // Text stays text in a spreadsheet: no apostrophe, and exceljs never makes it a formula.
    expect(titles).toEqual(["Sozialraumanalyse in der Praxis", HOSTILE]);
    const o1 = sheetOfM04.getRow(4);
    expect(o1.getCell(6).value).toEqual(new Date("2027-03-18T14:00:00Z")); // Berlin wall clock
    expect(o1.getCell(10).value).toBe(4.5);
    expect(o1.getCell(12).value).toMatchObject({ hyperlink: "https://anbieter.example/kurs/1" });
  });

  it("keeps sheet names within Excel's rules", () => {
    const taken = new Set<string>();
    expect(sheetName("LB2 Sozialraum/Lebensraum: [alles]?", taken)).toBe("LB2 Sozialraum Lebensraum alles");
    expect(sheetName("LB2 Sozialraum/Lebensraum: [alles]?", taken)).toBe("LB2 Sozialraum Lebensraum a (2)");
  });
});

describe("printable HTML", () => {
  it("escapes every value, links only http(s), carries no script", () => {
    const html = toHtml(offersOverview(fixtures, STATE), { hiddenColumns: [0, 1] });
    expect(html).toContain("<h1>Übersicht der Fortbildungsangebote</h1>");
    expect(html).toContain("Stand: 22.11.2026, 09:00 Uhr");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("javascript:");
    expect(html).toContain('<a href="https://anbieter.example/kurs/1" rel="noopener nofollow">');
    expect(html).toContain("@media print");
    expect(html).toMatch(/<th scope="col">Titel<\/th>/);
    expect(html).not.toMatch(/<th scope="col">Lernbereich<\/th>/);
  });
});

describe("labels", () => {
  it("says dates and prices in German", () => {
    expect(datesLabel([])).toBe("Termine auf Anfrage");
    expect(priceLabel({ free: false, priceAmount: null, priceText: null })).toBe("keine Angabe");
    expect(priceLabel({ free: false, priceAmount: 1234.5, priceText: null })).toBe("1.234,50 €");
  });
});

const coverage: CoverageData = {
  period: { from: new Date("2026-11-22T00:00:00Z"), to: new Date("2027-11-22T00:00:00Z") },
  previousPeriod: { from: new Date("2025-11-22T00:00:00Z"), to: new Date("2026-11-22T00:00:00Z") },
  level: "DISTRICT",
  modules: [
    { code: "M01", title: "Lebenslagen", tier: "BASIS", learningArea: "LB1" },
    { code: "M04", title: "Sozialraumanalyse", tier: "BASIS", learningArea: "LB2" },
  ],
  regions: [
    { key: "08117", name: "Göppingen" },
    { key: "08111", name: "Stuttgart" },
  ],
  cells: [{ moduleCode: "M04", regionKey: "08117", offers: 3, providers: 2, sessions: 7, previousOffers: 1 }],
  online: [{ moduleCode: "M04", offers: 2, providers: 1, sessions: 2 }],
  gaps: [
    { moduleCode: "M01", regionKey: "08117", lastOfferedAt: new Date("2025-05-05T10:00:00Z") },
    { moduleCode: "M01", regionKey: "08111", lastOfferedAt: null },
    { moduleCode: "M04", regionKey: "08111", lastOfferedAt: null },
  ],
  totals: { offers: 5, providers: 3, sessions: 9, online: 2, previousOffers: 1 },
};

describe("coverage and gaps", () => {
  it("tells Stadtkreis and Landkreis of one name apart", () => {
    const names = uniqueRegionNames([
      { key: "08212", name: "Karlsruhe" },
      { key: "08215", name: "Karlsruhe" },
      { key: "08117", name: "Göppingen" },
      { key: "08121", name: "Heilbronn" },
      { key: "08125", name: "Heilbronn" },
    ]).map((r) => r.name);
    expect(names).toEqual([
      "Karlsruhe (Stadtkreis)",
      "Karlsruhe (Landkreis)",
      "Göppingen",
      "Heilbronn (Stadtkreis)",
      "Heilbronn (Landkreis)",
    ]);
  });

  it("writes the matrix with regions as columns, online and totals", () => {
    const text = toCsv(coverageMatrix(coverage, { role: "KOORDINATION" }, STATE));
    const blocks = text.slice(1).split("\r\n\r\n");
    const matrix = Papa.parse<string[]>(blocks[0]!, { delimiter: ";", skipEmptyLines: true }).data.slice(1);
    expect(matrix[0]).toEqual([
      "Modul",
      "Modultitel",
      "Lernbereich",
      "Göppingen",
      "Stuttgart",
      "Online",
      "Summe Regionen",
    ]);
    expect(matrix[1]).toEqual(["M01", "Lebenslagen", "LB1", "0", "0", "0", "0"]);
    expect(matrix[2]).toEqual(["M04", "Sozialraumanalyse", "LB2", "3", "0", "2", "3"]);
    const details = Papa.parse<string[]>(blocks[1]!, { delimiter: ";", skipEmptyLines: true }).data;
    expect(details[0]).toEqual(["Einzelwerte"]);
    expect(details[2]).toEqual(["M04", "Sozialraumanalyse", "Göppingen", "3", "2", "7", "1"]);
    expect(details[3]).toEqual(["M04", "Sozialraumanalyse", "online", "2", "1", "2", ""]);
  });

  it("lists gaps with the last date or 'noch nie'", async () => {
    const rows = parseCsv(toCsv(gapList(coverage, {}, STATE)));
    expect(rows[0]).toEqual(["Modul", "Modultitel", "Lernbereich", "Kreis", "Zuletzt angeboten", "Hinweis"]);
    expect(rows[1]).toEqual(["M01", "Lebenslagen", "LB1", "Göppingen", "05.05.2025", ""]);
    expect(rows[2]).toEqual(["M01", "Lebenslagen", "LB1", "Stuttgart", "", "noch nie angeboten"]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(toArrayBuffer(await toXlsx(gapList(coverage, {}, STATE))));
    expect(workbook.worksheets[0]!.getRow(3).getCell(5).value).toBe("Zuletzt angeboten");
    expect(workbook.worksheets[0]!.rowCount).toBe(3 + 3 + 1);
  });
});
