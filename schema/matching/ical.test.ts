import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, etagOf, foldLine } from "./ical.ts";

describe("iCalendar writing", () => {
  it("escapes backslash, semicolon, comma and newlines", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("folds at 75 octets without splitting a UTF-8 character", () => {
    const line = `SUMMARY:${"Ä".repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p, "utf8")).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join("")).toBe(line);
    expect(folded).not.toContain("\uFFFD");
  });

  it("writes the same bytes for the same offers (stable ETag)", () => {
    const offer = {
      id: "o1",
      title: "Fachtag",
      description: "",
      updatedAt: new Date("2027-01-01T00:00:00Z"),
      locationName: null,
      street: null,
      postalCode: null,
      municipality: null,
      online: true,
      sessions: [{ start: new Date("2027-03-05T09:00:00Z"), end: null, allDay: false }],
    };
    const a = buildCalendar("K", [offer], (id) => `https://hub.example/offers/${id}`);
    const b = buildCalendar("K", [offer], (id) => `https://hub.example/offers/${id}`);
    expect(etagOf(a)).toBe(etagOf(b));
    expect(a).toContain("UID:o1-20270305T090000Z@quartier-hub\r\n");
    expect(a).toContain("LOCATION:online\r\n");
    expect(a.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });
});
