import { DateTime } from "luxon";
import type { CalendarOffer } from "../matching/ical.ts";
import type { OfferRow } from "../offer/offer.service.ts";

/**
 * What the hub publishes of what it aggregates: the matching offers as schema.org JSON-LD
 * (Course + CourseInstance) and as open-Qcat 1.1 XML. Pure and deterministic: equal offers
 * give equal bytes, so a content hash is a stable ETag. Times carry Berlin's offset.
 */

const ZONE = "Europe/Berlin";

/** Permalink of an offer on the hub (the public base is the caller's). */
export type PermalinkOf = (id: string) => string;

const berlinDateTime = (d: Date): string =>
  DateTime.fromJSDate(d, { zone: ZONE }).toISO({ suppressMilliseconds: true }) ?? d.toISOString();
const berlinDate = (d: Date): string =>
  DateTime.fromJSDate(d, { zone: ZONE }).toISODate() ?? d.toISOString().slice(0, 10);
const stamp = (d: Date, allDay: boolean): string => (allDay ? berlinDate(d) : berlinDateTime(d));

const present = <T>(value: T | null | undefined | ""): value is T =>
  value !== null && value !== undefined && value !== "";

/** Drops null/undefined/empty-string members, so the output names only what is known. */
function compact(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => present(v)));
}

const amountOf = (o: OfferRow): number | null => (o.free ? 0 : o.priceAmount === null ? null : Number(o.priceAmount));

/** Attendance in schema.org's enumeration; the hub's own flags decide it. */
function attendanceMode(o: OfferRow): string {
  if (o.hybrid) return "https://schema.org/MixedEventAttendanceMode";
  return o.online ? "https://schema.org/OnlineEventAttendanceMode" : "https://schema.org/OfflineEventAttendanceMode";
}

function physicalPlace(o: OfferRow): Record<string, unknown> | null {
  if (!o.postalCode && !o.municipality && !o.street && !o.locationName) return null;
  return compact({
    "@type": "Place",
    name: o.locationName,
    address: compact({
      "@type": "PostalAddress",
      streetAddress: o.street,
      postalCode: o.postalCode,
      addressLocality: o.municipality,
      addressRegion: "Baden-Württemberg",
      addressCountry: "DE",
    }),
  });
}

function locationsOf(o: OfferRow, permalink: string): Record<string, unknown>[] {
  const place = o.online && !o.hybrid ? null : physicalPlace(o);
  const virtual = o.online || o.hybrid ? { "@type": "VirtualLocation", url: o.url ?? permalink } : null;
  return [place, virtual].filter((l): l is Record<string, unknown> => l !== null);
}

function sessionEvent(o: OfferRow, s: OfferRow["sessions"][number]): Record<string, unknown> {
  return compact({
    "@type": "Event",
    name: o.title,
    startDate: stamp(s.start, s.allDay),
    endDate: s.end ? stamp(s.end, s.allDay) : null,
  });
}

/** One offer as a schema.org Course with one CourseInstance (its run: dates, place, price). */
export function courseOf(o: OfferRow, permalinkOf: PermalinkOf): Record<string, unknown> {
  const permalink = permalinkOf(o.id);
  const first = o.sessions[0];
  const last = o.sessions.at(-1);
  const amount = amountOf(o);
  const locations = locationsOf(o, permalink);
  const instance = compact({
    "@type": "CourseInstance",
    "@id": `${permalink}#durchfuehrung`,
    name: o.title,
    startDate: first ? stamp(first.start, first.allDay) : null,
    endDate: last ? stamp(last.end ?? last.start, last.allDay) : null,
    // More than one meeting: each is a sub-event, so no reader mistakes the span for one meeting.
    subEvent: o.sessions.length > 1 ? o.sessions.map((s) => sessionEvent(o, s)) : null,
    eventAttendanceMode: attendanceMode(o),
    courseMode: o.hybrid ? "blended" : o.online ? "online" : "onsite",
    location: locations.length === 1 ? locations[0] : locations.length ? locations : null,
    offers:
      amount === null
        ? null
        : compact({ "@type": "Offer", price: amount.toFixed(2), priceCurrency: o.priceCurrency ?? "EUR", url: o.url }),
  });
  return compact({
    "@type": "Course",
    "@id": permalink,
    url: permalink,
    name: o.title,
    description: o.description,
    inLanguage: "de",
    keywords: o.keywords.length ? o.keywords.join(", ") : null,
    provider: compact({ "@type": "Organization", name: o.provider.name, url: o.provider.website }),
    sameAs: o.url,
    hasCourseInstance: [instance],
  });
}

