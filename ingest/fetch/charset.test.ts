import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { charsetFromContentType, decodeBody } from "./charset.ts";

const SAMPLE = "Gebühr 25 € – Straße „Am Quartiersplatz“";
const cp1252 = (s: string) => new Uint8Array(iconv.encode(s, "windows-1252"));
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

describe("decodeBody", () => {
  it("decodes Windows-1252 without any charset, with a warning", () => {
    const result = decodeBody(cp1252(SAMPLE), "text/html");
    expect(result.text).toBe(SAMPLE);
    expect(result.charset).toBe("windows-1252");
    expect(result.warnings.join()).toMatch(/Kein Zeichensatz/);
  });

  it("treats ISO-8859-1 as Windows-1252 (euro sign, typographic quotes)", () => {
    const result = decodeBody(cp1252(SAMPLE), "text/html; charset=ISO-8859-1");
    expect(result).toEqual({ text: SAMPLE, charset: "windows-1252", warnings: [] });
  });

  it("uses UTF-8 when undeclared and valid", () => {
    expect(decodeBody(utf8(SAMPLE), undefined)).toEqual({ text: SAMPLE, charset: "utf-8", warnings: [] });
  });

  it("falls back when declared UTF-8 is not UTF-8", () => {
    const result = decodeBody(cp1252("Gebühr"), "text/plain; charset=utf-8");
    expect(result.text).toBe("Gebühr");
    expect(result.warnings[0]).toMatch(/kein gültiges UTF-8/);
  });

  it("reads UTF-8 mislabelled as ISO-8859-1 as UTF-8", () => {
    const result = decodeBody(utf8("Straße"), "text/html; charset=iso-8859-1");
    expect(result.text).toBe("Straße");
    expect(result.warnings[0]).toMatch(/gültiges UTF-8/);
  });

  it("falls back on an unknown label", () => {
    const result = decodeBody(cp1252("Straße"), 'text/html; charset="x-klingon"');
    expect(result.text).toBe("Straße");
    expect(result.warnings[0]).toMatch(/Unbekannter Zeichensatz „x-klingon“/);
  });

  it("honours <meta charset>, <meta http-equiv> and the XML declaration", () => {
    const meta = decodeBody(cp1252('<html><head><meta charset="windows-1252"><title>Gebühr</title>'), "text/html");
    expect(meta.text).toContain("Gebühr");
    expect(meta.warnings).toEqual([]);
    const equiv = decodeBody(
      cp1252('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>Straße</p>'),
      undefined,
    );
    expect(equiv.text).toContain("Straße");
    expect(equiv.charset).toBe("windows-1252");
    const xml = decodeBody(
      cp1252('<?xml version="1.0" encoding="ISO-8859-15"?><kurs>Gebühr</kurs>'),
      "application/xml",
    );
    expect(xml.charset).toBe("iso-8859-15");
    expect(xml.text).toContain("Gebühr");
  });

  it("lets a BOM win over the header and strips it", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Straße")]);
    expect(decodeBody(bytes, "text/plain; charset=iso-8859-1")).toEqual({
      text: "Straße",
      charset: "utf-8",
      warnings: [],
    });
    const le = new Uint8Array(iconv.encode("Straße", "utf-16le", { addBOM: true }));
    expect(decodeBody(le, undefined).text).toBe("Straße");
  });

  it("reads the charset parameter", () => {
    expect(charsetFromContentType('text/csv; header=present; charset="UTF-8"')).toBe("utf-8");
    expect(charsetFromContentType("text/csv")).toBeUndefined();
  });
});
