/**
 * A university continuing-education page: one schema.org `@graph` with the organisation
 * and a `Course` per offer, each with a `CourseInstance` (mode, dates, place, schedule).
 */
import type { DemoOffer } from "../catalogue.ts";
import { feedUrl, siteUrl, urlOf, type RenderContext } from "./context.ts";
import { berlin, escapeHtml, scheduleProse, span, unitsProse } from "./german.ts";

function courseMode(offer: DemoOffer): string {
  if (offer.online) return "online";
  return offer.hybrid ? "blended" : "onsite";
}

function instance(offer: DemoOffer): Record<string, unknown> {
  const { start, end } = span(offer);
  const first = offer.sessions[0];
  return {
    "@type": "CourseInstance",
    courseMode: courseMode(offer),
    startDate: start,
    endDate: end,
    ...(offer.venue
      ? {
          location: {
            "@type": "Place",
            name: offer.venue.name,
            address: {
              "@type": "PostalAddress",
              streetAddress: offer.venue.street,
              postalCode: offer.venue.postalCode,
              addressLocality: offer.venue.municipality,
              addressCountry: "DE",
            },
          },
        }
      : { location: { "@type": "VirtualLocation", url: "https://lernplattform.example/kurs" } }),
    ...(offer.shape === "WEEKLY" && first
      ? {
          courseSchedule: {
            "@type": "Schedule",
            repeatFrequency: "P1W",
            byDay: `https://schema.org/${berlin(first.start).setLocale("en").toFormat("cccc")}`,
            startDate: first.start.slice(0, 10),
            endDate: (offer.sessions[offer.sessions.length - 1]?.start ?? first.start).slice(0, 10),
            startTime: berlin(first.start).toFormat("HH:mm"),
            endTime: first.end ? berlin(first.end).toFormat("HH:mm") : undefined,
            scheduleTimezone: "Europe/Berlin",
            ...(offer.skippedStarts.length > 0 ? { exceptDate: offer.skippedStarts.map((d) => d.slice(0, 10)) } : {}),
          },
        }
      : {}),
    ...(offer.sessions.length > 1
      ? { subEvent: offer.sessions.map((s) => ({ "@type": "Event", startDate: s.start, endDate: s.end })) }
      : {}),
  };
}

function course(ctx: RenderContext, offer: DemoOffer): Record<string, unknown> {
  const units = unitsProse(offer, ctx.provider.unitsStyle);
  return {
    "@type": "Course",
    "@id": `${urlOf(ctx, offer)}#course`,
    name: offer.title,
    description: [offer.description, units ? `Umfang: ${units}` : null].filter(Boolean).join(" "),
    url: urlOf(ctx, offer),
    provider: { "@id": `${siteUrl(ctx)}/#org` },
    inLanguage: "de",
    keywords: offer.keywords,
    audience: { "@type": "EducationalAudience", educationalRole: offer.audienceText.join("; ") },
    ...(offer.kind === "CERTIFICATE_COURSE"
      ? {
          educationalCredentialAwarded: {
            "@type": "EducationalOccupationalCredential",
            credentialCategory: "Hochschulzertifikat",
          },
        }
      : {}),
    hasCourseInstance: [instance(offer)],
    offers: [
      {
        "@type": "Offer",
        category: offer.free ? "Free" : "Paid",
        price: offer.price,
        priceCurrency: "EUR",
        ...(offer.registrationDeadline ? { validThrough: offer.registrationDeadline } : {}),
      },
    ],
  };
}

export function renderCourseJsonLd(ctx: RenderContext): string {
  const graph = {
    "@context": "https://schema.org",
    "@graph": [
      {
        "@type": "CollegeOrUniversity",
        "@id": `${siteUrl(ctx)}/#org`,
        name: ctx.provider.name,
        url: `${siteUrl(ctx)}/`,
        email: ctx.provider.contactEmail,
        telephone: ctx.provider.phone,
      },
      ...ctx.offers.map((o) => course(ctx, o)),
    ],
  };
  const items = ctx.offers
    .map(
      (o) =>
        `<li><a href="${escapeHtml(urlOf(ctx, o))}">${escapeHtml(o.title)}</a> <span class="termin">${escapeHtml(scheduleProse(o, "short"))}</span></li>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Weiterbildung – ${escapeHtml(ctx.provider.name)}</title>
<link rel="canonical" href="${escapeHtml(feedUrl(ctx))}">
<script type="application/ld+json">
${JSON.stringify(graph, null, 1).replaceAll("</", "<\\/")}
</script></head>
<body><h1>Weiterbildungsangebote</h1>
<ul class="kursliste">
${items}
</ul></body></html>
`;
}
