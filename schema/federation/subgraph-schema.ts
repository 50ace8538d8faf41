import {
  Kind,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from "graphql";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import { hubSchema } from "../build-schema.ts";
import type { HubContext } from "../common/context.ts";
import { learningAreaByCode } from "../taxonomy/taxonomy.ts";
import { graphqlCjs } from "./graphql-cjs.ts";

const { isEnumType, isObjectType, isScalarType, isSpecifiedScalarType, parse, printSchema, visit } = graphqlCjs;

/**
 * The hub's schema as an Apollo Federation v2 subgraph. The SDL is the type-graphql
 * schema's own print plus @key on the four public entities, and the resolvers are the
 * executable schema's own: one source of truth, no second set of resolvers to drift.
 */

/** Entity → key field. Ids are stable across re-ingest; taxonomy codes are the curriculum's own. */
export const ENTITY_KEYS: Readonly<Record<string, string>> = {
  Offer: "id",
  Provider: "id",
  Module: "code",
  LearningArea: "code",
};

const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

const keyDirective = (fields: string): ConstDirectiveNode => ({
  kind: Kind.DIRECTIVE,
  name: { kind: Kind.NAME, value: "key" },
  arguments: [
    {
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: "fields" },
      value: { kind: Kind.STRING, value: fields },
    },
  ],
});

/** The hub SDL with the federation link and an @key on every entity. */
export function subgraphTypeDefs(hubSdl: string): DocumentNode {
  const withKeys = visit(parse(hubSdl), {
    ObjectTypeDefinition(node) {
      const key = ENTITY_KEYS[node.name.value];
      return key ? { ...node, directives: [...(node.directives ?? []), keyDirective(key)] } : undefined;
    },
  });
  const link = parse(FEDERATION_LINK);
  return { ...withKeys, definitions: [...link.definitions, ...withKeys.definitions] };
}

type Resolver = GraphQLFieldResolver<unknown, HubContext>;
type ResolverMap = Record<string, Record<string, unknown>>;

/** Every resolve function, custom scalar and enum value mapping of an executable schema. */
export function resolversOf(schema: GraphQLSchema): ResolverMap {
  const map: ResolverMap = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isObjectType(type)) {
      const fields: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(type.getFields())) if (field.resolve) fields[name] = field.resolve;
      if (Object.keys(fields).length) map[type.name] = fields;
    } else if (isScalarType(type) && !isSpecifiedScalarType(type)) {
      map[type.name] = { serialize: type.serialize, parseValue: type.parseValue, parseLiteral: type.parseLiteral };
    } else if (isEnumType(type)) {
      map[type.name] = Object.fromEntries(type.getValues().map((v) => [v.name, v.value]));
    }
  }
  return map;
}

/** Resolves an entity reference through the hub's own root query, so visibility rules apply. */
function viaQuery(schema: GraphQLSchema, field: string, arg: string, key: string) {
  const resolve = schema.getQueryType()?.getFields()[field]?.resolve as Resolver | undefined;
  if (!resolve) throw new Error(`Die Abfrage ${field} fehlt im Hub-Schema.`);
  return (ref: Record<string, unknown>, ctx: HubContext, info: GraphQLResolveInfo) =>
    resolve(undefined, { [arg]: ref[key] }, ctx, info);
}

/** Builds the subgraph schema from an executable hub schema. */
export function buildHubSubgraph(hub: GraphQLSchema): GraphQLSchema {
  const resolvers = resolversOf(hub);
  const reference: ResolverMap = {
    Offer: { __resolveReference: viaQuery(hub, "offer", "id", "id") },
    Provider: { __resolveReference: viaQuery(hub, "provider", "id", "id") },
    Module: { __resolveReference: viaQuery(hub, "module", "code", "code") },
    LearningArea: {
      __resolveReference: (ref: { code?: unknown }) =>
        typeof ref.code === "string" ? (learningAreaByCode(ref.code.toUpperCase()) ?? null) : null,
    },
  };
  for (const [type, extra] of Object.entries(reference)) resolvers[type] = { ...resolvers[type], ...extra };
  return buildSubgraphSchema({
    typeDefs: subgraphTypeDefs(printSchema(hub)),
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
}

let cached: Promise<GraphQLSchema> | undefined;

/** The subgraph schema, built once per process beside hubSchema(). */
export function hubSubgraphSchema(): Promise<GraphQLSchema> {
  cached ??= hubSchema().then(buildHubSubgraph);
  return cached;
}
