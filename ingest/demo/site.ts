/**
 * Renders every demo provider's site once into a table of resources (path → bytes and
 * headers). The content is fixed for a server's life, so ETags and Last-Modified hold.
 */
import { createHash } from "node:crypto";
import { buildCatalogue, offersOf, type DemoCatalogue, type DemoFormat } from "./catalogue.ts";
import type { RenderContext } from "./render/context.ts";
import { renderAtom } from "./render/atom.ts";
import { renderCourseJsonLd } from "./render/course-jsonld.ts";
import { renderCsv } from "./render/csv.ts";
import { renderEventsJsonLd } from "./render/events-jsonld.ts";
import { escapeHtml } from "./render/german.ts";
import { createGraphqlEndpoint, type GraphqlEndpoint } from "./render/graphql-api.ts";
import { renderDetailPage, renderHomePage, renderHtmlList } from "./render/html.ts";
import { renderIcal } from "./render/ical.ts";
import { renderOpenQcat } from "./render/openqcat.ts";
import { renderRss } from "./render/rss.ts";
import { renderXlsx } from "./render/xlsx.ts";

export interface Resource {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: string;
}

type FeedRenderer = (ctx: RenderContext) => string | Buffer | Promise<Buffer>;

const HTML = "text/html; charset=utf-8";

/** Format → renderer and Content-Type. GraphQL has no static body: it is an endpoint. */
const FEED_RENDERERS: Readonly<Record<Exclude<DemoFormat, "graphql">, { render: FeedRenderer; contentType: string }>> =
  {
    "events-jsonld": { render: renderEventsJsonLd, contentType: HTML },
    "course-jsonld": { render: renderCourseJsonLd, contentType: HTML },
    ics: { render: renderIcal, contentType: "text/calendar; charset=utf-8" },
    rss: { render: renderRss, contentType: "application/rss+xml; charset=utf-8" },
    atom: { render: renderAtom, contentType: "application/atom+xml; charset=utf-8" },
    csv: { render: renderCsv, contentType: "text/csv; charset=windows-1252" },
    xlsx: { render: renderXlsx, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    openqcat: { render: renderOpenQcat, contentType: "application/xml; charset=utf-8" },
    html: { render: renderHtmlList, contentType: HTML },
  };

export interface DemoSite {
  catalogue: DemoCatalogue;
  resources: Map<string, Resource>;
  /** POST endpoints by path. */
  graphql: Map<string, GraphqlEndpoint>;
}

const ROBOTS = "User-agent: *\nAllow: /\n";

export async function buildDemoSite(baseUrl: string, baseDate: Date): Promise<DemoSite> {
  const catalogue = buildCatalogue(baseDate);
  const lastModified = new Date(`${catalogue.baseDate}T05:00:00Z`).toUTCString();
  const resources = new Map<string, Resource>();
  const graphqlEndpoints = new Map<string, GraphqlEndpoint>();
  const add = (path: string, body: string | Buffer, contentType: string): void => {
    const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
    const etag = `"${createHash("sha1").update(bytes).digest("base64url").slice(0, 27)}"`;
    resources.set(path, { body: bytes, contentType, etag, lastModified });
  };

  add("/robots.txt", ROBOTS, "text/plain; charset=utf-8");
  for (const provider of catalogue.providers) {
    const ctx: RenderContext = {
      provider,
      offers: offersOf(catalogue, provider.slug),
      baseUrl,
      baseDate: catalogue.baseDate,
    };
    add(`/${provider.slug}/`, renderHomePage(ctx), HTML);
    for (const offer of ctx.offers) add(`/${provider.slug}/angebot/${offer.id}/`, renderDetailPage(ctx, offer), HTML);
    if (provider.format === "graphql") {
      graphqlEndpoints.set(`/${provider.slug}/${provider.feedPath}`, createGraphqlEndpoint(ctx));
      continue;
    }
    const { render, contentType } = FEED_RENDERERS[provider.format];
    add(`/${provider.slug}/${provider.feedPath}`, await render(ctx), contentType);
  }
  const list = catalogue.providers
    .map(
      (p) =>
        `<li><a href="/${p.slug}/">${escapeHtml(p.name)}</a> – <a href="/${p.slug}/${p.feedPath}">${escapeHtml(p.format)}</a></li>`,
    )
    .join("\n");
  add(
    "/",
    `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Demo-Anbieter</title></head><body><h1>Demo-Anbieter (fiktiv)</h1><ul>\n${list}\n</ul></body></html>\n`,
    HTML,
  );
  return { catalogue, resources, graphql: graphqlEndpoints };
}
