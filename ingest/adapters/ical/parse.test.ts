import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { FeedInput, OfferDraft } from "../types.ts";
import { icalAdapter } from "./index.ts";
import { MAX_SESSIONS } from "./parse.ts";

const here = path.dirname(fileURLToPath(import.meta.url));

function input(file: string): FeedInput {
  const bytes = new Uint8Array(readFileSync(path.join(here, file)));
  return { url: `file:${path.basename(file)}`, text: new TextDecoder().decode(bytes), bytes };
}

interface Case {
  file: string;
  complete: boolean;
  offers: Record<string, Partial<OfferDraft> & Record<string, unknown>>;
  warnings: RegExp[];
}

const SERIES_DST = [
  { start: "2027-03-16T18:30:00+01:00", end: "2027-03-16T21:00:00+01:00" },
  { start: "2027-03-23T18:30:00+01:00", end: "2027-03-23T21:00:00+01:00" },
  // Summer time begins on 28 March 2027: same wall time, new offset.
  { start: "2027-03-30T18:30:00+02:00", end: "2027-03-30T21:00:00+02:00" },
  { start: "2027-04-06T18:30:00+02:00", end: "2027-04-06T21:00:00+02:00" },
];

const WORKSHOP = {
  title: "Quartiersentwicklung gestalten, Nachbarschaft stärken", // escaped comma, folded line
  sessions: SERIES_DST,
  description:
    "Eine Werkstattreihe für Haupt- und Ehrenamtliche; mit Praxisbeispielen aus Tübingen und Reutlingen.\n\n" +
    "Kosten: 80,00 € (ermäßigt 50,00 €)\nUmfang: 4 Abende, insgesamt 12 UE\n" +
    "Zielgruppe: Ehrenamtliche in Kirchengemeinden und Quartiersinitiativen\n" +
    "Anmeldung: https://www.ebw-neckar-alb.de/anmeldung/2027-014",
  priceText: "80,00 € (ermäßigt 50,00 €)",
  teachingUnitsText: "4 Abende, insgesamt 12 UE",
  audienceText: ["Ehrenamtliche in Kirchengemeinden und Quartiersinitiativen"],
  registrationUrl: "https://www.ebw-neckar-alb.de/anmeldung/2027-014",
  locationText: "Gemeindehaus St. Michael, Lindenstraße 8, 72074 Tübingen",
  url: "https://www.ebw-neckar-alb.de/programm/2027-014",
  keywords: ["Quartier", "Ehrenamt", "Beteiligung"],
  organizer: "Evangelisches Bildungswerk Neckar-Alb",
};

const FACHTAG = {
  title: "Fachtag Sorgende Gemeinschaften",
  // DTEND;VALUE=DATE:20270320 is exclusive: the last day is the 19th.
  sessions: [{ start: "2027-03-18", end: "2027-03-19", allDay: true }],
  description: "<p>Zwei Tage <b>Austausch</b> über Pflege und Nachbarschaft.</p>",
  priceText: "kostenfrei",
  location: { latitude: 48.4917, longitude: 9.3986 },
};

const CASES: Case[] = [
  {
    file: "fixtures/ebw-programm.ics",
    complete: true,
    warnings: [],
    offers: {
      "ebw-2027-014@ebw-neckar-alb.de": WORKSHOP,
      "ebw-2027-020@ebw-neckar-alb.de": FACHTAG,
      "ebw-2027-021@ebw-neckar-alb.de": {
        // UTC times, shown with the Berlin summer offset.
        sessions: [{ start: "2027-07-01T10:00:00+02:00", end: "2027-07-01T11:30:00+02:00" }],
        teachingUnitsText: "Webinar, 2 UE.",
        locationText: "online",
      },
    },
  },
  {
    file: "fixtures/ohne-vtimezone.ics",
    complete: true,
    warnings: [/nach 200 Terminen abgeschnitten/, /abgesagt \(STATUS:CANCELLED\)/, /Titel \(SUMMARY\) fehlt/],
    offers: {
      "kbw-beteiligung@kbw-musterkreis.de": {
        // 30.03. EXDATE, 06.04. moved to 08.04. 19:00, 13.04. cancelled override, UNTIL 20.04.
        sessions: [
          { start: "2027-03-23T18:00:00+01:00", end: "2027-03-23T20:00:00+01:00" },
          { start: "2027-04-08T19:00:00+02:00", end: "2027-04-08T21:00:00+02:00" },
          { start: "2027-04-20T18:00:00+02:00", end: "2027-04-20T20:00:00+02:00" },
        ],
        locationText: "Bürgerhaus Weststadt, Ulm",
      },
      "kbw-sprechstunde@kbw-musterkreis.de": {
        // Floating times are Berlin wall time.
        sessions: expect.arrayContaining([
          { start: "2027-01-05T10:00:00+01:00", end: "2027-01-05T12:00:00+01:00" },
          { start: "2027-01-07T10:00:00+01:00", end: "2027-01-07T12:00:00+01:00" },
        ]) as never,
      },
      "kbw-outlook@kbw-musterkreis.de": {
        sessions: [{ start: "2027-10-28T09:00:00+02:00", end: "2027-10-28T12:30:00+02:00" }],
      },
    },
  },
  {
    file: "fixtures/abgeschnitten.ics",
    complete: false,
    warnings: [/ohne END:VCALENDAR/],
    offers: { "ebw-2027-014@ebw-neckar-alb.de": WORKSHOP, "ebw-2027-020@ebw-neckar-alb.de": FACHTAG },
  },
  { file: "fixtures/leer.ics", complete: false, warnings: [/leer/], offers: {} },
  { file: "fixtures/kaputt.ics", complete: false, warnings: [/Kalender nicht lesbar/], offers: {} },
];

