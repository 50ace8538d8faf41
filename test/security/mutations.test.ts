import { createRequire } from "node:module";
import { pino } from "pino";
import type { GraphQLArgument, GraphQLField, GraphQLInputField, GraphQLInputType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueToken } from "../../schema/access/tokens.ts";
import type { IngestPort } from "../../schema/common/context.ts";
import { hubSchema } from "../../schema/build-schema.ts";
import { createFeed, createOffer, createProvider } from "../factories/offers.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { codesOf, startGateway, tableCounts, type GraphqlBody, type LiveGateway } from "./support.ts";

/**
 * Every mutation in the built schema, enumerated so new ones are covered without editing
 * this file: without credentials it is refused, and a provider's token cannot touch
 * another provider's data. Arguments are minimal dummies built from the argument types.
 */
// type-graphql builds the schema with graphql's CommonJS build; its type guards must come
// from the same build (instanceof across the ESM and CJS copies fails).
const { getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType } = createRequire(
  import.meta.url,
)("graphql") as typeof import("graphql");

const PUBLIC_BY_DESIGN = new Set(["registerProvider"]);
const REFUSALS = new Set(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED"]);

type Ids = { provider: string; feed: string; offer: string; tokenPrefix: string };

let t: TestDatabase;
let gw: LiveGateway;
let fields: GraphQLField<unknown, unknown>[] = [];
let victim: Ids;
let providerToken = "";
/** An ingest port that fetches nothing and records whether a refused mutation reached it. */
const ingestCalls: string[] = [];
const ingestSpy: IngestPort = {
  preview: async () => void ingestCalls.push("preview"),
  runFeed: async (feedId) => void ingestCalls.push(`runFeed ${feedId}`),
  assertFetchableUrl: async () => undefined,
  validateConfig: () => [],
  storePushed: async (feedId, providerId) => {
    ingestCalls.push(`storePushed ${feedId} ${providerId}`);
    throw new Error("Ein abgelehnter Aufruf darf hier nicht ankommen.");
  },
};

beforeAll(async () => {
  t = await createTestDatabase();
  gw = await startGateway(t.db, {
    ingest: ingestSpy,
    ...(process.env.SECURITY_DEBUG ? { logger: pino({ level: "error" }) } : {}),
    // Many requests from one IP in a row: the rate limit is not what this file tests.
    security: { ratePublic: { perSecond: 1000, burst: 10_000 }, rateToken: { perSecond: 1000, burst: 10_000 } },
  });
  fields = Object.values((await hubSchema()).getMutationType()?.getFields() ?? {});
  const own = await createProvider(t.db);
  const other = await createProvider(t.db);
  const otherFeed = await createFeed(t.db, other.id);
  const otherOffer = await createOffer(t.db, otherFeed);
  const otherToken = await issueToken(t.db, { role: "PROVIDER", name: "Fremder Träger", providerId: other.id });
  victim = { provider: other.id, feed: otherFeed.id, offer: otherOffer.id, tokenPrefix: otherToken.prefix };
  await createOffer(t.db, await createFeed(t.db, own.id));
  providerToken = (await issueToken(t.db, { role: "PROVIDER", name: "Eigener Träger", providerId: own.id })).token;
}, 120_000);
afterAll(async () => {
  await gw?.close();
  await t?.drop();
});

/** An ID argument points at the victim's row its name suggests; an offer otherwise. */
const idFor = (name: string, ids: Ids): string =>
  /provider/i.test(name) ? ids.provider : /feed/i.test(name) ? ids.feed : ids.offer;

function dummy(type: GraphQLInputType, name: string, ids: Ids, depth = 0): unknown {
  if (isNonNullType(type)) return dummy(type.ofType, name, ids, depth);
  if (isListType(type)) return [dummy(type.ofType, name, ids, depth)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (wanted(field) && depth < 5) out[field.name] = dummy(field.type, field.name, ids, depth + 1);
    }
    return out;
  }
  const scalar = getNamedType(type).name;
  if (scalar === "ID") return idFor(name, ids);
  if (scalar === "Int" || scalar === "Float") return 1;
  if (scalar === "Boolean") return true;
  if (/date/i.test(scalar)) return "2027-03-18T09:00:00.000Z";
  if (/email/i.test(name)) return "pruefung@quartier.example";
  if (/url/i.test(name)) return "https://anbieter.example/feed.xml";
  if (/prefix/i.test(name)) return ids.tokenPrefix;
  if (/^(providerId|feedId|offerId|id)$/.test(name)) return idFor(name, ids);
  return "Prüfung";
}

