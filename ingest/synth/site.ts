/**
 * Renders a synthetic corpus with the demo's own renderers into a table of resources
 * (path → bytes and validators), and offers the same bytes as an in-memory fetcher so a
 * benchmark can time parsing without the network.
 */
import { createHash } from "node:crypto";
import type { RenderContext } from "../demo/render/context.ts";
import { renderAtom } from "../demo/render/atom.ts";
import { renderCourseJsonLd } from "../demo/render/course-jsonld.ts";
import { renderCsv } from "../demo/render/csv.ts";
import { renderEventsJsonLd } from "../demo/render/events-jsonld.ts";
import { renderDetailPage, renderHtmlList } from "../demo/render/html.ts";
import { renderIcal } from "../demo/render/ical.ts";
import { renderOpenQcat } from "../demo/render/openqcat.ts";
import { renderRss } from "../demo/render/rss.ts";
import { renderXlsx } from "../demo/render/xlsx.ts";
import type { DemoFormat } from "../demo/catalogue.ts";
import { decodeBody } from "../fetch/charset.ts";
import type { Fetcher, FetchResult } from "../fetch/fetcher.ts";
import type { SynthCorpus, SynthFeed } from "./generate.ts";

export interface SynthResource {
  body: Uint8Array;
  contentType: string;
  etag: string;
  lastModified: string;
}

export interface SynthSiteFeed extends SynthFeed {
  url: string;
}

export interface SynthSite {
  baseUrl: string;
  feeds: SynthSiteFeed[];
  /** Feeds and, for HTML feeds, one detail page per offer; plus /robots.txt. */
  resources: Map<string, SynthResource>;
}

type Renderer = (ctx: RenderContext) => string | Buffer | Promise<Buffer>;

const HTML = "text/html; charset=utf-8";

const RENDERERS: Readonly<Record<Exclude<DemoFormat, "graphql">, { render: Renderer; contentType: string }>> = {
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

export async function renderSynthSite(corpus: SynthCorpus, baseUrl: string): Promise<SynthSite> {
  const root = baseUrl.replace(/\/+$/, "");
  const lastModified = new Date(`${corpus.baseDate}T05:00:00Z`).toUTCString();
  const resources = new Map<string, SynthResource>();
  const add = (path: string, body: string | Uint8Array, contentType: string): void => {
    const bytes = typeof body === "string" ? new Uint8Array(Buffer.from(body, "utf8")) : new Uint8Array(body);
    const etag = `"${createHash("sha1").update(bytes).digest("base64url").slice(0, 27)}"`;
    resources.set(path, { body: bytes, contentType, etag, lastModified });
  };
  add("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain; charset=utf-8");
  const feeds: SynthSiteFeed[] = [];
  for (const feed of corpus.feeds) {
    const format = feed.provider.format;
    if (format === "graphql") throw new Error("GraphQL-Feeds erzeugt der Generator nicht.");
    const ctx: RenderContext = {
      provider: feed.provider,
      offers: feed.offers,
      baseUrl: root,
      baseDate: corpus.baseDate,
    };
    const { render, contentType } = RENDERERS[format];
    add(feed.path, await render(ctx), contentType);
    if (format === "html") {
      for (const offer of feed.offers)
        add(`/${feed.provider.slug}/angebot/${offer.id}/`, renderDetailPage(ctx, offer), HTML);
    }
    feeds.push({ ...feed, url: `${root}${feed.path}` });
  }
  return { baseUrl: root, feeds, resources };
}

const BINARY = /spreadsheetml|application\/zip/i;
const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/**
 * A Fetcher answering from the site's table, with bytes decoded and hashed up front: what
 * the real fetcher hands over after the network, at no cost per call. Conditional
 * requests answer 304 like the server does.
 */
export function memoryFetcher(site: SynthSite, fetchedAt = new Date("2026-11-22T06:00:00Z")): Fetcher {
  const answers = new Map<string, FetchResult>();
  for (const [path, r] of site.resources) {
    const binary = BINARY.test(r.contentType);
    const decoded = binary ? { text: "", charset: "binary", warnings: [] } : decodeBody(r.body, r.contentType);
    answers.set(`${site.baseUrl}${path}`, {
      status: 200,
      httpStatus: 200,
      notModified: false,
      url: `${site.baseUrl}${path}`,
      bytes: r.body,
      text: decoded.text,
      charset: decoded.charset,
      contentType: r.contentType,
      etag: r.etag,
      lastModified: r.lastModified,
      contentHash: sha256(r.body),
      fetchedAt,
      warnings: decoded.warnings,
    });
  }
  return {
    fetch: async (url, options) => {
      const answer = answers.get(url) ?? answers.get(url.replace(/#.*$/, ""));
      if (!answer) throw new Error(`Nicht im synthetischen Korpus: ${url}`);
      if (options?.etag && options.etag === answer.etag) {
        return {
          ...answer,
          status: 304,
          httpStatus: 304,
          notModified: true,
          bytes: new Uint8Array(),
          text: "",
          charset: "",
        };
      }
      return answer;
    },
    close: async () => undefined,
  };
}
