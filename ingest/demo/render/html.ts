/**
 * Plain HTML programme pages without structured data, read by the hub with a per-feed
 * selector config. Two house styles: a VHS course list of div cards (variant 1) and a
 * seminar table (variant 2); both link to a detail page per offer (relative links, as
 * content management systems write them). Every offer of every provider also gets a
 * simple detail page so no published link ends in a 404.
 */
import type { DemoOffer } from "../catalogue.ts";
import { feedUrl, organiserName, siteUrl, urlOf, type RenderContext } from "./context.ts";
import {
  berlin,
  clock,
  escapeHtml,
  numericDate,
  weekdayLong,
  weekdayShort,
  placeProse,
  priceProse,
  scheduleProse,
  sessionLines,
  span,
  timeRange,
  unitsProse,
} from "./german.ts";

/** The selector config the HTML adapter expects (CSS selectors, `selector@attr` for attributes). */
export interface HtmlFeedConfig {
  item: string;
  fields: {
    title: string;
    url?: string;
    date?: string;
    location?: string;
    price?: string;
    description?: string;
    teachingUnits?: string;
    audience?: string;
  };
  detail?: {
    link: string;
    fields: {
      title?: string;
      url?: string;
      date?: string;
      location?: string;
      price?: string;
      description?: string;
      teachingUnits?: string;
      audience?: string;
    };
  };
}

export const HTML_CONFIGS: Readonly<Record<1 | 2, HtmlFeedConfig>> = {
  1: {
    item: "div.kursliste > div.kurs",
    fields: {
      title: "h3.kurs-titel a",
      url: "h3.kurs-titel a@href",
      date: ".kurs-termin",
      location: ".kurs-ort",
      price: ".kurs-preis",
      description: ".kurs-teaser",
    },
    detail: {
      link: "h3.kurs-titel a@href",
      fields: {
        description: ".kursdetail .beschreibung",
        teachingUnits: "dd.umfang",
        audience: "dd.zielgruppe",
        date: "ul.termine",
      },
    },
  },
  2: {
    item: "table.seminare tbody tr",
    // The table's date column has no times for multi-day seminars: dates come from the
    // detail page, which lists every meeting.
    fields: {
      title: "td.titel a",
      url: "td.titel a@href",
      location: "td.ort",
      price: "td.preis",
    },
    detail: {
      link: "td.titel a@href",
      fields: {
        description: "#seminar-beschreibung",
        teachingUnits: ".seminar-fakten .ue",
        audience: ".seminar-fakten .zielgruppe",
        date: ".seminar-termine",
      },
    },
  },
};

/** Link as the page writes it: relative to the site root. */
const relativeLink = (ctx: RenderContext, offer: DemoOffer): string => new URL(urlOf(ctx, offer)).pathname;

/** Short date prose of the list pages ("Do., 18.03.2027, 14:00–17:30 Uhr", "18.03.–19.03.2027"). */
function listDate(offer: DemoOffer): string {
  const { start, end } = span(offer);
  const d1 = berlin(start);
  const d2 = berlin(end);
  const first = offer.sessions[0];
  if (!first || first.allDay) return `${d1.toFormat("dd.MM.")}–${numericDate(d2)}, ganztägig`;
  const from = `${weekdayShort(d1)}, ${numericDate(d1)}`;
  switch (offer.shape) {
    case "WEEKLY":
      return `${from} – ${weekdayShort(d2)}, ${numericDate(d2)}, ${offer.sessions.length} x ${weekdayLong(d1).toLowerCase()}s, ${clock(d1)}–${first.end ? clock(berlin(first.end)) : ""} Uhr`;
    case "TWO_DAY":
    case "CERTIFICATE": {
      const blocks = offer.shape === "CERTIFICATE" ? ` (${offer.sessions.length / 2} Blöcke)` : "";
      return `${from}, ${clock(d1)} Uhr – ${weekdayShort(d2)}, ${numericDate(d2)}, ${clock(d2)} Uhr${blocks}`;
    }
    default:
      return `${from}, ${clock(d1)}${first.end ? `–${clock(berlin(first.end))}` : ""} Uhr`;
  }
}

