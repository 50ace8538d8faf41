import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { createGateway, listen, type Gateway } from "../../gateway/server.ts";
import { issueToken, revokeToken } from "../../schema/access/tokens.ts";
import { hubSchema } from "../../schema/build-schema.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let t: TestDatabase;
let gateway: Gateway;
let server: Server;
let url = "";

beforeAll(async () => {
  t = await createTestDatabase();
  gateway = await createGateway({
    db: t.db,
    schema: await hubSchema(),
    logger: pino({ level: "silent" }),
    env: "production",
    introspection: true,
  });
  server = await listen(gateway, 0, "127.0.0.1");
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server.close();
  await gateway.stop();
  await t.drop();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
const QUEUE = { query: "{ reviewQueue { totalCount } }" };

describe("the GraphQL endpoint over HTTP", () => {
  it("answers the taxonomy query at /graphql", async () => {
    const res = await post({ query: "{ taxonomy { learningAreas { code modules { code } } } }" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { taxonomy: { learningAreas: { modules: unknown[] }[] } } };
    expect(body.data.taxonomy.learningAreas.flatMap((a) => a.modules)).toHaveLength(29);
  });

  it("serves a GraphQL IDE to a browser's GET", async () => {
    const res = await fetch(url, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
  });

  it("accepts a valid bearer token and refuses forged, revoked and malformed ones", async () => {
    const issued = await issueToken(t.db, { role: "ANALYST", name: "Test" });
    const ok = await post(QUEUE, { authorization: `Bearer ${issued.token}` });
    expect(((await ok.json()) as { data: unknown }).data).toEqual({ reviewQueue: { totalCount: 0 } });

    const forged = issued.token.slice(0, -4) + "AAAA";
    expect((await post(QUEUE, { authorization: `Bearer ${forged}` })).status).toBe(401);
    expect((await post(QUEUE, { authorization: "Basic abc" })).status).toBe(401);
    await revokeToken(t.db, issued.prefix);
    const revoked = await post(QUEUE, { authorization: `Bearer ${issued.token}` });
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({
      errors: [{ message: "Das Token wurde widerrufen.", extensions: { code: "UNAUTHENTICATED" } }],
    });
  });

  it("stores tokens only as scrypt hashes", async () => {
    const issued = await issueToken(t.db, { role: "ADMIN", name: "Hash-Test" });
    const row = await t.db.prisma.apiToken.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row.hash).toMatch(/^scrypt\$/);
    // The secret is everything after "hub_<12-char prefix>_" (it may itself contain "_").
    expect(JSON.stringify(row)).not.toContain(issued.token.slice("hub_".length + 12 + 1));
  });

  it("refuses a cross-site simple POST (CSRF prevention) and a batch", async () => {
    const csrf = await fetch(url, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "{ providers { id } }" }),
    });
    expect(csrf.status).toBe(400);
    const batch = await post([{ query: "{ providers { id } }" }, { query: "{ providers { id } }" }]);
    expect(batch.status).toBe(400);
  });

  it("refuses bodies over the size limit and malformed JSON with 4xx", async () => {
    const huge = await post({ query: `{ providers { id } } #${"x".repeat(1_100_000)}` });
    expect(huge.status).toBe(413);
    // A signed-in provider or analyst may send an upload-sized body (a spreadsheet in base64).
    const issued = await issueToken(t.db, { role: "ANALYST", name: "Upload" });
    const large = await post(
      { query: "{ providers { id } }", variables: { pad: "x".repeat(2_000_000) } },
      { authorization: `Bearer ${issued.token}` },
    );
    expect(large.status).toBe(200);
    const broken = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(broken.status).toBe(400);
  });

  it("reports a malformed query as a parse error, not a crash", async () => {
    const res = await post({ query: "{ offers(first: ) }" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: "GRAPHQL_PARSE_FAILED" } }] });
  });
});
