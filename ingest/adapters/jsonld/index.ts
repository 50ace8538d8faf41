import type { FeedAdapter } from "../types.ts";
import { detectJsonLd, parseJsonLd } from "./parse.ts";

/** schema.org Event/Course JSON-LD embedded in HTML pages, or a bare JSON-LD document. */
export const jsonldAdapter: FeedAdapter = {
  kind: "JSONLD",
  version: "1.0.0",
  detect: detectJsonLd,
  parse: (input) => parseJsonLd(input),
};
