/**
 * An Atom feed of a network's news page: entries dated by publication (`published`,
 * `updated`), the event's facts in the HTML content as German prose.
 */
import type { DemoOffer } from "../catalogue.ts";
import { feedUrl, siteUrl, urlOf, type RenderContext } from "./context.ts";
import { escapeHtml, escapeXml, placeProse, priceProse, scheduleProse, unitsProse } from "./german.ts";

function contentHtml(ctx: RenderContext, offer: DemoOffer): string {
  const units = unitsProse(offer, ctx.provider.unitsStyle);
  return (
    `<p>${escapeHtml(offer.description)}</p><ul>` +
    `<li>Datum: ${escapeHtml(scheduleProse(offer, "long"))}</li>` +
    `<li>Ort: ${escapeHtml(placeProse(offer))}</li>` +
    `<li>Gebühr: ${escapeHtml(priceProse(offer, 1))}</li>` +
    (units ? `<li>Umfang: ${escapeHtml(units)}</li>` : "") +
    `<li>Für: ${escapeHtml(offer.audienceText.join(", "))}</li></ul>`
  );
}

export function renderAtom(ctx: RenderContext): string {
  const host = new URL(ctx.baseUrl).hostname;
  const byPublication = [...ctx.offers].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  const updated = byPublication[0]?.publishedAt ?? `${ctx.baseDate}T06:00:00Z`;
  const entries = byPublication
    .map(
      (o) => `  <entry>
    <id>tag:${host},${o.publishedAt.slice(0, 10)}:${ctx.provider.slug}/${o.id}</id>
    <title type="text">${escapeXml(o.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(urlOf(ctx, o))}"/>
    <published>${o.publishedAt}</published>
    <updated>${o.publishedAt}</updated>
    <author><name>${escapeXml(ctx.provider.name)}</name></author>
${o.keywords.map((k) => `    <category term="${escapeXml(k)}"/>`).join("\n")}
    <summary type="text">${escapeXml(o.description)}</summary>
    <content type="html">${escapeXml(contentHtml(ctx, o))}</content>
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <id>${escapeXml(feedUrl(ctx))}</id>
  <title>${escapeXml(ctx.provider.name)}: Veranstaltungen und Fortbildungen</title>
  <updated>${updated}</updated>
  <link rel="self" type="application/atom+xml" href="${escapeXml(feedUrl(ctx))}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(siteUrl(ctx))}/"/>
  <author><name>${escapeXml(ctx.provider.name)}</name><email>${escapeXml(ctx.provider.contactEmail)}</email></author>
${entries}
</feed>
`;
}
