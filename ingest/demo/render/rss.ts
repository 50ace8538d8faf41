/**
 * RSS 2.0 of a news/events blog: `pubDate` is when the item was PUBLISHED (weeks before
 * the event); the event's date, place and price are only in the description's German prose.
 */
import { DateTime } from "luxon";
import type { DemoOffer } from "../catalogue.ts";
import { feedUrl, itemKey, siteUrl, urlOf, type RenderContext } from "./context.ts";
import { escapeHtml, escapeXml, placeProse, priceProse, scheduleProse, unitsProse } from "./german.ts";

export const rfc822 = (isoText: string): string =>
  DateTime.fromISO(isoText, { zone: "utc" }).setLocale("en-US").toFormat("ccc, dd LLL yyyy HH:mm:ss '+0000'");

const cdata = (html: string): string => `<![CDATA[${html.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;

function itemHtml(ctx: RenderContext, offer: DemoOffer): string {
  const units = unitsProse(offer, ctx.provider.unitsStyle);
  const label = offer.sessions.length > 1 ? "Termine" : "Termin";
  return (
    `<p>${escapeHtml(offer.description)}</p>` +
    `<p><strong>${label}:</strong> ${escapeHtml(scheduleProse(offer, "short"))}<br/>` +
    `<strong>Ort:</strong> ${escapeHtml(placeProse(offer))}<br/>` +
    `<strong>Kosten:</strong> ${escapeHtml(priceProse(offer, 0))}` +
    (units ? `<br/><strong>Umfang:</strong> ${escapeHtml(units)}` : "") +
    `<br/><strong>Zielgruppe:</strong> ${escapeHtml(offer.audienceText.join(", "))}</p>` +
    `<p><a href="${escapeHtml(urlOf(ctx, offer))}">Mehr erfahren und anmelden</a></p>`
  );
}

export function renderRss(ctx: RenderContext): string {
  const byPublication = [...ctx.offers].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  const latest = byPublication[0]?.publishedAt ?? `${ctx.baseDate}T06:00:00Z`;
  const items = byPublication
    .map(
      (o) => `  <item>
    <title>${escapeXml(o.title)}</title>
    <link>${escapeXml(urlOf(ctx, o))}</link>
    <guid isPermaLink="false">${escapeXml(itemKey(ctx, o))}</guid>
    <pubDate>${rfc822(o.publishedAt)}</pubDate>
    <dc:creator>Redaktion</dc:creator>
${o.keywords.map((k) => `    <category>${escapeXml(k)}</category>`).join("\n")}
    <description>${cdata(itemHtml(ctx, o))}</description>
  </item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>${escapeXml(ctx.provider.name)} – Termine</title>
  <link>${escapeXml(siteUrl(ctx))}/termine/</link>
  <description>Veranstaltungen und Fortbildungen</description>
  <language>de-de</language>
  <lastBuildDate>${rfc822(latest)}</lastBuildDate>
  <atom:link href="${escapeXml(feedUrl(ctx))}" rel="self" type="application/rss+xml"/>
${items}
</channel>
</rss>
`;
}