export function jsonLdFeed(offers: readonly OfferRow[], permalinkOf: PermalinkOf): string {
  const doc = { "@context": "https://schema.org", "@graph": offers.map((o) => courseOf(o, permalinkOf)) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
// XML 1.0 forbids most control characters even escaped: they are dropped.
const escapeXml = (value: string): string =>
  // eslint-disable-next-line no-control-regex -- matching those characters is the point
  value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "").replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

const element = (name: string, value: string | null | undefined, indent: string): string[] =>
  present(value) ? [`${indent}<${name}>${escapeXml(value)}</${name}>`] : [];

function instructionForm(o: OfferRow): string {
  if (o.hybrid) return "Hybrid (Präsenz und online)";
  return o.online ? "Online" : "Präsenzveranstaltung";
}

function serviceXml(o: OfferRow, permalinkOf: PermalinkOf): string[] {
  const i = "      ";
  const amount = amountOf(o);
  const address = [
    ...element("STREET", o.street, `${i}            `),
    ...element("ZIP", o.postalCode, `${i}            `),
    ...element("CITY", o.municipality, `${i}            `),
  ];
  const location =
    address.length || o.locationName
      ? [
          `${i}        <LOCATION>`,
          ...element("NAME", o.locationName, `${i}          `),
          ...(address.length
            ? [
                `${i}          <ADDRESS>`,
                ...address,
                `${i}            <COUNTRY>DE</COUNTRY>`,
                `${i}          </ADDRESS>`,
              ]
            : []),
          `${i}        </LOCATION>`,
        ]
      : [];
  const dates = o.sessions.flatMap((s) => [
    `${i}        <SERVICE_DATE>`,
    `${i}          <START_DATE>${stamp(s.start, s.allDay)}</START_DATE>`,
    ...(s.end ? [`${i}          <END_DATE>${stamp(s.end, s.allDay)}</END_DATE>`] : []),
    `${i}        </SERVICE_DATE>`,
  ]);
  return [
    `    <SERVICE mode="new">`,
    `      <PRODUCT_ID>${escapeXml(o.id)}</PRODUCT_ID>`,
    `      <SERVICE_DETAILS>`,
    ...element("TITLE", o.title, `${i}  `),
    ...element("DESCRIPTION_LONG", o.description, `${i}  `),
    ...o.keywords.flatMap((k) => element("KEYWORD", k, `${i}  `)),
    ...(o.teachingUnits !== null ? [`${i}  <DURATION type="UE">${o.teachingUnits}</DURATION>`] : []),
    `${i}  <SERVICE_MODULE>`,
    `${i}    <EDUCATION type="true">`,
    `${i}      <COURSE>`,
    `${i}        <EXTENDED_INFO>`,
    `${i}          <INSTRUCTION_FORM>${escapeXml(instructionForm(o))}</INSTRUCTION_FORM>`,
    `${i}        </EXTENDED_INFO>`,
    `${i}        <MODULE_COURSE>`,
    ...location.map((l) => `  ${l}`),
    ...dates.map((d) => `  ${d}`),
    `${i}        </MODULE_COURSE>`,
    `${i}      </COURSE>`,
    `${i}    </EDUCATION>`,
    `${i}  </SERVICE_MODULE>`,
    ...element("REMARKS", `Anbieter: ${o.provider.name}`, `${i}  `),
    `      </SERVICE_DETAILS>`,
    ...(amount === null
      ? []
      : [
          `      <SERVICE_PRICE_DETAILS>`,
          `        <SERVICE_PRICE>`,
          `          <PRICE_AMOUNT>${amount.toFixed(2)}</PRICE_AMOUNT>`,
          `          <PRICE_CURRENCY>${escapeXml(o.priceCurrency ?? "EUR")}</PRICE_CURRENCY>`,
          `        </SERVICE_PRICE>`,
          `      </SERVICE_PRICE_DETAILS>`,
        ]),
    `      <MIME_INFO>`,
    `        <MIME>`,
    `          <MIME_TYPE>text/html</MIME_TYPE>`,
    `          <MIME_SOURCE>${escapeXml(o.url ?? permalinkOf(o.id))}</MIME_SOURCE>`,
    `        </MIME>`,
    `      </MIME_INFO>`,
    `    </SERVICE>`,
  ];
}

/** open-Qcat 1.1: the hub is the catalogue's supplier; each offer's provider is named in REMARKS. */
export function openQcatFeed(offers: readonly OfferRow[], permalinkOf: PermalinkOf, catalogId: string): string {
  const version = offers.reduce((max, o) => Math.max(max, o.updatedAt.getTime()), 0);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<OPENQCAT version="1.1" xmlns="http://www.openqcat.org/openqcat/1.1">`,
    `  <HEADER>`,
    `    <GENERATOR_INFO>Quartier offer hub</GENERATOR_INFO>`,
    `    <CATALOG>`,
    `      <LANGUAGE>deu</LANGUAGE>`,
    `      <CATALOG_ID>${escapeXml(catalogId)}</CATALOG_ID>`,
    `      <CATALOG_VERSION>${version}</CATALOG_VERSION>`,
    `      <CATALOG_NAME>Fortbildungen Quartiersentwicklung Baden-Württemberg</CATALOG_NAME>`,
    `      <CURRENCY>EUR</CURRENCY>`,
    `    </CATALOG>`,
    `    <SUPPLIER>`,
    `      <SUPPLIER_NAME>Qualifiziert ins Quartier – Angebotsübersicht</SUPPLIER_NAME>`,
    `    </SUPPLIER>`,
    `  </HEADER>`,
    `  <NEW_CATALOG FULLCATALOG="true">`,
    ...offers.flatMap((o) => serviceXml(o, permalinkOf)),
    `  </NEW_CATALOG>`,
    `</OPENQCAT>`,
    ``,
  ].join("\n");
}

/** The calendar export's view of an offer row (schema/matching/ical.ts builds the file). */
export const calendarOfferOf = (o: OfferRow): CalendarOffer => ({
  id: o.id,
  title: o.title,
  description: o.description,
  updatedAt: o.updatedAt,
  locationName: o.locationName,
  street: o.street,
  postalCode: o.postalCode,
  municipality: o.municipality,
  online: o.online,
  sessions: o.sessions,
});
