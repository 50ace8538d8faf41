import ExcelJS from "exceljs";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { createFeed, createOffer, createProvider } from "../../test/factories/offers.ts";
import { startGateway, type LiveGateway } from "../../test/security/support.ts";
import { issueToken } from "../../schema/access/tokens.ts";
import { contentDisposition, coverageQueryOf } from "./exports.ts";

/** The export routes over real HTTP: who may download, what the files hold. */
let t: TestDatabase;
let gw: LiveGateway;
let analyst = "";
let provider = "";
const HOSTILE = `=cmd|' /C calc'!A0<img src=x onerror=alert(1)>`;

beforeAll(async () => {
  t = await createTestDatabase();
  const p = await createProvider(t.db, { name: "Bildungswerk Göppingen" });
  const feed = await createFeed(t.db, p.id);
  await createOffer(t.db, feed, {
    title: "Sozialraumanalyse in der Praxis",
    districtKey: "08117",
    regionKey: "081",
    moduleCodes: ["M04"],
    learningAreas: ["LB2"],
    sessions: [{ start: new Date("2027-03-18T13:00:00Z"), end: new Date("2027-03-18T16:30:00Z") }],
    priceAmount: 45,
  });
  await createOffer(t.db, feed, {
    title: HOSTILE,
    districtKey: "08111",
    regionKey: "081",
    moduleCodes: ["M04", "M07"],
    learningAreas: ["LB2", "LB3"],
    sessions: [{ start: new Date("2027-01-10T09:00:00Z") }],
  });
  await createOffer(t.db, feed, { title: "Vorbei", sessions: [{ start: new Date("2026-01-10T09:00:00Z") }] });
  analyst = (await issueToken(t.db, { role: "ANALYST", name: "Koordinierungsstelle" })).token;
  provider = (await issueToken(t.db, { role: "PROVIDER", name: "Anbieter", providerId: p.id })).token;
  gw = await startGateway(t.db);
}, 120_000);
afterAll(async () => {
  await gw?.close();
  await t?.drop();
});

