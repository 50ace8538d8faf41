import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { createGateway, listen, type Gateway } from "../../gateway/server.ts";
import { hubSchema } from "../../schema/build-schema.ts";
import { COORDS, NOW, seedMunicipalities } from "../../schema/matching/fixtures/test-support.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { createFeed, createOffer, createProvider } from "../factories/offers.ts";

let t: TestDatabase;
let gateway: Gateway;
let server: Server;
let base = "";
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  await seedMunicipalities(t.db);
  gateway = await createGateway({
    db: t.db,
    schema: await hubSchema(),
    logger: pino({ level: "silent" }),
    env: "production",
    introspection: true,
    now: () => NOW,
  });
  server = await listen(gateway, 0, "127.0.0.1");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = await createProvider(t.db, { name: "Volkshochschule Filstal", slug: "vhs" });
  const feed = await createFeed(t.db, provider.id);
  const series = await createOffer(t.db, feed, {
    title:
      "Moderation im Quartier; Teil 1, Teil 2 und Teil 3 – Beteiligungsformate für Bürgerinnen und Bürger mit Übungen",
    description: "Zeile eins\nZeile zwei, mit Komma; und Semikolon \\ Backslash",
    sessions: [
      { start: new Date("2027-02-03T08:00:00Z"), end: new Date("2027-02-03T15:00:00Z") },
      { start: new Date("2027-02-10T08:00:00Z"), end: new Date("2027-02-10T15:00:00Z") },
      { start: new Date("2027-02-17T08:00:00Z"), end: new Date("2027-02-17T15:00:00Z") },
    ],
    moduleCodes: ["M07"],
    roles: ["KOORDINATION"],
    districtKey: "08117",
    regionKey: "081",
  });
  await t.db.prisma.offer.update({
    where: { id: series.id },
    data: { ...COORDS["Göppingen"], locationName: "Haus der Familie", postalCode: "73033", municipality: "Göppingen" },
  });
  ids.series = series.id;
  ids.allDay = (
    await createOffer(t.db, feed, {
      title: "Fachtag Quartier",
      sessions: [{ start: new Date("2027-03-05T00:00:00Z"), allDay: true }],
      moduleCodes: ["M09"],
      online: true,
      free: true,
    })
  ).id;
  ids.evil = (
    await createOffer(t.db, feed, {
      title: `<script>alert("x")</script> & Co`,
      description: "<img src=x onerror=alert(1)>",
    })
  ).id;
});
afterAll(async () => {
  server.close();
  await gateway.stop();
  await t.drop();
});

const parse = (text: string) => new ICAL.Component(ICAL.parse(text));
const events = (text: string) =>
  parse(text)
    .getAllSubcomponents("vevent")
    .map((v) => new ICAL.Event(v));

describe("GET /calendar/offers.ics", () => {
  it("answers an iCalendar with one event per session, correct times, stable UIDs and folded lines", async () => {
    const res = await fetch(`${base}/calendar/offers.ics?ids=${ids.series},${ids.allDay}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const text = await res.text();
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    const list = events(text);
    expect(list).toHaveLength(4);
    const series = list.filter((e) => e.summary.startsWith("Moderation im Quartier; Teil 1, Teil 2"));
    expect(series.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      "2027-02-03T08:00:00.000Z",
      "2027-02-10T08:00:00.000Z",
      "2027-02-17T08:00:00.000Z",
    ]);
    expect(series[0]!.endDate.toJSDate().toISOString()).toBe("2027-02-03T15:00:00.000Z");
    expect(series[0]!.location).toBe("Haus der Familie, 73033 Göppingen");
    expect(series[0]!.description).toContain("Zeile eins\nZeile zwei, mit Komma; und Semikolon \\ Backslash");
    expect(series[0]!.component.getFirstPropertyValue("url")).toBe(`${base}/offers/${ids.series}`);
    expect(new Set(list.map((e) => e.uid)).size).toBe(4);
    const allDay = list.find((e) => e.summary === "Fachtag Quartier")!;
    expect(allDay.startDate.isDate).toBe(true);
    expect(allDay.startDate.toString()).toBe("2027-03-05");
    // Stable: the same request gives the same bytes, hence the same ETag and UIDs.
    const again = await fetch(`${base}/calendar/offers.ics?ids=${ids.series},${ids.allDay}`);
    expect(await again.text()).toBe(text);
    expect(again.headers.get("etag")).toBe(res.headers.get("etag"));
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const first = await fetch(`${base}/calendar/offers.ics?ids=${ids.series}`);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    const second = await fetch(`${base}/calendar/offers.ics?ids=${ids.series}`, { headers: { "if-none-match": etag } });
    expect(second.status).toBe(304);
  });

  it("refuses more than 100 ids, malformed ids and an empty list", async () => {
    const many = Array.from({ length: 101 }, (_, i) => `id-${i}`).join(",");
    expect((await fetch(`${base}/calendar/offers.ics?ids=${many}`)).status).toBe(400);
    expect((await fetch(`${base}/calendar/offers.ics?ids=${encodeURIComponent("a'b")}`)).status).toBe(400);
    expect((await fetch(`${base}/calendar/offers.ics`)).status).toBe(400);
    expect((await fetch(`${base}/calendar/offers.ics?ids=unknown-id`)).status).toBe(404);
  });
});

describe("GET /calendar/path.ics", () => {
  it("exports the learning path for the same inputs as the GraphQL query", async () => {
    const res = await fetch(`${base}/calendar/path.ics?role=KOORDINATION&completed=M01,M02&postcode=73033&radius=50`);
    expect(res.status).toBe(200);
    const list = events(await res.text());
    // M07 (the series, 3 sessions) and M09 (the online day) are the only coverable modules.
    expect(list).toHaveLength(4);
  });

  it("answers 400 naming the field for bad input", async () => {
    const res = await fetch(`${base}/calendar/path.ics?role=KOORDINATION&postcode=123`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("input.place.postcode");
  });
});

describe("GET /offers/<id>", () => {
  it("serves a German HTML page with every value escaped", async () => {
    const res = await fetch(`${base}/offers/${ids.evil}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await res.text();
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
    expect(html).toContain('lang="de"');
  });

  it("answers 404 for an unknown offer", async () => {
    expect((await fetch(`${base}/offers/00000000-0000-0000-0000-000000000000`)).status).toBe(404);
  });
});
