import type { FeedAdapter } from "../types.ts";
import type { GraphqlConfigInput } from "./config.ts";
import { detectGraphql, parseGraphqlPage } from "./parse.ts";

export { buildGraphqlRequest, nextCursor, getPath } from "./parse.ts";
export { graphqlConfigSchema, parseGraphqlConfig, type GraphqlConfig, type GraphqlConfigInput } from "./config.ts";

/** A provider's own GraphQL API, read with the feed's query and field map (one response page per call). */
export const graphqlAdapter: FeedAdapter<GraphqlConfigInput> = {
  kind: "GRAPHQL",
  version: "1.0.0",
  detect: detectGraphql,
  parse: (input, config) => parseGraphqlPage(input, config),
};
