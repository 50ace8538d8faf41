import { describe, expect, it } from "vitest";
import { PROSE, ONLINE, STRUCTURED } from "./fixtures/drafts.ts";
import { absoluteHttpUrl, contentHash, normaliseOffer } from "./normalise.ts";

const CTX = {
  sourceUrl: "https://www.bildungswerk-filstal.example/kurse/",
  fetchedAt: new Date("2026-11-20T06:00:00Z"),
  adapter: "jsonld",
  adapterVersion: "1",
};

describe("normaliseOffer", () => {
  it("composes a structured draft", () => {
    const o = normaliseOffer(STRUCTURED, CTX);
    expect(o.title).toBe("Beteiligung im Quartier & im Dorf: Methoden für Kommunen");
    expect(o.url).toBe("https://www.bildungswerk-filstal.example/kurse/beteiligung");
    expect(o.descriptionHtml).not.toMatch(/script|javascript/);
    expect(o.sessions).toEqual([
      { start: "2027-03-18T09:00:00+01:00", end: "2027-03-18T16:00:00+01:00", allDay: false },
    ]);
    expect(o.location).toMatchObject({
      postalCode: "73087",
      municipality: "Bad Boll",
      districtKey: "08117",
      regionKey: "081",
      street: "Akademieweg 11",
    });
    expect([o.online, o.hybrid, o.free]).toEqual([false, false, false]);
    expect(o.price).toEqual({ amount: 120, currency: "EUR" });
    expect(o.teachingUnits).toBe(8);
    expect(o.audiences).toEqual(["MUNICIPAL_STAFF", "VOLUNTEERS"]);
    expect(o.kind).toBe("SEMINAR");
    expect(o.funding).toEqual(["Landesförderung Quartiersakademie"]);
    expect(o.accessibility).toBe("barrierefrei");
    expect(o.keywords).toEqual(["Beteiligung", "Quartier"]);
    expect(o.organizer).toBe("Bildungswerk Filstal");
    expect(o.registrationDeadline).toBe("2027-03-01");
    expect(o.completeness).toEqual({
      what: true,
      when: true,
      where: true,
      price: true,
      hours: true,
      audience: true,
      registration: true,
      score: 1,
    });
    expect(o.provenance).toEqual({ ...CTX, fetchedAt: "2026-11-20T06:00:00.000Z" });
    expect(o.warnings).toEqual([]);
  });

  it("reads labelled lines of a prose description", () => {
    const o = normaliseOffer(PROSE, CTX);
    expect(o.sessions).toEqual([
      { start: "2027-03-16T10:00:00+01:00", end: "2027-03-16T15:30:00+01:00", allDay: false },
    ]);
    expect(o.location).toMatchObject({
      postalCode: "89522",
      municipality: "Heidenheim an der Brenz",
      districtKey: "08135",
    });
    expect(o.price).toEqual({ amount: 25, currency: "EUR" });
    expect(o.teachingUnits).toBeNull();
    expect(o.completeness.score).toBeCloseTo(4 / 7, 2);
  });

  it("finds a registration link in the description", () => {
    const o = normaliseOffer(
      {
        sourceKey: "r",
        title: "Kurs",
        sessions: [],
        description: "Teilnahmegebühr: 40,00 €\nAnmeldung: https://www.fbs.example/anmeldung?id=7.",
      },
      CTX,
    );
    expect(o.registrationUrl).toBe("https://www.fbs.example/anmeldung?id=7");
    expect(o.completeness.registration).toBe(true);
  });

  it("handles an online offer without a year", () => {
    const o = normaliseOffer(ONLINE, CTX);
    expect(o.sessions[0]?.start).toBe("2027-02-11T15:00:00+01:00");
    expect([o.online, o.location, o.free]).toEqual([true, null, true]);
    expect(o.kind).toBe("WEBINAR");
    expect(o.registrationDeadline).toBe("2027-02-04");
    expect(o.completeness.where).toBe(true);
  });

  it("keeps what it cannot read in raw, with German warnings", () => {
    const o = normaliseOffer(
      {
        sourceKey: "x",
        title: "Kurs",
        sessions: [],
        dateText: "Termin folgt",
        priceText: "gegen Gebühr",
        url: "javascript:alert(1)",
      },
      CTX,
    );
    expect(o.sessions).toEqual([]);
    expect(o.raw).toEqual({ date: "Termin folgt", price: "gegen Gebühr", url: "javascript:alert(1)" });
    expect(o.url).toBeNull();
    expect(o.warnings).toEqual(
      expect.arrayContaining(["Datum nicht lesbar: „Termin folgt“", "Preis nicht lesbar: „gegen Gebühr“"]),
    );
  });
});

describe("normaliseOffer on hostile input", () => {
  it.each([
    "1".repeat(50_000),
    "1. ".repeat(20_000),
    "<p>".repeat(5_000),
    "€ ".repeat(20_000) + "1",
    "a.N. ".repeat(10_000),
  ])("reads every field of %#-th long junk without throwing", (junk) => {
    const o = normaliseOffer(
      {
        sourceKey: "k",
        title: junk,
        description: junk,
        sessions: [],
        dateText: junk,
        locationText: junk,
        priceText: junk,
        teachingUnitsText: junk,
        audienceText: [junk],
        notes: [junk],
        registrationDeadline: junk,
      },
      CTX,
    );
    expect(o.sourceKey).toBe("k");
  });
});

describe("contentHash", () => {
  it("ignores provenance and changes with content", () => {
    const a = normaliseOffer(STRUCTURED, CTX);
    const b = normaliseOffer(STRUCTURED, { ...CTX, fetchedAt: new Date("2026-11-21T06:00:00Z"), adapterVersion: "2" });
    const c = normaliseOffer({ ...STRUCTURED, priceText: undefined, price: { amount: 130, currency: "EUR" } }, CTX);
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash(a)).not.toBe(contentHash(c));
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("absoluteHttpUrl", () => {
  it.each([
    ["/a", "https://x.example/b/c", "https://x.example/a"],
    ["d", "https://x.example/b/c", "https://x.example/b/d"],
    ["mailto:a@x.example", "https://x.example/", null],
    ["ftp://x.example/f", "https://x.example/", null],
    ["", "https://x.example/", null],
  ])("%s", (value, base, expected) => {
    expect(absoluteHttpUrl(value, base)).toBe(expected);
  });
});
