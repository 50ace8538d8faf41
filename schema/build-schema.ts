import "reflect-metadata";
import { buildSchema, getMetadataStorage } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { MatchingResolver } from "./matching/matching.resolver.ts";
import { OfferResolver } from "./offer/offer.resolver.ts";
import { ProviderResolver } from "./provider/provider.resolver.ts";
import { ReviewResolver } from "./review/review.resolver.ts";
import { FeedResolver } from "./feed/feed.resolver.ts";
import { PushResolver } from "./feed/push.resolver.ts";
import { AuditResolver } from "./audit/audit.resolver.ts";
import { CoverageResolver } from "./coverage/coverage.resolver.ts";
import { DemandResolver } from "./demand/demand.resolver.ts";
import { FreshnessResolver } from "./freshness/freshness.resolver.ts";
import {
  CrosswalkEntryResolver,
  LearningAreaResolver,
  ModuleResolver,
  TaxonomyResolver,
} from "./taxonomy/taxonomy.resolver.ts";

/** Every resolver of the hub, in one list: the schema is built from exactly these. */
export const RESOLVERS = [
  TaxonomyResolver,
  LearningAreaResolver,
  ModuleResolver,
  CrosswalkEntryResolver,
  ProviderResolver,
  OfferResolver,
  ReviewResolver,
  FeedResolver,
  PushResolver,
  AuditResolver,
  MatchingResolver,
  CoverageResolver,
  DemandResolver,
  FreshnessResolver,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

/**
 * Plain property fields resolve with graphql-js's default resolver: type-graphql's wrapper
 * per field is a large share of a list's cost (toolchain notes; `simpleResolvers`). Fields
 * with roles, middleware or a schema name of their own keep the wrapper; field resolvers
 * are untouched.
 */
function useSimpleResolvers(): void {
  for (const field of getMetadataStorage().fields) {
    if (
      field.simple === undefined &&
      !field.roles?.length &&
      !field.middlewares?.length &&
      field.schemaName === field.name
    )
      field.simple = true;
  }
}

/** Builds the executable schema once per process (type-graphql's metadata is global). */
export function hubSchema(): Promise<GraphQLSchema> {
  if (!cached) useSimpleResolvers();
  cached ??= buildSchema({ resolvers: RESOLVERS, validate: false });
  return cached;
}
