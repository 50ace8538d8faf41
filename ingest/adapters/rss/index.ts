import type { FeedAdapter } from "../types.ts";
import { detectRss, parseRss } from "./parse.ts";

/** RSS 2.0/1.0 and Atom feeds: event facts come from the item text, never from pubDate. */
export const rssAdapter: FeedAdapter = {
  kind: "RSS",
  version: "1.0.0",
  detect: detectRss,
  parse: (input) => parseRss(input),
};
