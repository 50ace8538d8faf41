/**
 * A housing cooperative's own GraphQL API for its academy's events: a Relay-style
 * `events(first, after)` connection with `pageInfo`, executed with graphql-js over plain
 * HTTP POST. Also the query and field map the hub's GraphQL adapter is configured with.
 */
import { buildSchema, graphql, type GraphQLSchema } from "graphql";
import type { DemoOffer } from "../catalogue.ts";
import { registrationUrl, urlOf, type RenderContext } from "./context.ts";
import { priceProse, unitsProse } from "./german.ts";

export const GRAPHQL_SDL = /* GraphQL */ `
  type Query {
    "Veranstaltungen der Quartiersakademie, nach Beginn sortiert."
    events(first: Int = 10, after: String): EventConnection!
    event(id: ID!): Event
  }
  type EventConnection {
    nodes: [Event!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type PageInfo {
    endCursor: String
    hasNextPage: Boolean!
  }
  type Event {
    id: ID!
    title: String!
    url: String
    description: String
    sessions: [EventSession!]!
    venue: Venue
    online: Boolean!
    price: Float
    priceText: String
    teachingUnits: Int
    audience: [String!]!
    tags: [String!]!
    registrationUrl: String
    registrationDeadline: String
  }
  type EventSession {
    start: String!
    end: String
  }
  type Venue {
    name: String
    street: String
    postalCode: String
    city: String
  }
`;

/** The query the hub sends; `after` is filled from the previous page's endCursor. */
export const EVENTS_QUERY = `query Veranstaltungen($first: Int!, $after: String) {
  events(first: $first, after: $after) {
    nodes {
      id title url description online price priceText teachingUnits audience tags
      sessions { start end }
      venue { name street postalCode city }
    }
    pageInfo { endCursor hasNextPage }
  }
}`;

export const GRAPHQL_FEED_CONFIG = {
  query: EVENTS_QUERY,
  variables: { first: 5 },
  itemsPath: "events.nodes",
  fields: {
    sourceKey: "id",
    title: "title",
    url: "url",
    description: "description",
    sessions: "sessions",
    sessionStart: "start",
    sessionEnd: "end",
    locationName: "venue.name",
    street: "venue.street",
    postalCode: "venue.postalCode",
    locality: "venue.city",
    online: "online",
    price: "price",
    priceText: "priceText",
    teachingUnits: "teachingUnits",
    audience: "audience",
    keywords: "tags",
  },
  pagination: {
    cursorPath: "events.pageInfo.endCursor",
    hasNextPath: "events.pageInfo.hasNextPage",
    variable: "after",
  },
} as const;

const MAX_PAGE = 50;

interface EventNode {
  id: string;
  title: string;
  url: string;
  description: string;
  sessions: { start: string; end: string | null }[];
  venue: { name: string; street: string; postalCode: string; city: string } | null;
  online: boolean;
  price: number;
  priceText: string;
  teachingUnits: number | null;
  audience: string[];
  tags: string[];
  registrationUrl: string;
  registrationDeadline: string | null;
}

function node(ctx: RenderContext, offer: DemoOffer): EventNode {
  const units = unitsProse(offer, ctx.provider.unitsStyle);
  return {
    id: offer.id,
    title: offer.title,
    url: urlOf(ctx, offer),
    description:
      offer.description + (offer.hybrid ? " Die Veranstaltung findet hybrid statt: vor Ort und online." : ""),
    sessions: offer.sessions.map((s) => ({ start: s.start, end: s.end })),
    venue: offer.venue
      ? {
          name: offer.venue.name,
          street: offer.venue.street,
          postalCode: offer.venue.postalCode,
          city: offer.venue.municipality,
        }
      : null,
    online: offer.online,
    price: offer.price,
    priceText: priceProse(offer, 0),
    teachingUnits: units ? offer.teachingUnits : null,
    audience: offer.audienceText,
    tags: offer.keywords,
    registrationUrl: registrationUrl(ctx, offer),
    registrationDeadline: offer.registrationDeadline,
  };
}

const encodeCursor = (index: number): string => Buffer.from(`event:${index}`).toString("base64");
function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return -1;
  const match = /^event:(\d+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"));
  if (!match) throw new Error("Ungültiger Cursor");
  return Number(match[1]);
}

export interface GraphqlEndpoint {
  /** Answers one POST body: HTTP status and the JSON to send. */
  handle(body: string): Promise<{ status: number; json: unknown }>;
}

export function createGraphqlEndpoint(ctx: RenderContext): GraphqlEndpoint {
  const schema: GraphQLSchema = buildSchema(GRAPHQL_SDL);
  const nodes = ctx.offers.map((o) => node(ctx, o));
  const rootValue = {
    events: ({ first, after }: { first?: number | null; after?: string | null }) => {
      const size = Math.max(0, Math.min(first ?? 10, MAX_PAGE));
      const from = decodeCursor(after) + 1;
      const page = nodes.slice(from, from + size);
      const last = from + page.length - 1;
      return {
        nodes: page,
        pageInfo: {
          endCursor: page.length > 0 ? encodeCursor(last) : (after ?? null),
          hasNextPage: last + 1 < nodes.length,
        },
        totalCount: nodes.length,
      };
    },
    event: ({ id }: { id: string }) => nodes.find((n) => n.id === id) ?? null,
  };
  return {
    async handle(body) {
      let request: unknown;
      try {
        request = JSON.parse(body);
      } catch {
        return { status: 400, json: { errors: [{ message: "Anfrage ist kein gültiges JSON" }] } };
      }
      if (
        typeof request !== "object" ||
        request === null ||
        typeof (request as { query?: unknown }).query !== "string"
      ) {
        return { status: 400, json: { errors: [{ message: "Feld 'query' fehlt" }] } };
      }
      const { query, variables, operationName } = request as {
        query: string;
        variables?: unknown;
        operationName?: unknown;
      };
      const result = await graphql({
        schema,
        source: query,
        rootValue,
        variableValues:
          typeof variables === "object" && variables !== null ? (variables as Record<string, unknown>) : undefined,
        operationName: typeof operationName === "string" ? operationName : undefined,
      });
      return { status: result.errors && !result.data ? 400 : 200, json: result };
    },
  };
}