/** Required fields, plus optional ones that address a row (so "another provider's" is meant). */
const wanted = (field: GraphQLArgument | GraphQLInputField): boolean =>
  (isNonNullType(field.type) && field.defaultValue === undefined) || /id$/i.test(field.name);

function operation(field: GraphQLField<unknown, unknown>, ids: Ids) {
  const args = field.args.filter(wanted);
  const variables = Object.fromEntries(args.map((arg) => [arg.name, dummy(arg.type, arg.name, ids)]));
  const declared = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(", ");
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const selection = isLeafType(getNamedType(field.type)) ? "" : "{ __typename }";
  const query = `mutation${declared ? `(${declared})` : ""} { ${field.name}${passed ? `(${passed})` : ""} ${selection} }`;
  return { query, variables };
}

const addressesVictim = (field: GraphQLField<unknown, unknown>): boolean => {
  const json = JSON.stringify(operation(field, victim).variables);
  return Object.values(victim).some((value) => json.includes(`"${value}"`));
};

async function victimSnapshot(): Promise<string> {
  const p = t.db.prisma;
  return JSON.stringify([
    await p.provider.findUnique({ where: { id: victim.provider } }),
    await p.feed.findMany({ where: { providerId: victim.provider }, orderBy: { id: "asc" } }),
    await p.offer.findMany({
      where: { providerId: victim.provider },
      include: { modules: true },
      orderBy: { id: "asc" },
    }),
    await p.apiToken.findMany({
      where: { providerId: victim.provider },
      select: { id: true, revokedAt: true, hash: true },
    }),
  ]);
}

async function expectRefused(field: string, res: Response): Promise<string[]> {
  expect(res.status, field).toBeLessThan(500);
  const body = (await res.json()) as GraphqlBody;
  expect(body.data?.[field] ?? null, `${field} must not succeed`).toBeNull();
  const codes = codesOf(body);
  expect(codes.length, `${field} must answer with an error`).toBeGreaterThan(0);
  for (const code of codes) expect(REFUSALS, `${field}: ${code}`).toContain(code);
  return codes;
}

describe("every mutation", () => {
  it("finds the mutations in the built schema", () => {
    expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(["registerProvider", "decideClassification"]));
  });

  it("refuses each one without credentials and changes nothing", async () => {
    for (const field of fields.filter((f) => !PUBLIC_BY_DESIGN.has(f.name))) {
      const before = await tableCounts(t.db);
      const codes = await expectRefused(field.name, await gw.post(operation(field, victim)));
      // Refused for want of a login, or before that for the dummy input itself.
      expect(
        codes.some((c) => c === "UNAUTHENTICATED" || c === "BAD_USER_INPUT" || c === "GRAPHQL_VALIDATION_FAILED"),
        field.name,
      ).toBe(true);
      expect(await tableCounts(t.db), field.name).toEqual(before);
    }
  });

  it("refuses a provider token on another provider's data", async () => {
    const addressing = fields.filter((f) => !PUBLIC_BY_DESIGN.has(f.name) && addressesVictim(f));
    expect(addressing.length).toBeGreaterThan(0);
    const outcomes: Record<string, string> = {};
    for (const field of addressing) {
      const before = await tableCounts(t.db);
      const snapshot = await victimSnapshot();
      const codes = await expectRefused(
        field.name,
        await gw.post(operation(field, victim), { authorization: `Bearer ${providerToken}` }),
      );
      outcomes[field.name] = codes.join(",");
      expect(await tableCounts(t.db), field.name).toEqual(before);
      expect(await victimSnapshot(), field.name).toBe(snapshot);
    }
    if (process.env.SECURITY_DEBUG) console.log(outcomes);
    // Refused for the data's owner, not merely for malformed dummies: at least most are FORBIDDEN/NOT_FOUND.
    const ownership = Object.values(outcomes).filter((codes) => /FORBIDDEN|NOT_FOUND/.test(codes));
    expect(ownership.length).toBeGreaterThanOrEqual(Object.keys(outcomes).length / 2);
    expect(ingestCalls.filter((call) => call.includes(victim.feed) || call.includes(victim.provider))).toEqual([]);
  });

  it("still lets the public register a provider (by design)", async () => {
    const res = await gw.post({
      query:
        'mutation { registerProvider(input: { name: "Neuer Träger e. V.", contactEmail: "info@neuer-traeger.example" }) { id } }',
    });
    const body = (await res.json()) as GraphqlBody;
    expect(body.errors).toBeUndefined();
  });
});
