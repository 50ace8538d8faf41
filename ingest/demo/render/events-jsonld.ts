/**
 * A WordPress event list ("The Events Calendar" style): schema.org Event JSON-LD in the
 * head, an article list with German dates in the body. Variant 1 puts all events in one
 * script as an array, variant 2 one script per event with EducationEvent.
 */
import type { DemoOffer } from "../catalogue.ts";
import { feedUrl, organiserName, registrationUrl, siteUrl, urlOf, type RenderContext } from "./context.ts";
import { berlin, escapeHtml, placeProse, priceProse, scheduleProse, span, unitsProse } from "./german.ts";

const ATTENDANCE = {
  online: "https://schema.org/OnlineEventAttendanceMode",
  offline: "https://schema.org/OfflineEventAttendanceMode",
  mixed: "https://schema.org/MixedEventAttendanceMode",
} as const;

function place(offer: DemoOffer): Record<string, unknown> | null {
  if (!offer.venue) return null;
  return {
    "@type": "Place",
    name: offer.venue.name,
    address: {
      "@type": "PostalAddress",
      streetAddress: offer.venue.street,
      postalCode: offer.venue.postalCode,
      addressLocality: offer.venue.municipality,
      addressRegion: "Baden-Württemberg",
      addressCountry: "DE",
    },
  };
}

function location(offer: DemoOffer): unknown {
  const virtual = { "@type": "VirtualLocation", url: "https://zoom.example/j/4711" };
  const physical = place(offer);
  if (offer.online || !physical) return virtual;
  return offer.hybrid ? [physical, virtual] : physical;
}

function description(ctx: RenderContext, offer: DemoOffer): string {
  const units = unitsProse(offer, ctx.provider.unitsStyle);
  return [offer.description, units ? `Umfang: ${units}.` : null].filter(Boolean).join(" ");
}

export function eventJsonLd(ctx: RenderContext, offer: DemoOffer): Record<string, unknown> {
  const { start, end } = span(offer);
  const multi = offer.sessions.length > 1;
  return {
    "@context": "https://schema.org",
    "@type": ctx.provider.variant === 2 ? "EducationEvent" : "Event",
    "@id": `${urlOf(ctx, offer)}#event`,
    name: offer.title,
    description: description(ctx, offer),
    url: urlOf(ctx, offer),
    startDate: start,
    endDate: end,
    eventStatus: "https://schema.org/EventScheduled",
    eventAttendanceMode: offer.online ? ATTENDANCE.online : offer.hybrid ? ATTENDANCE.mixed : ATTENDANCE.offline,
    inLanguage: "de",
    location: location(offer),
    offers: {
      "@type": "Offer",
      price: String(offer.price),
      priceCurrency: "EUR",
      availability: "https://schema.org/InStock",
      url: registrationUrl(ctx, offer),
      ...(offer.registrationDeadline ? { validThrough: offer.registrationDeadline } : {}),
    },
    audience: offer.audienceText.map((a) => ({ "@type": "Audience", audienceType: a })),
    keywords: offer.keywords.join(", "),
    organizer: {
      "@type": "Organization",
      name: organiserName(offer),
      url: `${ctx.baseUrl}/${offer.providers[0] ?? ""}/`,
    },
    ...(multi
      ? {
          subEvent: offer.sessions.map((s, i) => ({
            "@type": "Event",
            name: `${offer.title} – Termin ${i + 1}`,
            startDate: s.start,
            endDate: s.end,
          })),
        }
      : {}),
  };
}

function article(ctx: RenderContext, offer: DemoOffer): string {
  const d = berlin(offer.sessions[0]?.start ?? "");
  const units = unitsProse(offer, ctx.provider.unitsStyle);
  return `<article class="tribe-events-calendar-list__event type-tribe_events">
  <div class="tribe-events-calendar-list__event-date-tag"><span class="tribe-events-calendar-list__event-date-tag-weekday">${d.toFormat("ccc")}</span> <span class="tribe-events-calendar-list__event-date-tag-daynum">${d.day}</span></div>
  <h3 class="tribe-events-calendar-list__event-title"><a href="${escapeHtml(urlOf(ctx, offer))}" rel="bookmark">${escapeHtml(offer.title)}</a></h3>
  <div class="tribe-events-calendar-list__event-datetime"><time datetime="${d.toISODate() ?? ""}">${escapeHtml(scheduleProse(offer, "long"))}</time></div>
  <address class="tribe-events-calendar-list__event-venue">${escapeHtml(placeProse(offer))}</address>
  <div class="tribe-events-calendar-list__event-description"><p>${escapeHtml(offer.description)}</p>
  <p>Kosten: ${escapeHtml(priceProse(offer, 0))}${units ? ` · Umfang: ${escapeHtml(units)}` : ""}</p></div>
  <a class="tribe-events-c-small-cta__link" href="${escapeHtml(registrationUrl(ctx, offer))}">Jetzt anmelden</a>
</article>`;
}

/** Keeps `</script>` out of embedded JSON. */
const jsonForScript = (value: unknown): string => JSON.stringify(value, null, 1).replaceAll("</", "<\\/");

export function renderEventsJsonLd(ctx: RenderContext): string {
  const events = ctx.offers.map((o) => eventJsonLd(ctx, o));
  const scripts =
    ctx.provider.variant === 2
      ? events.map((e) => `<script type="application/ld+json">${jsonForScript(e)}</script>`).join("\n")
      : `<script type="application/ld+json">${jsonForScript(events)}</script>`;
  return `<!DOCTYPE html>
<html lang="de-DE">
<head>
<meta charset="UTF-8">
<title>Veranstaltungen – ${escapeHtml(ctx.provider.name)}</title>
<link rel="canonical" href="${escapeHtml(feedUrl(ctx))}">
<link rel="alternate" type="text/calendar" title="iCal-Export" href="${escapeHtml(feedUrl(ctx))}?ical=1">
${scripts}
</head>
<body class="post-type-archive-tribe_events">
<header><a href="${escapeHtml(siteUrl(ctx))}/">${escapeHtml(ctx.provider.name)}</a>
<nav><a href="${escapeHtml(siteUrl(ctx))}/">Start</a> <a href="${escapeHtml(feedUrl(ctx))}">Veranstaltungen</a></nav></header>
<main id="tribe-events-pg-template">
<h1 class="tribe-events-header__title-text">Kommende Veranstaltungen</h1>
<div class="tribe-events-calendar-list">
${ctx.offers.map((o) => article(ctx, o)).join("\n")}
</div>
</main>
<footer><p>${escapeHtml(ctx.provider.name)} · ${escapeHtml(ctx.provider.phone)} · ${escapeHtml(ctx.provider.contactEmail)}</p></footer>
</body>
</html>
`;
}