function card(ctx: RenderContext, offer: DemoOffer): string {
  return `  <div class="kurs" data-kursnr="${escapeHtml(offer.id)}">
    <h3 class="kurs-titel"><a href="${escapeHtml(relativeLink(ctx, offer))}">${escapeHtml(offer.title)}</a></h3>
    <p class="kurs-termin">${escapeHtml(listDate(offer))}</p>
    <p class="kurs-ort">${escapeHtml(placeProse(offer))}</p>
    <p class="kurs-preis">${escapeHtml(priceProse(offer, 0))}</p>
    <p class="kurs-teaser">${escapeHtml(offer.description.split(". ")[0] ?? offer.description)}</p>
  </div>`;
}

function tableRow(ctx: RenderContext, offer: DemoOffer): string {
  const place =
    offer.online || !offer.venue
      ? "Online"
      : `${offer.venue.postalCode} ${offer.venue.municipality}${offer.hybrid ? " + online" : ""}`;
  const first = offer.sessions[0];
  const time = first && !first.allDay && offer.sessions.length === 1 ? `<br>${escapeHtml(timeRange(first))}` : "";
  return `    <tr>
      <td class="datum">${escapeHtml(scheduleDateOnly(offer))}${time}</td>
      <td class="titel"><a href="${escapeHtml(relativeLink(ctx, offer))}">${escapeHtml(offer.title)}</a></td>
      <td class="ort">${escapeHtml(place)}</td>
      <td class="preis">${offer.free ? "kostenfrei" : escapeHtml(priceProse(offer, 1))}</td>
    </tr>`;
}

function scheduleDateOnly(offer: DemoOffer): string {
  const { start, end } = span(offer);
  const d1 = berlin(start);
  const d2 = berlin(end);
  return d1.hasSame(d2, "day") ? numericDate(d1) : `${numericDate(d1)} – ${numericDate(d2)}`;
}

