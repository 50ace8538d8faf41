import type { FeedAdapter } from "../types.ts";
import type { HtmlConfig } from "./config.ts";
import { detectHtml, parseHtml } from "./parse.ts";

export { mergeDetail, suggestHtmlConfig } from "./parse.ts";
export { htmlConfigSchema, parseHtmlConfig, type HtmlConfig } from "./config.ts";

/** Plain HTML pages read with a per-feed selector config (see config.ts). */
export const htmlAdapter: FeedAdapter<HtmlConfig> = {
  kind: "HTML",
  version: "1.0.0",
  detect: detectHtml,
  parse: (input, config) => parseHtml(input, config),
};
