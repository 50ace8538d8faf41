import { describe, expect, it } from "vitest";
import { parsePrice } from "./price.ts";

type Row = [text: string, free: boolean, amount: number | null, warns: boolean];

const TEXT: Row[] = [
  ["120 €", false, 120, false],
  ["120,00 EUR", false, 120, false],
  ["€ 1.200,-", false, 1200, false],
  ["EUR 45", false, 45, false],
  ["45 Euro (ermäßigt 30 Euro)", false, 45, false],
  ["ermäßigt 30 €, regulär 45 €", false, 45, false],
  ["Teilnahmegebühr: 65,50 € inkl. Verpflegung", false, 65.5, false],
  ["kostenfrei", true, 0, false],
  ["kostenlos", true, 0, false],
  ["gebührenfrei", true, 0, false],
  ["Teilnahme frei", true, 0, false],
  ["0 €", true, 0, false],
  ["Die Teilnahme ist für Mitarbeitende der Mitgliedskommunen kostenfrei", false, null, true],
  ["120 €, für Mitglieder kostenfrei", false, 120, true],
  ["auf Anfrage", false, null, false],
  ["Spende erbeten", false, null, false],
  ["65,00", false, 65, false],
  ["gegen Gebühr", false, null, true],
];

describe("parsePrice from text", () => {
  it.each(TEXT)("%s", (text, free, amount, warns) => {
    const r = parsePrice({ priceText: text });
    expect(r.free).toBe(free);
    expect(r.price?.amount ?? null).toBe(amount);
    expect(r.priceText).toBe(text);
    expect(r.warnings.length > 0).toBe(warns);
  });

  it("keeps unreadable text raw", () => {
    expect(parsePrice({ priceText: "gegen Gebühr" }).raw).toBe("gegen Gebühr");
  });
});

describe("parsePrice from structured data", () => {
  it.each([
    [{ amount: 85, currency: "EUR" }, false, 85],
    [{ amount: 0, currency: "EUR" }, true, 0],
    [{ amount: 12.5, currency: "eur" }, false, 12.5],
  ])("%j", (price, free, amount) => {
    const r = parsePrice({ price });
    expect(r).toMatchObject({ free, price: { amount, currency: "EUR" }, warnings: [] });
  });

  it("warns on other currencies", () => {
    const r = parsePrice({ price: { amount: 120, currency: "CHF" } });
    expect(r.price).toBeNull();
    expect(r.priceText).toBe("120 CHF");
    expect(r.warnings[0]).toMatch(/Währung/);
  });

  it("gives nothing for nothing", () => {
    expect(parsePrice({})).toEqual({ free: false, price: null, priceText: null, warnings: [], raw: null });
  });
});