describe("icalAdapter.parse over fixtures", () => {
  it.each(CASES)("$file", async (c) => {
    const result = await icalAdapter.parse(input(c.file));
    expect(result.complete).toBe(c.complete);
    expect(result.warnings.map((w) => w.message)).toHaveLength(c.warnings.length);
    c.warnings.forEach((pattern, i) => expect(result.warnings[i]?.message).toMatch(pattern));
    expect(result.offers.map((o) => o.sourceKey).sort()).toEqual(Object.keys(c.offers).sort());
    for (const [key, expected] of Object.entries(c.offers)) {
      expect(result.offers.find((o) => o.sourceKey === key)).toMatchObject(expected);
    }
  });

  it("reads floating times in the calendar's X-WR-TIMEZONE", async () => {
    const text = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "X-WR-TIMEZONE:Europe/London",
      "BEGIN:VEVENT",
      "UID:london-1",
      "SUMMARY:Partnerschaftstreffen",
      "DTSTART:20270701T100000",
      "DTEND:20270701T120000",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    const result = await icalAdapter.parse({ url: "file:x.ics", text, bytes: new TextEncoder().encode(text) });
    expect(result.offers[0]?.sessions).toEqual([
      { start: "2027-07-01T10:00:00+01:00", end: "2027-07-01T12:00:00+01:00" },
    ]);
  });

  it("keys events without UID by title and start, and says so", async () => {
    const text = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "BEGIN:VEVENT",
      "SUMMARY:Stadtteilrundgang",
      "DTSTART;TZID=Europe/Berlin:20270612T150000",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:ohne-beginn",
      "SUMMARY:Termin folgt",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    const parse = () => icalAdapter.parse({ url: "file:x.ics", text, bytes: new TextEncoder().encode(text) });
    const result = await parse();
    expect(result.offers).toHaveLength(1);
    expect(result.offers[0]).toMatchObject({
      sourceKey: expect.stringMatching(/^row-[0-9a-f]{16}$/) as never,
      sessions: [{ start: "2027-06-12T15:00:00+02:00", end: null }],
    });
    expect((await parse()).offers[0]?.sourceKey).toBe(result.offers[0]?.sourceKey);
    expect(result.warnings.map((w) => w.field)).toEqual(["UID", "DTSTART"]);
  });

  it("caps an endless series", async () => {
    const result = await icalAdapter.parse(input("fixtures/ohne-vtimezone.ics"));
    const endless = result.offers.find((o) => o.sourceKey === "kbw-sprechstunde@kbw-musterkreis.de");
    expect(endless?.sessions).toHaveLength(MAX_SESSIONS);
  });

  it("detects calendars by content, and only weakly by extension", () => {
    expect(icalAdapter.detect(input("fixtures/ebw-programm.ics"))).toBeGreaterThanOrEqual(0.9);
    expect(icalAdapter.detect({ url: "https://x.de/k.ics", text: "", bytes: new Uint8Array() })).toBe(0.4);
    expect(icalAdapter.detect({ url: "https://x.de/", text: "Titel;Beginn", bytes: new Uint8Array() })).toBe(0);
  });
});

// The hub's evaluation feeds live beside the repository; they are not copied into it.
const shared = path.resolve(here, "../../../../shared");
const devFeed = path.join(shared, "eval/dev-feeds/familienbildung-hohenlohe/programm.ics");
const hasShared = existsSync(devFeed);

describe.skipIf(!hasShared)("dev feed familienbildung-hohenlohe (needs ../shared/eval)", () => {
  it("gives first start and last end as in gold.json", async () => {
    if (!hasShared) console.warn(`skipped: ${devFeed} not found`);
    interface GoldOffer {
      feed: string;
      id: string;
      title: string;
      sessions: [string, string][];
    }
    const gold = JSON.parse(readFileSync(path.join(shared, "eval/dev-feeds/gold.json"), "utf8")) as {
      offers: GoldOffer[];
    };
    const expected = gold.offers.filter((o) => o.feed === "familienbildung-hohenlohe/programm.ics");
    const result = await icalAdapter.parse(input(path.relative(here, devFeed)));
    expect(result.offers).toHaveLength(expected.length);
    for (const goldOffer of expected) {
      const offer = result.offers.find((o) => o.sourceKey.startsWith(`${goldOffer.id}@`));
      expect(offer?.title).toBe(goldOffer.title);
      const first = offer?.sessions[0];
      const last = offer?.sessions.at(-1);
      const goldFirst = goldOffer.sessions[0]?.[0] ?? "";
      const goldLast = goldOffer.sessions.at(-1)?.[1] ?? "";
      if (first?.allDay) {
        expect(first.start).toBe(goldFirst.slice(0, 10));
        expect(last?.end).toBe(goldLast.slice(0, 10));
      } else {
        expect(first?.start).toBe(goldFirst);
        expect(last?.end).toBe(goldLast);
      }
      expect(offer?.sessions).toHaveLength(goldOffer.sessions.length);
    }
  });
});

if (!hasShared) {
  describe("dev feed familienbildung-hohenlohe", () => {
    it.skip(`skipped: ${path.relative(process.cwd(), devFeed)} is absent`, () => {});
  });
}
