import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import type { GraphQLSchema } from "graphql";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { composeServices } from "@apollo/composition";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { createGateway, listen, type Gateway } from "../../gateway/server.ts";
import { hubSchema } from "../../schema/build-schema.ts";
import { graphqlCjs } from "../../schema/federation/graphql-cjs.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { createFeed, createOffer, createProvider } from "../factories/offers.ts";

/**
 * The hub as one subgraph of a federated graph: a stand-in for the portal's own graph keeps
 * users' bookmarks and references offers by key; Apollo composes both and its gateway,
 * on loopback, answers a query that crosses them.
 */

// @graphql-tools/schema builds with the graphql copy Node loads (see graphql-cjs.ts).
const { graphql, parse, print } = graphqlCjs;

/** The portal's subgraph: bookmarks point at hub offers by their stable id, nothing more. */
const PORTAL_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { bookmarks(user: String!): [Bookmark!]! }
  type Bookmark { note: String! offer: Offer! }
  type Offer @key(fields: "id", resolvable: false) { id: ID! }
`;

/** Executable without the federation directives: the portal only ever answers its own root field. */
function portalSchema(bookmarks: { user: string; note: string; offerId: string }[]): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: `
      type Query { bookmarks(user: String!): [Bookmark!]! }
      type Bookmark { note: String! offer: Offer! }
      type Offer { id: ID! }
    `,
    resolvers: {
      Query: {
        bookmarks: (_: unknown, args: { user: string }) => bookmarks.filter((b) => b.user === args.user),
      },
      Bookmark: { offer: (b: { offerId: string }) => ({ __typename: "Offer", id: b.offerId }) },
    },
  });
}

async function serveSchema(schema: GraphQLSchema): Promise<Server> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        query: string;
        variables?: Record<string, unknown>;
      };
      // A failure answers 500 at once, so the gateway never waits on a silent socket.
      graphql({ schema, source: body.query, variableValues: body.variables ?? null }).then(
        (result) => {
          res.setHeader("content-type", "application/json");
          res.end(JSON.stringify(result));
        },
        (error: unknown) => {
          res.statusCode = 500;
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

const urlOf = (server: Server, path = ""): string =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;

let t: TestDatabase;
let hub: Gateway;
let hubServer: Server;
let portalServer: Server;
let federated: ApolloServer;
let federatedUrl = "";
const ids: Record<string, string> = {};

async function post(url: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] },
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  hub = await createGateway({
    db: t.db,
    schema: await hubSchema(),
    logger: pino({ level: "silent" }),
    env: "production",
    introspection: false,
  });
  hubServer = await listen(hub, 0, "127.0.0.1");
  const provider = await createProvider(t.db, { name: "Volkshochschule Filstal", slug: "vhs-filstal" });
  const feed = await createFeed(t.db, provider.id);
  ids.provider = provider.id;
  ids.offer = (
    await createOffer(t.db, feed, {
      title: "Quartiersnetzwerke moderieren",
      moduleCodes: ["M07"],
      learningAreas: ["LB3"],
    })
  ).id;
  ids.other = (await createOffer(t.db, feed, { title: "Sozialraumanalyse kompakt" })).id;
  portalServer = await serveSchema(
    portalSchema([
      { user: "ayse", note: "Für das Team im Frühjahr", offerId: ids.offer },
      { user: "ayse", note: "Vielleicht im Herbst", offerId: ids.other },
      { user: "jonas", note: "nicht Ayşes", offerId: ids.other },
    ]),
  );

  // As IntrospectAndCompose would: the hub's SDL comes from its own _service field, over HTTP.
  const service = await post(urlOf(hubServer, "/subgraph"), "{ _service { sdl } }");
  if (!service.body.data) throw new Error(JSON.stringify(service));
  const hubSdl = (service.body.data?._service as { sdl: string }).sdl;
  const composed = composeServices([
    { name: "hub", typeDefs: parse(hubSdl), url: urlOf(hubServer, "/subgraph") },
    { name: "portal", typeDefs: parse(PORTAL_SDL), url: urlOf(portalServer) },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join("\n"));
  federated = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl }) });
  federatedUrl = (await startStandaloneServer(federated, { listen: { port: 0, host: "127.0.0.1" } })).url;
});

afterAll(async () => {
  await federated?.stop();
  await new Promise((resolve) => portalServer?.close(resolve));
  await new Promise((resolve) => hubServer?.close(resolve));
  await hub?.stop();
  await t?.drop();
});

describe("the hub as a federation subgraph", () => {
  it("serves its SDL with @key on Offer, Provider, Module and LearningArea", async () => {
    const { body } = await post(urlOf(hubServer, "/subgraph"), "{ _service { sdl } }");
    const sdl = (body.data?._service as { sdl: string }).sdl;
    for (const [type, key] of [
      ["Offer", "id"],
      ["Provider", "id"],
      ["Module", "code"],
      ["LearningArea", "code"],
    ])
      expect(sdl).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "${key}"\\)`));
    expect(sdl).toContain("union _Entity = LearningArea | Module | Offer | Provider");
  });

  it("resolves every entity kind through _entities", async () => {
    const query = print(
      parse(`query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on Offer { id title moduleCodes }
        ... on Provider { id name }
        ... on Module { code title }
        ... on LearningArea { code name }
      } }`),
    );
    const { status, body } = await post(urlOf(hubServer, "/subgraph"), query, {
      r: [
        { __typename: "Offer", id: ids.offer },
        { __typename: "Provider", id: ids.provider },
        { __typename: "Module", code: "M07" },
        { __typename: "LearningArea", code: "LB3" },
      ],
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toEqual([
      { id: ids.offer, title: "Quartiersnetzwerke moderieren", moduleCodes: ["M07"] },
      { id: ids.provider, name: "Volkshochschule Filstal" },
      { code: "M07", title: expect.any(String) },
      { code: "LB3", name: expect.any(String) },
    ]);
  });

  it("answers a query across the portal's bookmarks and the hub's offers through Apollo's gateway", async () => {
    const { status, body } = await post(
      federatedUrl,
      `query ($user: String!) { bookmarks(user: $user) {
        note
        offer { id title provider { name } modules { moduleCode } }
      } }`,
      { user: "ayse" },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.bookmarks).toEqual([
      {
        note: "Für das Team im Frühjahr",
        offer: {
          id: ids.offer,
          title: "Quartiersnetzwerke moderieren",
          provider: { name: "Volkshochschule Filstal" },
          modules: [{ moduleCode: "M07" }],
        },
      },
      {
        note: "Vielleicht im Herbst",
        offer: {
          id: ids.other,
          title: "Sozialraumanalyse kompakt",
          provider: { name: "Volkshochschule Filstal" },
          modules: [{ moduleCode: "M04" }],
        },
      },
    ]);
  });

  it("refuses a body that is not JSON and an unknown offer in German", async () => {
    const form = await fetch(urlOf(hubServer, "/subgraph"), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "query={__typename}",
    });
    expect(form.status).toBe(415);
    const { body } = await post(
      urlOf(hubServer, "/subgraph"),
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Offer { title } } }`,
      { r: [{ __typename: "Offer", id: "gibt-es-nicht" }] },
    );
    expect(body.errors?.[0]?.message).toMatch(/Angebot/);
  });
});