function page(ctx: RenderContext, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><title>${escapeHtml(title)} | ${escapeHtml(ctx.provider.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<header class="kopf"><a class="logo" href="/${ctx.provider.slug}/">${escapeHtml(ctx.provider.name)}</a>
<nav><a href="/${ctx.provider.slug}/">Startseite</a> | <a href="${escapeHtml(new URL(feedUrl(ctx)).pathname)}">Programm</a> | <a href="/${ctx.provider.slug}/">Kontakt</a></nav></header>
<main>
${body}
</main>
<footer class="fuss">${escapeHtml(ctx.provider.name)} · Tel. ${escapeHtml(ctx.provider.phone)} · <a href="mailto:${escapeHtml(ctx.provider.contactEmail)}">${escapeHtml(ctx.provider.contactEmail)}</a></footer>
</body>
</html>
`;
}

export function renderHtmlList(ctx: RenderContext): string {
  if (ctx.provider.variant === 2) {
    return page(
      ctx,
      "Seminarübersicht",
      `<h1>Seminarübersicht</h1>
<p>Alle Seminare im Überblick. Anmeldung über die jeweilige Seminarseite.</p>
<table class="seminare">
  <thead><tr><th>Datum</th><th>Seminar</th><th>Ort</th><th>Gebühr</th></tr></thead>
  <tbody>
${ctx.offers.map((o) => tableRow(ctx, o)).join("\n")}
  </tbody>
</table>`,
    );
  }
  return page(
    ctx,
    "Kurse: Gesellschaft und Engagement",
    `<h1>Gesellschaft, Ehrenamt und Beruf</h1>
<div class="filter">Programmbereich: <strong>Gesellschaft</strong></div>
<div class="kursliste">
${ctx.offers.map((o) => card(ctx, o)).join("\n")}
</div>`,
  );
}

/** The detail page of an offer in the provider's house style. */
export function renderDetailPage(ctx: RenderContext, offer: DemoOffer): string {
  const units = unitsProse(offer, ctx.provider.unitsStyle);
  const lines = sessionLines(offer)
    .map((l) => `<li>${escapeHtml(l)}</li>`)
    .join("");
  if (ctx.provider.format === "html" && ctx.provider.variant === 2) {
    return page(
      ctx,
      offer.title,
      `<article class="seminar">
<h1>${escapeHtml(offer.title)}</h1>
<div id="seminar-beschreibung"><p>${escapeHtml(offer.description)}</p></div>
<div class="seminar-fakten">
  <p><span class="label">Termine:</span> <span class="seminar-termine">${escapeHtml(sessionLines(offer).join("; "))}</span></p>
  <p><span class="label">Ort:</span> <span class="ort">${escapeHtml(placeProse(offer))}</span></p>
  <p><span class="label">Umfang:</span> <span class="ue">${escapeHtml(units ?? "")}</span></p>
  <p><span class="label">Zielgruppe:</span> <span class="zielgruppe">${escapeHtml(offer.audienceText.join(", "))}</span></p>
  <p><span class="label">Gebühr:</span> <span class="preis">${escapeHtml(priceProse(offer, 1))}</span></p>
</div>
<p id="anmeldung"><a class="button" href="mailto:${escapeHtml(ctx.provider.contactEmail)}?subject=${encodeURIComponent(`Anmeldung ${offer.id}`)}">Anmelden</a></p>
</article>`,
    );
  }
  return page(
    ctx,
    offer.title,
    `<div class="kursdetail">
<h1>${escapeHtml(offer.title)}</h1>
<p class="veranstalter">Veranstalter: ${escapeHtml(organiserName(offer))}</p>
<div class="beschreibung"><p>${escapeHtml(offer.description)}</p></div>
<dl class="kursfakten">
  <dt>Termin</dt><dd class="termin">${escapeHtml(scheduleProse(offer, "long"))}<ul class="termine">${lines}</ul></dd>
  <dt>Ort</dt><dd class="ort">${escapeHtml(placeProse(offer))}</dd>
  <dt>Entgelt</dt><dd class="preis">${escapeHtml(priceProse(offer, 0))}</dd>
  ${units ? `<dt>Umfang</dt><dd class="umfang">${escapeHtml(units)}</dd>` : ""}
  <dt>Zielgruppe</dt><dd class="zielgruppe">${escapeHtml(offer.audienceText.join(", "))}</dd>
  ${offer.registrationDeadline ? `<dt>Anmeldeschluss</dt><dd class="anmeldeschluss">${escapeHtml(numericDate(berlin(offer.registrationDeadline)))}</dd>` : ""}
</dl>
<p id="anmeldung"><a class="anmelden" href="mailto:${escapeHtml(ctx.provider.contactEmail)}">Jetzt anmelden</a></p>
</div>`,
  );
}

/** The provider's home page: name, description, contact and a link to its programme. */
export function renderHomePage(ctx: RenderContext): string {
  return page(
    ctx,
    "Willkommen",
    `<h1>${escapeHtml(ctx.provider.name)}</h1>
<p class="beschreibung">${escapeHtml(ctx.provider.description)}</p>
<p>Unser aktuelles Programm: <a href="${escapeHtml(feedUrl(ctx))}">${escapeHtml(feedUrl(ctx))}</a></p>
<address>Telefon ${escapeHtml(ctx.provider.phone)}<br><a href="mailto:${escapeHtml(ctx.provider.contactEmail)}">${escapeHtml(ctx.provider.contactEmail)}</a></address>
<p><a href="${escapeHtml(siteUrl(ctx))}/">Startseite</a></p>`,
  );
}
