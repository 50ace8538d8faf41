import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/database.ts";
import { freePort, runHub, startHub } from "../support/cli.ts";

/**
 * The analyst dashboard in a real headless Chromium against a real `hub serve --demo`
 * on loopback: one hub, one browser, one page, steps in order (each builds on the
 * last, as an analyst's session does). Skipped when no Chromium binary is installed.
 */
const CHROMIUM = process.env.HUB_CHROMIUM ?? "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
const EMAIL = "analyse@kvjs.example";
const PASSWORD = "Koordination-Quartier-2027!";
const NAME = "Anna Analyse";
const STEP = { timeout: 60_000 };

if (!HAVE_CHROMIUM) {
  console.warn(`dashboard e2e skipped: no Chromium at ${CHROMIUM} (install Debian's chromium or set HUB_CHROMIUM)`);
}

describe.skipIf(!HAVE_CHROMIUM)(`dashboard in headless Chromium (${CHROMIUM})`, () => {
  let dir = "";
  let serverDb: TestDatabase | undefined;
  let hub: ReturnType<typeof startHub> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let base = "";

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "hub-e2e-"));
    let env: Record<string, string>;
    if (onPostgres()) {
      serverDb = await createTestDatabase({ seed: false });
      await serverDb.db.close();
      env = { DATABASE_URL: serverDb.url! };
    } else {
      env = { HUB_DATA_DIR: path.join(dir, "data") };
    }
    const created = await runHub(
      ["user", "create", "--email", EMAIL, "--name", NAME, "--role", "ANALYST"],
      env,
      `${PASSWORD}\n`,
    );
    expect(created.code, created.stderr).toBe(0);
    const port = await freePort();
    const demoPort = await freePort();
    base = `http://127.0.0.1:${port}`;
    hub = startHub(
      ["serve", "--demo", "--port", String(port)],
      { ...env, HUB_DEMO_PORT: String(demoPort), HUB_SCHEDULER: "off", HOST: "127.0.0.1" },
      /Demo-Anbieter eingelesen/,
    );
    await hub.started;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, timeout: 60_000 });
    const context = await browser.newContext({ locale: "de-DE", timezoneId: "Europe/Berlin", acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  }, 300_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
    if (serverDb) await serverDb.drop().catch(() => undefined);
  }, 60_000);

  it("shows the login form and a German error for a wrong password", STEP, async () => {
    await page.goto(`${base}/dashboard`);
    await expect.poll(() => page.title()).toMatch(/Anmeldung/);
    await page.getByLabel("E-Mail-Adresse").fill(EMAIL);
    await page.getByLabel("Passwort").fill("falsches-Passwort-123");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect.poll(() => page.locator("#login-error").textContent()).toBe("E-Mail oder Passwort falsch.");
    expect(await page.locator("#login-error").getAttribute("role")).toBe("alert");
  });

  it("logs in and loads the heat map with numbers", STEP, async () => {
    await page.getByLabel("Passwort").fill(PASSWORD);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await page.waitForURL(`${base}/dashboard`);
    await page.locator("table.heatmap button.cell").first().waitFor();
    expect(await page.locator("header .who").textContent()).toContain(NAME);
    await expect.poll(() => page.locator("#status").textContent()).toMatch(/Abdeckung geladen: \d+ Angebote/);
    const counts = await page.locator("table.heatmap button.cell").allTextContents();
    expect(counts.length).toBeGreaterThan(29 * 44 - 1); // 29 modules × (44 districts + online)
    expect(counts.some((c) => Number(c) > 0)).toBe(true);
    // Table semantics: one column header per district, one row header per module.
    expect(await page.locator("table.heatmap thead th.region").count()).toBe(44 + 2);
    expect(await page.locator("table.heatmap tbody th[scope=row]").count()).toBe(29);
    const label = await page.locator("table.heatmap button.cell").first().getAttribute("aria-label");
    expect(label).toMatch(/^Modul M01, .+: \d+ Angebot/);
  });

  it("goes from the start page to the dashboard once signed in", STEP, async () => {
    await page.goto(`${base}/`);
    await page.waitForURL(`${base}/dashboard`);
    await page.locator("table.heatmap button.cell").first().waitFor();
  });

  it("applies a filter: administrative regions instead of districts", STEP, async () => {
    await page.getByLabel("Gliederung").selectOption("REGION");
    await page.getByRole("button", { name: "Anwenden" }).click();
    await expect.poll(() => page.locator("table.heatmap thead th.region").count()).toBe(4 + 2);
    const regions = await page.locator("table.heatmap thead th.region").allTextContents();
    expect(regions.slice(0, 4).sort()).toEqual(["Freiburg", "Karlsruhe", "Stuttgart", "Tübingen"]);
    expect(await page.locator('a[data-export="coverage"]').first().getAttribute("href")).toMatch(/level=REGION/);
  });

  it("lists the offers behind a cell on click", STEP, async () => {
    const cell = page.locator("table.heatmap tbody td:not(.online) button.cell:not(.c0)").first();
    const count = Number(await cell.textContent());
    const label = (await cell.getAttribute("aria-label")) ?? "";
    expect(count).toBeGreaterThan(0);
    await cell.click();
    const heading = page.locator("#cell-offers h3");
    await expect.poll(() => heading.textContent()).toMatch(new RegExp(`: ${count} Angebote?$`));
    expect(await page.locator("#cell-offers li").count()).toBe(Math.min(count, 50));
    expect(label).toMatch(new RegExp(`: ${count} Angebote?`));
  });

  it("compares with the previous period, whose numbers list their offers too", STEP, async () => {
    await page.getByLabel("Zahlen der Karte").selectOption("previous");
    await page.getByRole("button", { name: "Anwenden" }).click();
    await expect.poll(() => page.locator("table.heatmap caption").textContent()).toMatch(/in der Vorperiode/);
    const cell = page.locator("table.heatmap tbody button.cell:not(.c0)").first();
    if ((await cell.count()) > 0) {
      const count = Number(await cell.textContent());
      await cell.click();
      await expect
        .poll(() => page.locator("#cell-offers h3").textContent())
        .toMatch(new RegExp(`in der Vorperiode: ${count} Angebote?$`));
      expect(await page.locator("#cell-offers li").count()).toBe(Math.min(count, 50));
    }
    await page.getByLabel("Zahlen der Karte").selectOption("current");
    await page.getByRole("button", { name: "Anwenden" }).click();
    await expect.poll(() => page.locator("table.heatmap caption").textContent()).not.toMatch(/Vorperiode/);
  });

  it("reaches a cell and opens it with the keyboard only", STEP, async () => {
    await page.getByRole("button", { name: "Anwenden" }).focus();
    let focused = "";
    for (let i = 0; i < 40 && focused !== "cell"; i++) {
      await page.keyboard.press("Tab");
      focused = ((await page.locator(":focus").getAttribute("class")) ?? "").split(" ")[0] ?? "";
    }
    expect(focused, "Tab reaches the heat map").toBe("cell");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowRight");
    const label = (await page.locator(":focus").getAttribute("aria-label")) ?? "";
    expect(label).toMatch(/^Modul M02, .+: \d+ Angebot/);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#cell-offers h3").textContent()).toMatch(/^M02 · /);
    // The focus ring is visible (an outline, not the browser's default none).
    // (a string: the tests compile without the DOM library)
    const outline = await page.evaluate<string>("getComputedStyle(document.activeElement).outlineStyle");
    expect(outline).toBe("solid");
  });

  it("accepts a review item: it leaves the queue and enters the audit trail", STEP, async () => {
    const first = page
      .locator(".review-item")
      .filter({ has: page.locator("table") })
      .first();
    await first.waitFor();
    const title = (await first.locator("h3").textContent()) ?? "";
    const offerId = await first.getAttribute("data-offer-id");
    const before = Number((await page.locator("#review-count").textContent())?.match(/\d+/)?.[0]);
    expect(await first.locator("table").textContent()).toMatch(/Fundstellen/);
    await first.getByRole("button", { name: "Übernehmen" }).click();
    await expect.poll(() => page.locator(`.review-item[data-offer-id="${offerId}"]`).count()).toBe(0);
    await expect.poll(() => page.locator("#review-status").textContent()).toMatch(/übernommen/);
    expect(await page.locator("#review-count").textContent()).toMatch(new RegExp(`^${before - 1} `));
    const audit = page.locator("#audit-table tbody tr").first();
    await expect.poll(() => audit.textContent()).toContain(title);
    expect(await audit.textContent()).toContain(NAME);
    expect(await audit.textContent()).toContain("Zuordnung der Maschine übernommen");
    // A reload asks the server: the item stays decided.
    await page.reload();
    await page.locator(".review-item").first().waitFor();
    expect(await page.locator(`.review-item[data-offer-id="${offerId}"]`).count()).toBe(0);
  });

  it("corrects a review item with a reason, visible in the audit trail", STEP, async () => {
    const item = page.locator(".review-item").first();
    const offerId = await item.getAttribute("data-offer-id");
    const title = (await item.locator("h3").textContent()) ?? "";
    await item.getByRole("button", { name: "Korrigieren" }).click();
    expect(await item.getByRole("button", { name: "Korrigieren" }).getAttribute("aria-expanded")).toBe("true");
    // Without a reason the form refuses, in German.
    await item.getByLabel(/Module hinzufügen/).fill("M07, x99");
    await item.getByRole("button", { name: "Korrektur speichern" }).click();
    await expect.poll(() => item.locator("[role=alert]").textContent()).toMatch(/Unbekannte Module: X99/);
    await item.getByLabel(/Module hinzufügen/).fill("M07");
    await item.getByRole("button", { name: "Korrektur speichern" }).click();
    await expect.poll(() => item.locator("[role=alert]").textContent()).toMatch(/Begründung/);
    await item.getByLabel(/Begründung/).fill("Beteiligungswerkstatt gehört zu M07");
    await item.getByRole("button", { name: "Korrektur speichern" }).click();
    await expect.poll(() => page.locator(`.review-item[data-offer-id="${offerId}"]`).count()).toBe(0);
    await expect.poll(() => page.locator("#review-status").textContent()).toMatch(/korrigiert: .*M07/);
    const audit = page.locator("#audit-table tbody tr").first();
    await expect.poll(() => audit.textContent()).toContain("Beteiligungswerkstatt gehört zu M07");
    expect(await audit.textContent()).toContain(title);
  });

  it("downloads exports with German file names and the filtered content", STEP, async () => {
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
    await page.getByLabel("Gliederung").selectOption("REGION");
    await page.getByRole("button", { name: "Anwenden" }).click();
    await expect.poll(() => page.locator('a[data-export="coverage"]').first().getAttribute("href")).toMatch(/REGION/);
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('a[data-export="coverage"][href*=".csv"]').click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`Abdeckung_Regierungsbezirke_${today}.csv`);
    const text = readFileSync((await csv.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split("\r\n")[1]).toBe(
      "Modul;Modultitel;Lernbereich;Freiburg;Karlsruhe;Stuttgart;Tübingen;Online;Summe Regionen",
    );

    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('a[data-export="offers"][href$=".xlsx"]').click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe(`Fortbildungsangebote_${today}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(readFileSync((await xlsx.path())!)).buffer);
    expect(workbook.worksheets.map((s) => s.name.slice(0, 3))).toEqual(
      expect.arrayContaining(["LB1", "LB2", "LB3", "LB4", "LB5"]),
    );
    expect(workbook.worksheets[0]!.getRow(3).getCell(3).value).toBe("Titel");
  });

  it("logs out to the start page; the dashboard asks for a login again", STEP, async () => {
    await page.getByRole("button", { name: "Abmelden" }).click();
    await page.waitForURL(`${base}/`);
    expect(await page.getByRole("link", { name: "Dashboard der Koordinierungsstelle" }).count()).toBe(1);
    await page.goto(`${base}/dashboard`);
    expect(await page.getByLabel("E-Mail-Adresse").count()).toBe(1);
  });
});