const get = (path: string, token?: string) =>
  fetch(`${gw.base}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

describe("export access", () => {
  it("asks the public to log in (401, German) and refuses providers (403)", async () => {
    for (const path of ["/exports/offers.csv", "/exports/coverage.xlsx", "/exports/gaps.csv", "/exports/offers.html"]) {
      const anonymous = await get(path);
      expect(anonymous.status, path).toBe(401);
      expect(await anonymous.text()).toMatch(/Anmeldung erforderlich/);
      const byProvider = await get(path, provider);
      expect(byProvider.status, path).toBe(403);
      expect(await byProvider.text()).toMatch(/Berechtigung/);
    }
  });

  it("answers 400 in German for a bad parameter", async () => {
    const res = await get("/exports/coverage.csv?level=DORF", analyst);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/level: „DORF“ ist nicht erlaubt/);
    const date = await get("/exports/gaps.csv?from=gestern", analyst);
    expect(date.status).toBe(400);
    expect(await date.text()).toMatch(/kein Datum/);
  });
});

describe("export files", () => {
  it("offers.csv: German file name with the date, BOM, the current offers grouped", async () => {
    const res = await get("/exports/offers.csv", analyst);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="Fortbildungsangebote_2026-11-22.csv"; filename*=UTF-8''Fortbildungsangebote_2026-11-22.csv`,
    );
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ";", skipEmptyLines: true }).data;
    expect(rows[0]?.[2]).toBe("Titel");
    const titles = rows.slice(1).map((r) => [r[1]?.slice(0, 3), r[2]]);
    // Ordered by learning area, module, then date; the past offer is not current.
    expect(titles).toEqual([
      ["M04", `'${HOSTILE}`],
      ["M04", "Sozialraumanalyse in der Praxis"],
      ["M07", `'${HOSTILE}`],
    ]);
    expect(rows[2]).toContain("45,00 €");
    expect(rows[2]).toContain("Göppingen");
  });

  it("offers.xlsx opens with exceljs and holds the same offers", async () => {
    const res = await get("/exports/offers.xlsx", analyst);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/Fortbildungsangebote_2026-11-22\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets).toHaveLength(5);
    const lb2 = workbook.worksheets[1]!;
    expect(lb2.name).toMatch(/^LB2 /);
    expect(lb2.getRow(3).getCell(3).value).toBe("Titel");
    expect(lb2.getRow(4).getCell(3).value).toBe(HOSTILE);
    expect(lb2.getRow(5).getCell(3).value).toBe("Sozialraumanalyse in der Praxis");
  });

  it("offers.html is the escaped, script-free printable overview", async () => {
    const res = await get("/exports/offers.html", analyst);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(res.headers.get("content-security-policy")).not.toMatch(/script-src/);
    const html = await res.text();
    expect(html).toContain("<h1>Übersicht der Fortbildungsangebote</h1>");
    expect(html).toContain("Stand: 22.11.2026");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("coverage and gaps follow the filters", async () => {
    const res = await get("/exports/coverage.csv?level=DISTRICT&from=2026-12-01&to=2027-06-30", analyst);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/filename="Abdeckung_Kreise_2026-11-22\.csv"/);
    const text = (await res.text()).replace(/^\uFEFF/, "");
    const matrix = Papa.parse<string[]>(text.split("\r\n\r\n")[0]!, { delimiter: ";", skipEmptyLines: true }).data;
    const header = matrix[1]!;
    const m04 = matrix.find((r) => r[0] === "M04")!;
    expect(m04[header.indexOf("Göppingen")]).toBe("1");
    expect(m04[header.indexOf("Stuttgart")]).toBe("1");
    expect(m04[header.indexOf("Ulm")]).toBe("0");

    const regions = await get("/exports/gaps.xlsx?level=REGION&from=2026-12-01&to=2027-06-30", analyst);
    expect(regions.status).toBe(200);
    expect(regions.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("Lücken_Regierungsbezirke_2026-11-22.xlsx")}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await regions.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(3).getCell(4).value).toBe("Regierungsbezirk");
    const gaps: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 3 && row.getCell(1).value === "M04") gaps.push(String(row.getCell(4).value));
    });
    expect(gaps.sort()).toEqual(["Freiburg", "Karlsruhe", "Tübingen"]);
  });
});

describe("printable coverage and gaps", () => {
  it("coverage.html and gaps.html are script-free German pages with the filters stated", async () => {
    const res = await get("/exports/coverage.html?level=REGION&role=STEUERUNG&learningFormat=BASIS", analyst);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBeNull();
    const html = await res.text();
    expect(html).toContain("<h1>Abdeckung des Curriculums</h1>");
    expect(html).toContain("Regierungsbezirke · Aufgabenfeld Quartierssteuerung · Lernformat Basisqualifizierung");
    expect(html).toContain('<th scope="col">Tübingen</th>');
    expect(html).not.toMatch(/<script/i);
    const gaps = await (await get("/exports/gaps.html", analyst)).text();
    expect(gaps).toContain("<h1>Lücken im Angebot</h1>");
    expect(gaps).toContain("noch nie angeboten");
  });
});

describe("helpers", () => {
  it("parses coverage parameters and names files in German with an ASCII fallback", () => {
    const { query } = coverageQueryOf(new URLSearchParams("level=region&role=koordination&online=counted"));
    expect(query).toEqual({ level: "REGION", role: "KOORDINATION", countOnlineInRegions: true });
    expect(contentDisposition("Lücken_Kreise_2026-11-22.csv")).toBe(
      `attachment; filename="Luecken_Kreise_2026-11-22.csv"; filename*=UTF-8''L%C3%BCcken_Kreise_2026-11-22.csv`,
    );
  });
});
