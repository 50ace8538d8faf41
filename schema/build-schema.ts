import "reflect-metadata";
import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { MatchingResolver } from "./matching/matching.resolver.ts";
import { OfferResolver } from "./offer/offer.resolver.ts";
import { ProviderResolver } from "./provider/provider.resolver.ts";
import { ReviewResolver } from "./review/review.resolver.ts";
import { FeedResolver } from "./feed/feed.resolver.ts";
import { PushResolver } from "./feed/push.resolver.ts";
import { AuditResolver } from "./audit/audit.resolver.ts";
import { CoverageResolver } from "./coverage/coverage.resolver.ts";
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
] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** Builds the executable schema once per process (type-graphql's metadata is global). */
export function hubSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({ resolvers: RESOLVERS, validate: false });
  return cached;
}
